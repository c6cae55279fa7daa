// The content collections, loaded once per build in display order, for Astro pages: thousands of
// commune pages share each list (Base.astro asks for the notices on every page).
import { getCollection } from 'astro:content';
import {
  byStart,
  currentOf,
  fallbackCampaign,
  viewCampaign,
  type CampaignView,
} from '../domain/campaign.ts';
import { sortRounds, type RoundWithSlug } from '../domain/round.ts';
import { byOrder } from '../domain/value-set.ts';

const withSlug = <T>(entries: { id: string; data: T }[]) =>
  entries.map((e) => ({ ...e.data, slug: e.id }));

/** Each loader runs once; the dev server re-evaluates this module when content changes (it imports astro:content). */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let shared: Promise<T> | undefined;
  return () => (shared ??= load());
}

export const loadRounds: () => Promise<RoundWithSlug[]> = once(async () =>
  sortRounds(withSlug(await getCollection('rounds'))),
);
export const loadCommunes = once(async () => byOrder(withSlug(await getCollection('communes'))));
export const loadProductGroups = once(async () =>
  byOrder(withSlug(await getCollection('productGroups'))),
);
export const loadProducerTypes = once(async () =>
  byOrder(withSlug(await getCollection('producerTypes'))),
);
export const loadAuthority = once(async () => {
  const [entry] = await getCollection('authority');
  if (!entry) throw new Error('content/authority: no authority file');
  return entry.data;
});
/** Every campaign with its rounds and units resolved, oldest first; one for every round when content/campaigns/ is empty. */
export const loadCampaigns: () => Promise<CampaignView[]> = once(async () => {
  const [defined, rounds, communes, authority] = await Promise.all([
    getCollection('campaigns'),
    loadRounds(),
    loadCommunes(),
    loadAuthority(),
  ]);
  const campaigns = defined.length
    ? withSlug(defined)
    : [fallbackCampaign([...new Set(rounds.map((r) => r.notice))])];
  return byStart(
    campaigns.map((c) => viewCampaign(c, { rounds, communes, unitWord: authority.unitWord })),
  );
});
/** The current campaign: home page, form, calendar and /danh-sach/. */
export const loadCurrentCampaign = once(async () => currentOf(await loadCampaigns()));
/** The campaigns kept under /luu-tru/, newest first. */
export const loadArchivedCampaigns = once(async () => {
  const [all, current] = await Promise.all([loadCampaigns(), loadCurrentCampaign()]);
  return all.filter((c) => c.slug !== current.slug).reverse();
});
export const loadContact = once(async () => {
  const [entry] = await getCollection('contact');
  if (!entry) throw new Error('content/contact: no contact file');
  return entry.data;
});
export const loadNotices = once(async () =>
  (await getCollection('notices')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime()),
);
