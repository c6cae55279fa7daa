/**
 * Receipt codes: short, read aloud over the phone and typed back, so they use
 * an alphabet without look-alikes (no 0/O, 1/I/L). Format "XXXX-XXXX".
 */
import { createHash, randomInt } from 'node:crypto';

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Each character code (below 256) → its place in RECEIPT_ALPHABET, or -1. */
export const RECEIPT_CODE = new Int8Array(256).fill(-1);
for (let i = 0; i < RECEIPT_ALPHABET.length; i++) RECEIPT_CODE[RECEIPT_ALPHABET.charCodeAt(i)] = i;
const GROUP = 4;

function format(chars: string): string {
  return `${chars.slice(0, GROUP)}-${chars.slice(GROUP, GROUP * 2)}`;
}

/** A new random receipt (31^8 ≈ 8.5 × 10^11 codes). */
export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < GROUP * 2; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return format(s);
}

/** A receipt derived from text (e.g. an imported row without one): the same text gives the same receipt. */
export function receiptFromText(text: string): string {
  const digest = createHash('sha256').update(text.normalize('NFC')).digest();
  let s = '';
  for (let i = 0; i < GROUP * 2; i++) s += RECEIPT_ALPHABET[digest[i]! % RECEIPT_ALPHABET.length];
  return format(s);
}

/** Reads a receipt as a person typed it (any case, spaces, with or without the dash); null when it is not one. */
export function normaliseReceipt(input: string): string | null {
  const s = input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  if (s.length !== GROUP * 2 || [...s].some((ch) => !RECEIPT_ALPHABET.includes(ch))) return null;
  return format(s);
}
