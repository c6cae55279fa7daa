/**
 * The registry's public list split by campaign, for the pages: a product belongs to its round's
 * campaign; a late one ("đợt tiếp theo", no round) to the campaign the registry placed it in (the
 * one its export names, or that had begun when it was sent), else the current one. Computed once
 * per build; O(products), so a national list of 100,000 products splits in a few milliseconds.
 */
import { campaignOfRound, type CampaignView } from '../domain/campaign.ts';
import type { PublicProduct } from '../registry/public-list.ts';
import { loadProductCampaigns, loadPublicList } from '../publish/node/outputs.ts';
import { loadCampaigns, loadCurrentCampaign } from './content.ts';

export interface CampaignList {
  campaign: CampaignView;
  /** Unit slug → its products in the list's order; every unit of the campaign is present. */
  byUnit: Map<string, PublicProduct[]>;
  /** How many products in all. */
  count: number;
}

let shared: Promise<Map<string, CampaignList>> | undefined;

/** Campaign slug → its list. */
export function loadCampaignLists(): Promise<Map<string, CampaignList>> {
  return (shared ??= Promise.all([loadCampaigns(), loadCurrentCampaign()]).then(
    ([campaigns, current]) => {
      const lists = new Map(
        campaigns.map((c) => [
          c.slug,
          {
            campaign: c,
            byUnit: new Map(c.communes.map((u) => [u.slug, [] as PublicProduct[]])),
            count: 0,
          },
        ]),
      );
      const roundCampaign = new Map<string | null, CampaignView>();
      const placed = loadProductCampaigns();
      for (const unit of loadPublicList().communes) {
        for (const p of unit.products) {
          let campaign = roundCampaign.get(p.round);
          if (!campaign)
            roundCampaign.set(p.round, (campaign = campaignOfRound(campaigns, current, p.round)));
          const list = lists.get(placed.get(p.receipt) ?? '') ?? lists.get(campaign.slug)!;
          let products = list.byUnit.get(unit.slug);
          // A unit the campaign does not list (an old export): kept, so nothing chosen goes missing.
          if (!products) list.byUnit.set(unit.slug, (products = []));
          products.push(p);
          list.count++;
        }
      }
      return lists;
    },
  ));
}
