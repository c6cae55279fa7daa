/**
 * Making receipt codes, which needs Node's crypto: a random one for each new registration, and
 * one derived from a row's text for an imported row that has none. The format is receipt.ts's.
 */
import { createHash, randomInt } from 'node:crypto';
import { formatReceipt, RECEIPT_ALPHABET, RECEIPT_GROUP } from './receipt.ts';

/** A new random receipt (31^8 ≈ 8.5 × 10^11 codes). */
export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < RECEIPT_GROUP * 2; i++)
    s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return formatReceipt(s);
}

/** A receipt derived from text (e.g. an imported row without one): the same text gives the same receipt. */
export function receiptFromText(text: string): string {
  const digest = createHash('sha256').update(text.normalize('NFC')).digest();
  let s = '';
  for (let i = 0; i < RECEIPT_GROUP * 2; i++)
    s += RECEIPT_ALPHABET[digest[i]! % RECEIPT_ALPHABET.length];
  return formatReceipt(s);
}
