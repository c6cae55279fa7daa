/** Fixed value sets of a registration that are part of the public contract (not editor-managed). */

/** Stage of the product (productStage). */
export const PRODUCT_STAGES = {
  'y-tuong': 'Ý tưởng sản phẩm mới',
  'da-co': 'Sản phẩm đã có trên thị trường',
} as const;
export type ProductStage = keyof typeof PRODUCT_STAGES;

/** Review status (status); only `da-chon` is ever published. */
export const STATUSES = {
  'cho-ra-soat': 'Chờ rà soát',
  'da-chon': 'Đã chọn xây dựng sản phẩm OCOP',
  'chua-chon': 'Chưa chọn',
  'can-bo-sung': 'Cần bổ sung',
  rac: 'Không hợp lệ / thư rác',
} as const;
export type Status = keyof typeof STATUSES;
export const PUBLISHED_STATUS: Status = 'da-chon';
export const INITIAL_STATUS: Status = 'cho-ra-soat';

/** Spam or invalid: never told apart from cho-ra-soat in public, so a bot cannot tell. */
export const SPAM_STATUS: Status = 'rac';
/** Staff need more from the producer: this status comes with a public reason (publicNote), shown on the lookup page. */
export const NEEDS_MORE_STATUS: Status = 'can-bo-sung';
/** The longest public reason, in characters. */
export const MAX_PUBLIC_NOTE_LENGTH = 500;

export const isStatus = (value: unknown): value is Status =>
  typeof value === 'string' && Object.hasOwn(STATUSES, value);
