/**
 * Reads content/ with plain node:fs for code that runs outside Astro (the form
 * service, the registry CLI), validating each file with the same domain schema
 * the content collections use.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { authoritySchema, type Authority } from './authority.ts';
import {
  campaignSchema,
  currentOf,
  fallbackCampaign,
  viewCampaign,
  type CampaignView,
} from './campaign.ts';
import { communeSchema, type CommuneWithSlug } from './commune.ts';
import { contactSchema, type Contact } from './contact.ts';
import { roundSchema, sortRounds, type RoundWithSlug } from './round.ts';
import {
  byOrder,
  productGroupSchema,
  producerTypeSchema,
  type ValueSetItemWithSlug,
} from './value-set.ts';

export const DEFAULT_CONTENT_DIR = resolve(import.meta.dirname, '../../content');

function readFolder<S extends z.ZodType>(
  dir: string,
  schema: S,
): (z.infer<S> & { slug: string })[] {
  return readdirSync(dir)
    .filter((f) => extname(f) === '.json')
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return { ...(parsed.data as object), slug: basename(f, '.json') } as z.infer<S> & {
        slug: string;
      };
    });
}

export interface SiteContent {
  /** Every unit of every campaign (the registry and the review UI read old registrations too). */
  communes: CommuneWithSlug[];
  /** Every round of every campaign. */
  rounds: RoundWithSlug[];
  /** Every campaign, resolved; `campaign` is the current one (the form and new registrations use its rounds and units). */
  campaigns: CampaignView[];
  campaign: CampaignView;
  productGroups: ValueSetItemWithSlug[];
  producerTypes: ValueSetItemWithSlug[];
  contact: Contact;
  authority: Authority;
}

/** Everything the service and the registry need from content/, in display order. */
export function readSiteContent(contentDir = DEFAULT_CONTENT_DIR): SiteContent {
  const contact = readFolder(join(contentDir, 'contact'), contactSchema)[0];
  if (!contact) throw new Error(`${contentDir}/contact: no contact file`);
  const authority = readFolder(join(contentDir, 'authority'), authoritySchema)[0];
  if (!authority) throw new Error(`${contentDir}/authority: no authority file`);
  const communes = byOrder(readFolder(join(contentDir, 'communes'), communeSchema));
  const rounds = sortRounds(readFolder(join(contentDir, 'rounds'), roundSchema));
  const campaignDir = join(contentDir, 'campaigns');
  const defined = existsSync(campaignDir) ? readFolder(campaignDir, campaignSchema) : [];
  const campaigns = (
    defined.length ? defined : [fallbackCampaign([...new Set(rounds.map((r) => r.notice))])]
  ).map((c) => viewCampaign(c, { rounds, communes, unitWord: authority.unitWord }));
  return {
    authority,
    communes,
    rounds,
    campaigns,
    campaign: currentOf(campaigns),
    productGroups: byOrder(readFolder(join(contentDir, 'product-groups'), productGroupSchema)),
    producerTypes: byOrder(readFolder(join(contentDir, 'producer-types'), producerTypeSchema)),
    contact,
  };
}
