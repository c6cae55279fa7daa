// The content collections, loaded once per build in display order, for Astro pages.
import { getCollection } from 'astro:content';
import { sortRounds, type RoundWithSlug } from '../domain/round.ts';
import { byOrder } from '../domain/value-set.ts';

const withSlug = <T>(entries: { id: string; data: T }[]) => entries.map((e) => ({ ...e.data, slug: e.id }));

export async function loadRounds(): Promise<RoundWithSlug[]> {
  return sortRounds(withSlug(await getCollection('rounds')));
}
export async function loadCommunes() {
  return byOrder(withSlug(await getCollection('communes')));
}
export async function loadProductGroups() {
  return byOrder(withSlug(await getCollection('productGroups')));
}
export async function loadProducerTypes() {
  return byOrder(withSlug(await getCollection('producerTypes')));
}
export async function loadContact() {
  const [entry] = await getCollection('contact');
  if (!entry) throw new Error('content/contact: no contact file');
  return entry.data;
}
export async function loadNotices() {
  return (await getCollection('notices')).sort((a, b) => b.data.date.getTime() - a.data.date.getTime());
}
