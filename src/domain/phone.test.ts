import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStoredPhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it.each([
    ['0835047419', '0835047419'],
    ['083 5047 419', '0835047419'],
    ['+84 835 047 419', '0835047419'],
    ['(+84) 912.345.678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912-345-678', '0912345678'],
    ['912345678', '0912345678'],
    ['0261 3544 123', '02613544123'],
    ['2613544123', '02613544123'],
  ])('%s → %s', (input, out) => {
    expect(normalisePhone(input)).toBe(out);
  });

  it.each(['', 'abc', '0123456789', '091234567', '09123456789', '+1 202 555 0101', '0412345678'])(
    'refuses %j',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );
});

describe('isStoredPhone', () => {
  it('says yes only to numbers normalisePhone returns unchanged, and to every number it returns', () => {
    const digits = fc.string({
      unit: fc.constantFrom('0', '2', '3', '8', '9', '4', ' ', '+', '.'),
      maxLength: 13,
    });
    fc.assert(
      fc.property(fc.oneof(digits, fc.string()), (v) => {
        if (isStoredPhone(v)) expect(normalisePhone(v)).toBe(v);
        const stored = normalisePhone(v);
        if (stored !== null) expect(isStoredPhone(stored)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
