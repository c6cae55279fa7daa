/** Slugs → what staff read, from content/ and the fixed value sets. */
import { PRODUCT_STAGES, STATUSES } from '../../domain/status.ts';
import { formatDateTimeVn } from '../../domain/time.ts';
import type { SiteContent } from '../../lib/content-files.ts';

export function labelOf(items: readonly { slug: string; label?: string; name?: string }[], slug: string): string {
  const item = items.find((i) => i.slug === slug);
  return item ? (item.label ?? item.name ?? slug) : slug;
}

export const communeName = (content: SiteContent, slug: string) => labelOf(content.communes, slug);
export const statusLabel = (status: string) => (STATUSES as Record<string, string>)[status] ?? status;
export const stageLabel = (stage: string) => (PRODUCT_STAGES as Record<string, string>)[stage] ?? stage;

/** "25/03/2024 08:05" from a stored ISO time; "" for none. */
export function when(iso: string | null): string {
  return iso ? formatDateTimeVn(new Date(iso)) : '';
}
