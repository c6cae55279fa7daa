/**
 * The registration schema's fields by position, as both row readers use them: readRow (row.ts)
 * checks a row's cells in this order and the fast path (fast/row.ts) by the same places, because a
 * check looked up by field name in every one of 100,000 rows is a slow, megamorphic lookup.
 */
import type { FieldKey } from '../domain/field-checks.ts';

/**
 * The schema's fields in its order (checked when a reader is built): readRow reads and checks them
 * by position, and the fast path (fast/row.ts) by the same places.
 */
export const FIELDS = [
  'producerName',
  'producerType',
  'representative',
  'phone',
  'email',
  'commune',
  'address',
  'businessId',
  'productName',
  'productGroup',
  'productStage',
  'description',
  'supportNeeds',
  'consentProcessing',
  'consentPublishName',
] as const satisfies readonly FieldKey[];
const at = (key: (typeof FIELDS)[number]) => FIELDS.indexOf(key);
export const [
  PRODUCER_NAME,
  PRODUCER_TYPE,
  PHONE,
  COMMUNE,
  PRODUCT_NAME,
  PRODUCT_GROUP,
  PRODUCT_STAGE,
  CONSENT,
  PUBLISH_NAME,
] = [
  at('producerName'),
  at('producerType'),
  at('phone'),
  at('commune'),
  at('productName'),
  at('productGroup'),
  at('productStage'),
  at('consentProcessing'),
  at('consentPublishName'),
];
/**
 * The published fields: a problem in one keeps the product off the list (and rejects a
 * chosen row).
 */
export const PUBLIC_FIELDS = new Set([PRODUCT_NAME, PRODUCT_GROUP, PRODUCER_TYPE, COMMUNE]);
