/**
 * What "erase personal data" means for a registration (Luật 91/2025/QH15,
 * docs/contracts.md, "Personal data"): the row stays, for the counts, the lookup and
 * the public list (receipt, times, round, status, unit, product, group,
 * stage, producer type), and every personal field is emptied; the producer's
 * name too when the producer is a person or a household, since then the name
 * is a person's name. Publishing the name is withdrawn with it.
 */
import type { RegistrationRecord } from './registration.ts';

/** Producer types whose name is a person's or a household's name. */
export const PERSONAL_PRODUCER_TYPES: ReadonlySet<string> = new Set(['ca-nhan', 'ho-kinh-doanh']);

/** The fields emptied by an erasure, always. */
export const PERSONAL_FIELDS = [
  'representative',
  'phone',
  'email',
  'address',
  'businessId',
  'description',
  'supportNeeds',
  'reviewNote',
] as const;

/** Whether erasing this registration empties the producer's name too. */
export const nameIsPersonal = (producerType: string): boolean =>
  PERSONAL_PRODUCER_TYPES.has(producerType);

/** The record as it is after an erasure. */
export function erasedRecord<T extends RegistrationRecord>(record: T): T {
  return {
    ...record,
    representative: '',
    phone: '',
    email: '',
    address: '',
    businessId: '',
    description: '',
    supportNeeds: [],
    reviewNote: '',
    producerName: nameIsPersonal(record.producerType) ? '' : record.producerName,
    consentPublishName: false,
  };
}
