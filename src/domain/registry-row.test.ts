// The fast row reader reads every row, damaged or not, exactly as the same reader on the schema alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../lib/content-files.ts';
import { schemaChecks } from './field-checks.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from './receipt.ts';
import { makeRowReader, type RawRow } from './registry-row.ts';
import { isCanonicalInstant, readSheetInstant } from './sheet-values.ts';
import { toVnIso } from './time.ts';

const content = readSiteContent();
const ctx = { sets: content, rounds: content.rounds.map((r) => ({ slug: r.slug, label: r.label, deadline: r.deadline })) };
const commune = content.communes[0]!;

/** A good value, or one a spreadsheet or a person damaged. */
const cell = (...good: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...good) },
    fc.constantFrom('', ' ', "'=1+1", '"', '\u0301', ' x ', 'Cà phê'.normalize('NFD'), 'x'.repeat(201), '9,12E+08', '31/02/2024', '???'),
    fc.string({ maxLength: 8 }),
  );
const row = fc.record<RawRow>(
  {
    receipt: cell('K7QM-3XPA', 'k7qm 3xpa', 'ABCD-EFGH', 'SAI'),
    submittedAt: cell('2024-03-20T09:00:00+07:00', '2024-03-29T09:00:00+07:00', '25/03/2024 08:05', '2024-13-01T00:00:00+07:00'),
    reviewedAt: cell('2024-04-01T08:00:00+07:00', '02/04/2024 08:00', '2024-02-30T08:00:00+07:00'),
    round: cell('2024-dot-1', 'Đợt 1', ''),
    status: cell('da-chon', 'Đã chọn', 'cho-ra-soat', 'rac'),
    producerName: cell('HTX Quảng Sơn', ' HTX '),
    producerType: cell('hop-tac-xa', 'Hợp tác xã', 'ca-nhan'),
    representative: cell('Lê Văn Bình'),
    phone: cell('0912345678', '912345678', '912,345,678', '+84 912 345 678', '02613123456'),
    email: cell('', 'a@b.vn', 'sai@'),
    commune: cell(commune.slug, commune.name, `xã ${commune.name}`, 'Hà Nội'),
    address: cell('Thôn 2'),
    businessId: cell('', '6400123456'),
    productName: cell('Cà phê', '<b>Mật ong</b>'),
    productGroup: cell('thuc-pham', 'Thực phẩm', 'do-uong'),
    productStage: cell('da-co', 'y-tuong'),
    description: cell('', 'Mô tả'),
    supportNeeds: cell('', 'Bao bì, nhãn mác; Vốn, tín dụng'),
    consentProcessing: cell('có', 'TRUE', 'không'),
    consentPublishName: cell('có', 'không', 'x'),
    reviewNote: cell('', 'riêng'),
  },
  { requiredKeys: [] },
);

describe('makeRowReader', () => {
  it('gives the same receipt, status, review, public fields and problems as the schema alone, for any row', () => {
    const fast = makeRowReader(ctx);
    const reference = makeRowReader(ctx, schemaChecks);
    fc.assert(
      fc.property(row, (raw) => {
        expect(fast(raw)).toEqual(reference(raw));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shortcuts for values already in the export form', () => {
  it('a receipt in the canonical form is what normaliseReceipt gives', () => {
    const code = fc.string({ unit: fc.constantFrom(...RECEIPT_ALPHABET), minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(normaliseReceipt(`${a}-${b}`)).toBe(`${a}-${b}`);
      }),
    );
  });

  it('an instant in the canonical form is exactly the instant it names', () => {
    const n = (min: number, max: number) => fc.integer({ min, max }).map((v) => String(v).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 1000, max: 9999 }), n(0, 13), n(0, 32), n(0, 24), n(0, 60), n(0, 60)).map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`);
    fc.assert(
      fc.property(text, (t) => {
        if (!isCanonicalInstant(t)) return;
        // The full path for such text: Date.parse of the ISO form, shown again in Việt Nam time.
        expect(toVnIso(new Date(Date.parse(t)))).toBe(t);
        expect(readSheetInstant(t)).toBe(t);
      }),
      { numRuns: 2000 },
    );
  });
});
