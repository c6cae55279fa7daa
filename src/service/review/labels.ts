/** Slugs → what staff read, from content/ and the fixed value sets. */
import { PRODUCT_STAGES, STATUSES } from '../../domain/status.ts';
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { formatDateTimeVn } from '../../domain/time.ts';
import type { StoredRegistration } from '../storage/store.ts';
import type { SiteContent } from '../../domain/content-files-node.ts';

export function labelOf(
  items: readonly { slug: string; label?: string; name?: string }[],
  slug: string,
): string {
  const item = items.find((i) => i.slug === slug);
  return item ? (item.label ?? item.name ?? slug) : slug;
}

export const communeName = (content: SiteContent, slug: string) => labelOf(content.communes, slug);
export const statusLabel = (status: string) =>
  (STATUSES as Record<string, string>)[status] ?? status;
export const stageLabel = (stage: string) =>
  (PRODUCT_STAGES as Record<string, string>)[stage] ?? stage;

/** "25/03/2024 08:05" from a stored ISO time; "" for none. */
export function when(iso: string | null): string {
  return iso ? formatDateTimeVn(new Date(iso)) : '';
}

/** What the producer filled in, as staff read it (labels of the form, slugs as words): the detail page and the printed phiếu. */
export function filledInRows(content: SiteContent, r: StoredRegistration): [string, string][] {
  return [
    [F.producerName.label, r.producerName],
    [F.producerType.label, labelOf(content.producerTypes, r.producerType)],
    [F.representative.label, r.representative],
    [F.phone.label, r.phone],
    [F.email.label, r.email],
    [F.commune.label, communeName(content, r.commune)],
    [F.address.label, r.address],
    [F.businessId.label, r.businessId],
    [F.productName.label, r.productName],
    [F.productGroup.label, labelOf(content.productGroups, r.productGroup)],
    [F.productStage.label, stageLabel(r.productStage)],
    [F.description.label, r.description],
    [F.supportNeeds.label, r.supportNeeds.join('\n')],
    ['Đồng ý công khai tên', r.consentPublishName ? 'Có' : 'Không'],
  ];
}
