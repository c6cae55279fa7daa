import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isScientific,
  memo,
  readSheetInstant,
  readYesNo,
  slugLookup,
  stripThousands,
} from './sheet-values.ts';

describe('readSheetInstant', () => {
  it.each([
    ['2024-03-20T09:15:00+07:00', '2024-03-20T09:15:00+07:00'],
    ['2024-03-20T02:15:00Z', '2024-03-20T09:15:00+07:00'],
    ['2024-03-20 09:15', '2024-03-20T09:15:00+07:00'],
    ['2024-03-20', '2024-03-20T00:00:00+07:00'],
    ['25/03/2024 08:05', '2024-03-25T08:05:00+07:00'],
    ['25/03/2024 8:05:12', '2024-03-25T08:05:12+07:00'],
    ['5/3/2024', '2024-03-05T00:00:00+07:00'],
    ['25-03-24', '2024-03-25T00:00:00+07:00'],
    ['3/25/2024 8:05:12 PM', '2024-03-25T20:05:12+07:00'],
    ['25/03/2024 12:30 SA', '2024-03-25T00:30:00+07:00'],
    ['45376.5', '2024-03-25T12:00:00+07:00'],
  ])('%s → %s', (input, expected) => {
    expect(readSheetInstant(input)).toBe(expected);
  });
  it.each(['', 'hôm qua', '31/02/2024', '25/13/2024 8:00', '2024-03-20T25:00', '12345'])(
    '%j is unreadable',
    (input) => {
      expect(readSheetInstant(input)).toBeNull();
    },
  );
});

describe('spreadsheet numbers', () => {
  it('strips thousands separators only from numbers that have them', () => {
    expect(stripThousands('912,345,678')).toBe('912345678');
    expect(stripThousands('6.400.123.456')).toBe('6400123456');
    expect(stripThousands('0912 345 678')).toBe('0912 345 678');
    expect(stripThousands('12,34')).toBe('12,34');
  });
  it('recognises scientific notation', () => {
    expect(isScientific('9,12346E+08')).toBe(true);
    expect(isScientific('6.4E9')).toBe(true);
    expect(isScientific('0912345678')).toBe(false);
  });
});

describe('readYesNo', () => {
  it.each([
    ['có', true],
    ['Có', true],
    ['TRUE', true],
    ['x', true],
    ['1', true],
    ['không', false],
    ['KHONG', false],
    ['FALSE', false],
    ['', false],
    ['có lẽ', null],
    ['?', null],
  ])('%j → %j', (v, expected) => {
    expect(readYesNo(v)).toBe(expected);
  });
});

describe('slugLookup', () => {
  it('finds a slug from itself or its label in any case, with or without diacritics', () => {
    const find = slugLookup([
      { slug: 'do-uong', label: 'Đồ uống' },
      { slug: 'da-chon', label: 'Đã chọn xây dựng sản phẩm OCOP', also: ['Đã chọn'] },
    ]);
    expect(find('do-uong')).toBe('do-uong');
    expect(find('ĐỒ UỐNG')).toBe('do-uong');
    expect(find('do uong')).toBe('do-uong');
    expect(find('đã chọn')).toBe('da-chon');
    expect(find('Thực phẩm')).toBeUndefined();
  });
});

describe('memo', () => {
  it("gives the function's answer for every value, asking it once per value it keeps", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom('', 'có', 'da-chon', 'x'),
            fc.string({ maxLength: 3 }),
            fc.boolean(),
          ),
          { maxLength: 200 },
        ),
        fc.integer({ min: 0, max: 30 }),
        (values, limit) => {
          const asked = new Map<unknown, number>();
          const fn = (v: string | boolean) => {
            asked.set(v, (asked.get(v) ?? 0) + 1);
            return typeof v === 'string' ? `«${v}»` : v ? undefined : null;
          };
          const remembered = memo(fn, limit);
          for (const v of values)
            expect(remembered(v)).toBe(typeof v === 'string' ? `«${v}»` : v ? undefined : null);
          const distinct = [...new Set(values)];
          // The first eight distinct values are always kept; past them, up to `limit`.
          if (distinct.length <= 8) for (const v of distinct) expect(asked.get(v)).toBe(1);
          expect(asked.size).toBe(distinct.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});
