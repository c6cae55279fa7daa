// Receipt keys: every receipt "XXXX-XXXX" its own 40-bit number, and the receipt back from it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECEIPT_ALPHABET, receiptKey, receiptOfKey } from './receipt.ts';

const receipt = fc
  .array(fc.constantFrom(...RECEIPT_ALPHABET), { minLength: 8, maxLength: 8 })
  .map((c) => `${c.slice(0, 4).join('')}-${c.slice(4).join('')}`);

describe('receiptKey', () => {
  it('gives every receipt its own number, and the receipt back', () => {
    fc.assert(
      fc.property(receipt, receipt, (a, b) => {
        expect(receiptOfKey(receiptKey(a))).toBe(a);
        expect(receiptKey(a) === receiptKey(b)).toBe(a === b);
        expect(Number.isSafeInteger(receiptKey(a)) && receiptKey(a) >= 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
    expect(receiptOfKey(receiptKey('ZZZZ-ZZZZ'))).toBe('ZZZZ-ZZZZ');
    expect(receiptOfKey(receiptKey('2222-2222'))).toBe('2222-2222');
  });
  it('is -1 for text that is not a receipt in the form XXXX-XXXX', () => {
    for (const t of [
      '',
      'K7QM3XPA',
      'K7QM-3XP',
      'K7QM-3XPAA',
      'K7QM_3XPA',
      'k7qm-3xpa',
      'K7QM-3XP0',
      'K7QM-3XPI',
      'K7QM-3XPÁ',
      'K7QM-3XP\u{1F600}'.slice(0, 9),
    ])
      expect(receiptKey(t)).toBe(-1);
  });
});
