/**
 * Receipt codes: short, read aloud over the phone and typed back, so they use
 * an alphabet without look-alikes (no 0/O, 1/I/L). Format "XXXX-XXXX".
 * Browser-safe; making a new one (random, or from a hash) is in receipt-node.ts.
 */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Each character code (below 256) → its place in RECEIPT_ALPHABET, or -1. */
export const RECEIPT_CODE = new Int8Array(256).fill(-1);
for (let i = 0; i < RECEIPT_ALPHABET.length; i++) RECEIPT_CODE[RECEIPT_ALPHABET.charCodeAt(i)] = i;
export const RECEIPT_GROUP = 4;
/** A receipt's length, "XXXX-XXXX", and the place of its dash. */
export const RECEIPT_LENGTH = RECEIPT_GROUP * 2 + 1;
export const RECEIPT_DASH_AT = RECEIPT_GROUP;
export const RECEIPT_DASH = 0x2d; // '-'
/** Each character of a receipt key is 5 bits: the alphabet has 31 characters. */
export const RECEIPT_KEY_BASE = 32;

/** Eight alphabet characters as "XXXX-XXXX". */
export function formatReceipt(chars: string): string {
  return `${chars.slice(0, RECEIPT_GROUP)}-${chars.slice(RECEIPT_GROUP, RECEIPT_GROUP * 2)}`;
}

/** Reads a receipt as a person typed it (any case, spaces, with or without the dash); null when it is not one. */
export function normaliseReceipt(input: string): string | null {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== RECEIPT_GROUP * 2 || [...s].some((ch) => !RECEIPT_ALPHABET.includes(ch)))
    return null;
  return formatReceipt(s);
}

/**
 * A receipt "XXXX-XXXX" as a number (its key): each of its eight characters is 5 bits, 40 bits in
 * all, exact in a double. -1 for a text that is not a receipt in that form. The registry keeps its
 * rows' receipts as keys (registry/outcome-table.ts); registry/fast/cells.ts reads one from bytes.
 */
export function receiptKey(receipt: string): number {
  if (receipt.length !== RECEIPT_LENGTH || receipt.charCodeAt(RECEIPT_DASH_AT) !== RECEIPT_DASH)
    return -1;
  let key = 0;
  for (let i = 0; i < RECEIPT_LENGTH; i++) {
    if (i === RECEIPT_DASH_AT) continue;
    const c = receipt.charCodeAt(i);
    const v = c < 256 ? RECEIPT_CODE[c]! : -1;
    if (v < 0) return -1;
    key = key * RECEIPT_KEY_BASE + v;
  }
  return key;
}

/** The receipt a key was made from. */
export function receiptOfKey(key: number): string {
  let s = '';
  for (let i = 2 * RECEIPT_GROUP - 1; i >= 0; i--) {
    s += RECEIPT_ALPHABET[Math.floor(key / RECEIPT_KEY_BASE ** i) % RECEIPT_KEY_BASE];
    if (i === RECEIPT_GROUP) s += '-';
  }
  return s;
}
