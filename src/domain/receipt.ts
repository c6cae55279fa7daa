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
