// The fast row reader reads every row, damaged or not, exactly as the same reader on the schema alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../domain/content-files-node.ts';
import { schemaChecks } from '../domain/field-checks.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from '../domain/receipt.ts';
import Papa from 'papaparse';
import { makeRecord, seeded } from '../../tests/registry/fixtures/people.ts';
import { exportCsvText } from '../export/csv.ts';
import { EXPORT_COLUMNS, type ExportKey } from '../export/format.ts';
import { readRegistryFile } from './file.ts';
import { buildRegistry, type InputRow } from './build.ts';
import { instantMs, receiptKey } from './outcome-table.ts';
import { makeRowReader, makeRowRules, type RawRow } from './row.ts';
import { makeByteRowReader, type ByteRead, type ByteRowReader } from './fast/row.ts';
import { isCanonicalInstant, readSheetInstant } from '../domain/sheet-values.ts';
import { toVnIso } from '../domain/time.ts';

const content = readSiteContent();
const ctx = {
  sets: content,
  rounds: content.rounds.map((r) => ({ slug: r.slug, label: r.label, deadline: r.deadline })),
};
const commune = content.communes[0]!;

/** Values a spreadsheet or a person damaged. */
const damaged = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    "'=1+1",
    '"',
    '\u0301',
    ' x ',
    'Cà phê'.normalize('NFD'),
    'x'.repeat(201),
    '9,12E+08',
    '31/02/2024',
    '???',
    'x\u00a0',
    'Đắk\u0301',
  ),
  fc.string({ maxLength: 8 }),
);
/** Good values of each column (some in a form a spreadsheet left them in). */
const GOOD: Record<ExportKey, string[]> = {
  receipt: ['K7QM-3XPA', 'k7qm 3xpa', 'ABCD-EFGH', 'SAI'],
  submittedAt: [
    '2024-03-20T09:00:00+07:00',
    '2024-03-29T09:00:00+07:00',
    '25/03/2024 08:05',
    '2024-13-01T00:00:00+07:00',
  ],
  reviewedAt: [
    '2024-04-01T08:00:00+07:00',
    '02/04/2024 08:00',
    '2024-02-30T08:00:00+07:00',
    '2024-04-30T08:00:00+07:00',
  ],
  round: ['2024-dot-1', 'Đợt 1', ''],
  status: ['da-chon', 'Đã chọn', 'cho-ra-soat', 'rac', 'can-bo-sung', 'Cần bổ sung'],
  producerName: ['HTX Quảng Sơn', ' HTX ', 'Cơ sở "Mai Vàng"'],
  producerType: ['hop-tac-xa', 'Hợp tác xã', 'ca-nhan'],
  representative: ['Lê Văn Bình', 'Y Brông'],
  phone: ['0912345678', '912345678', '912,345,678', '+84 912 345 678', '02613123456'],
  email: ['', 'a@b.vn', 'sai@', 'nguoi.sx_01@gmail.com', 'Tên@gmail.com'],
  commune: [commune.slug, commune.name, `xã ${commune.name}`, 'Hà Nội'],
  address: ['Thôn 2', 'Bon R\'Muôn, "nhà số 3"'],
  businessId: ['', '6400123456'],
  productName: ['Cà phê', '<b>Mật ong</b>', '=1+2'],
  productGroup: ['thuc-pham', 'Thực phẩm', 'do-uong'],
  productStage: ['da-co', 'y-tuong'],
  description: ['', 'Mô tả', 'Sản xuất từ năm 2010, "đơn hàng 01".'],
  supportNeeds: ['', 'Bao bì, nhãn mác; Vốn, tín dụng'],
  consentProcessing: ['có', 'TRUE', 'không'],
  consentPublishName: ['có', 'không', 'x'],
  reviewNote: ['', 'riêng'],
  consentAt: ['', '2024-03-20T09:00:00+07:00'],
  consentVersion: ['', 'dy-0123456789ab'],
  campaign: ['', '2024', 'khong-co'],
  publicNote: ['', 'Bổ sung giấy chứng nhận an toàn thực phẩm, "bản sao".'],
};
/** A row with each cell good or damaged, 3 to 2 (nearly every row has a problem). */
const row = fc.record<RawRow>(
  Object.fromEntries(
    Object.entries(GOOD).map(([k, good]) => [
      k,
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...good) },
        { weight: 2, arbitrary: damaged },
      ),
    ]),
  ),
  { requiredKeys: [] },
);
/** A row whose cells are good but for one in forty (about half the rows have no damaged cell). */
const nearlyGoodRow = fc.record<RawRow>(
  Object.fromEntries(
    Object.entries(GOOD).map(([k, good]) => [
      k,
      fc.oneof(
        { weight: 40, arbitrary: fc.constantFrom(...good) },
        { weight: 1, arbitrary: damaged },
      ),
    ]),
  ),
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
    const code = fc.string({
      unit: fc.constantFrom(...RECEIPT_ALPHABET),
      minLength: 4,
      maxLength: 4,
    });
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(normaliseReceipt(`${a}-${b}`)).toBe(`${a}-${b}`);
      }),
    );
  });

  it('an instant in the canonical form is exactly the instant it names', () => {
    const n = (min: number, max: number) =>
      fc.integer({ min, max }).map((v) => String(v).padStart(2, '0'));
    const text = fc
      .tuple(fc.integer({ min: 1000, max: 9999 }), n(0, 13), n(0, 32), n(0, 24), n(0, 60), n(0, 60))
      .map(([y, mo, d, h, mi, s]) => `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`);
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

describe("the quick path on a UTF-8 file's bytes", () => {
  const rules = makeRowRules(ctx);
  /** Every row of the file read by the quick path and by readRow; whether the quick path read each. */
  const readBoth = (bytes: Uint8Array) => {
    const file = readRegistryFile('t.csv', bytes);
    if (!file.ok) throw new Error(file.reason);
    const taken: boolean[] = [];
    let quick: ByteRowReader | null = null;
    const out: ByteRead = { key: -1, status: 'rac', reviewedMs: NaN, published: null };
    file.rows.forEach(({ raw, cells, damage }) => {
      const reference = rules.readRow(raw);
      if (!cells || damage) return void taken.push(false);
      quick ??= makeByteRowReader(rules, cells.source.bytes!, file.rows.columnFields!);
      const read = quick(cells, out);
      taken.push(read);
      if (!read) return;
      // Read only when readRow finds no problem at all, and then exactly as readRow reads it.
      expect(reference.problems).toEqual([]);
      expect(reference.blocking).toEqual([]);
      expect(out.key).toBe(receiptKey(reference.receipt!));
      expect(out.status).toBe(reference.status);
      expect(Object.is(out.reviewedMs, instantMs(reference.reviewedAt))).toBe(true);
      const p = reference.status === 'da-chon' ? reference.publicFields : null;
      expect(out.published).toEqual(p && { ...p, receipt: reference.receipt });
    });
    return taken;
  };

  it('reads a row only when readRow finds no problem, and then as readRow does, whatever the cells, columns and quoting', () => {
    const keys = EXPORT_COLUMNS.map((c) => c.key);
    const stats = { rows: 0, taken: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.oneof(row, nearlyGoodRow, nearlyGoodRow), { minLength: 1, maxLength: 12 }),
        fc.oneof(fc.constant(keys), fc.shuffledSubarray(keys, { minLength: 1 })),
        fc.boolean(),
        (rows, columns, quotes) => {
          const header = columns.map((k) => EXPORT_COLUMNS.find((c) => c.key === k)!.header);
          const csv = Papa.unparse(
            { fields: header, data: rows.map((r) => columns.map((k) => r[k] ?? '')) },
            { quotes, newline: '\r\n' },
          );
          const taken = readBoth(new TextEncoder().encode(csv));
          stats.rows += taken.length;
          stats.taken += taken.filter(Boolean).length;
        },
      ),
      { numRuns: 1500 },
    );
    // Not a vacuous test: the quick path took a good share of the rows.
    expect(stats.taken).toBeGreaterThan(stats.rows / 10);
  });

  it('changes nothing in what the registry makes of files: the same with and without it', () => {
    const keys = EXPORT_COLUMNS.map((c) => c.key);
    const file = fc.tuple(
      fc.array(fc.oneof(row, nearlyGoodRow, nearlyGoodRow), { minLength: 1, maxLength: 10 }),
      fc.boolean(),
    );
    const registryCtx = { ...ctx, communes: content.communes };
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (files) => {
        const inputs = files.map(([rows, quotes], f) => {
          const csv = Papa.unparse(
            {
              fields: EXPORT_COLUMNS.map((c) => c.header),
              data: rows.map((r) => keys.map((k) => r[k] ?? '')),
            },
            { quotes, newline: '\r\n' },
          );
          const read = readRegistryFile(`f${f}.csv`, new TextEncoder().encode(csv));
          if (!read.ok) throw new Error(read.reason);
          return { file: `f${f}.csv`, rows: read.rows };
        });
        // The same rows without their cells: every row read by readRow alone.
        const withoutCells = inputs.map(({ file, rows }) => ({
          file,
          rows: {
            forEach: (visit: (r: InputRow) => void) =>
              rows.forEach(({ line, raw, damage }) =>
                visit(damage ? { line, raw, damage } : { line, raw }),
              ),
          },
        }));
        expect(buildRegistry(inputs, registryCtx, 'now')).toEqual(
          buildRegistry(withoutCells, registryCtx, 'now'),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('reads every row of a clean export, chosen or not', () => {
    const rnd = seeded(11);
    const records = Array.from({ length: 3000 }, (_, i) =>
      makeRecord(i, rnd, { communes: content.communes.map((c) => c.slug) }),
    );
    const taken = readBoth(new TextEncoder().encode(exportCsvText(records)));
    expect(taken).toHaveLength(3000);
    expect(taken.every(Boolean)).toBe(true);
    expect(records.filter((r) => r.status === 'da-chon').length).toBeGreaterThan(500);
  });

  it('reads can-bo-sung rows with their public reason by the quick path, counted and never published', () => {
    const rnd = seeded(12);
    const records = Array.from({ length: 300 }, (_, i) => ({
      ...makeRecord(i, rnd, {
        communes: content.communes.map((c) => c.slug),
        status: 'can-bo-sung',
      }),
      publicNote: `Bổ sung phiếu kiểm nghiệm, lần ${i}`,
    }));
    const taken = readBoth(new TextEncoder().encode(exportCsvText(records)));
    expect(taken.every(Boolean)).toBe(true);
  });
});
