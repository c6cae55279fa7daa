// The fast paths of cells.ts against their references: each check on a cell's bytes answers as its
// reference on the decoded text, or says it cannot tell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalInstantAt,
  cleanTextLengthAt,
  isPlainEmailAt,
  isStoredPhoneAt,
  receiptKeyAt,
} from './cells.ts';
import { PLAIN_EMAIL } from '../../domain/field-checks.ts';
import { isStoredPhone } from '../../domain/phone.ts';
import { RECEIPT_ALPHABET, receiptKey } from '../../domain/receipt.ts';
import { instantMs } from '../outcome-table.ts';
import { tidy } from '../row.ts';
import { readSheetInstant } from '../../domain/sheet-values.ts';
import { clean } from '../../domain/text.ts';
import { toVnIso } from '../../domain/time.ts';

const encoder = new TextEncoder();
/** The cell's bytes with some bytes before and after it, and its range. */
const placed = (text: string, before = 'x,', after = ',y') => {
  const bytes = encoder.encode(before + text + after);
  const start = encoder.encode(before).length;
  return { bytes, start, end: start + encoder.encode(text).length };
};

describe('receiptKeyAt', () => {
  it('is receiptKey of the text, for any text', () => {
    const unit = fc.constantFrom(...RECEIPT_ALPHABET, '-', 'a', '0', '1', 'I', 'Á', ' ', '😀');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 7, maxLength: 10 }), (text) => {
        const { bytes, start, end } = placed(text);
        expect(receiptKeyAt(bytes, start, end)).toBe(receiptKey(text));
      }),
      { numRuns: 5000 },
    );
    const { bytes, start, end } = placed('K7QM-3XPA');
    expect(receiptKeyAt(bytes, start, end)).toBe(receiptKey('K7QM-3XPA'));
  });
});

describe('canonicalInstantAt', () => {
  const reference = (text: string) => {
    const iso = readSheetInstant(text);
    return iso === null ? NaN : instantMs(iso);
  };
  it('is the instant the registry reads from a time in the export form, for every real day', () => {
    const instant = fc.date({
      min: new Date('1000-01-01T00:00:00Z'),
      max: new Date('9999-12-30T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const text = toVnIso(new Date(Math.floor(d.getTime() / 1000) * 1000));
        const { bytes, start, end } = placed(text);
        expect(canonicalInstantAt(bytes, start, end)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
  it('is that instant or NaN for any text of the same shape, and NaN for any other text', () => {
    const two = fc.integer({ min: 0, max: 99 }).map((v) => String(v).padStart(2, '0'));
    const shaped = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two, two, two, two, two)
      .map(
        ([y, mo, d, h, mi, s]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}+07:00`,
      );
    const other = fc.string({
      unit: fc.constantFrom('2', '0', '-', 'T', ':', '+', '7', 'Z', ' ', '/'),
      minLength: 24,
      maxLength: 26,
    });
    fc.assert(
      fc.property(fc.oneof(shaped, other), (text) => {
        const { bytes, start, end } = placed(text);
        const ms = canonicalInstantAt(bytes, start, end);
        if (!Number.isNaN(ms)) expect(ms).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
    for (const text of [
      '2024-02-30T08:00:00+07:00',
      '2023-02-29T08:00:00+07:00',
      '2024-04-31T08:00:00+07:00',
      '0999-01-01T00:00:00+07:00',
      '2024-03-25T08:05:00Z',
      ' 2024-03-25T08:05:00+07:00',
    ]) {
      const { bytes, start, end } = placed(text);
      expect(canonicalInstantAt(bytes, start, end)).toBeNaN();
    }
  });
});

describe('cleanTextLengthAt', () => {
  const unit = fc.constantFrom(
    'a',
    'Z',
    ' ',
    '  ',
    "'",
    '"',
    '=',
    'à',
    'Đ',
    'ắ',
    'ữ',
    'Ỳ',
    'ế',
    '\u00a0',
    '\u0301',
    'e\u0301',
    'Ω',
    'Ͱ',
    'ʼ',
    '\t',
    '\r\n',
    '\u0000',
    '\u007f',
    '\u001b',
    '😀',
    '中',
    '\u1e9f',
    '\u1ea0',
    '\u2028',
    '\ufeff',
    '\u0085',
  );
  it('is the length of a text the registry keeps as it is, and -1 whenever it is not sure', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), fc.boolean(), (text, quoted) => {
        // A quoted cell holding a quote doubles it; the range is the inside of the quotes.
        const escaped = quoted && text.includes('"');
        const { bytes, start, end } = placed(escaped ? text.replaceAll('"', '""') : text);
        const n = cleanTextLengthAt(bytes, start, end, escaped);
        if (n >= 0) {
          expect(tidy(text)).toBe(text);
          expect(clean(text)).toBe(text);
          expect(n).toBe(text.length);
        }
        // A control character is never vouched for: a text field may refuse it.
        if (/[\u0000-\u001f\u007f]/.test(text)) expect(n).toBe(-1);
        // Sure of every other text made of letters NFC keeps, with nothing to trim or restore at either end.
        else if (/^(?![\s'])[\u0000-\u02ff\u1ea0-\u1eff]*(?<!\s)$/.test(text))
          expect(n).toBe(text.length);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe('isStoredPhoneAt', () => {
  it('is isStoredPhone of the text', () => {
    const unit = fc.constantFrom(
      '0',
      '1',
      '2',
      '3',
      '5',
      '7',
      '8',
      '9',
      '4',
      '6',
      '+',
      ' ',
      '.',
      'a',
      '٣',
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 8, maxLength: 12 }), (text) => {
        const { bytes, start, end } = placed(text);
        expect(isStoredPhoneAt(bytes, start, end)).toBe(isStoredPhone(text));
      }),
      { numRuns: 10_000 },
    );
    for (const text of ['0912345678', '02613123456', '0412345678', '091234567', '021234567890']) {
      const { bytes, start, end } = placed(text);
      expect(isStoredPhoneAt(bytes, start, end)).toBe(isStoredPhone(text));
    }
  });
});

describe('isPlainEmailAt', () => {
  it("is field-checks' PLAIN_EMAIL on the text", () => {
    const unit = fc.constantFrom(
      'a',
      'Z',
      'vn',
      'com',
      '0',
      '9',
      '.',
      '_',
      '-',
      '@',
      '+',
      ' ',
      'é',
      '..',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 14 }), (text) => {
        const { bytes, start, end } = placed(text);
        expect(isPlainEmailAt(bytes, start, end)).toBe(PLAIN_EMAIL.test(text));
      }),
      { numRuns: 20_000 },
    );
    for (const text of [
      'a@b.vn',
      'nguoi.san_xuat.01@gmail.com',
      'a@b-c.d-e.com',
      'a@b.c',
      'a@b.v1',
      'a@-b.vn',
      'a.@b.vn',
      '@b.vn',
      'a@b',
      'a@b.vn.',
      'A@B.VN',
    ]) {
      const { bytes, start, end } = placed(text);
      expect(isPlainEmailAt(bytes, start, end)).toBe(PLAIN_EMAIL.test(text));
    }
  });
});
