// readRow, the registry's reference row reader: its field checks (the fast ones) read every row,
// damaged or not, exactly as the schema alone does; and the fast paths it takes for values already
// in the export form give what the full reading gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaChecks } from '../domain/field-checks.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from '../domain/receipt.ts';
import { ctx, row } from '../../tests/registry/fixtures/raw-rows.ts';
import { makeCampaignOf, makeRowReader } from './row.ts';
import { isCanonicalInstant, readSheetInstant } from '../domain/sheet-values.ts';
import { toVnIso } from '../domain/time.ts';

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

describe('fast paths for values already in the export form', () => {
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

describe('makeCampaignOf: the campaign a chosen row is listed under', () => {
  const ms = (iso: string) => Date.parse(iso);
  const campaignOf = makeCampaignOf({
    sets: ctx.sets,
    rounds: [],
    campaigns: [
      {
        slug: '2024',
        label: 'Đăng ký năm 2024',
        rounds: ['2024-dot-1', '2024-dot-2'],
        startMs: ms('2024-03-25T00:00:00+07:00'),
      },
      {
        slug: '2027',
        label: 'Đăng ký năm 2027',
        rounds: ['2027-dot-1'],
        startMs: ms('2027-03-25T00:00:00+07:00'),
      },
    ],
    currentCampaign: '2027',
  });
  const late2024 = ms('2024-07-10T09:00:00+07:00');

  it("a row with a round: its round's campaign, whatever its cell says", () => {
    expect(campaignOf('2024-dot-2', '2027', late2024)).toEqual({ slug: '2024', problem: null });
    expect(campaignOf('2027-dot-1', '', NaN)).toEqual({ slug: '2027', problem: null });
  });

  it('a late row (no round): the campaign its Kỳ đăng ký cell names, by slug or title', () => {
    expect(campaignOf(null, '2024', ms('2027-08-01T00:00:00+07:00')).slug).toBe('2024');
    expect(campaignOf(null, 'đăng ký NĂM 2024', NaN).slug).toBe('2024');
  });

  it('a late row of an export without the column: the campaign begun when it was sent', () => {
    expect(campaignOf(null, '', late2024)).toEqual({ slug: '2024', problem: null });
    expect(campaignOf(null, '', ms('2027-09-01T00:00:00+07:00')).slug).toBe('2027');
    // Before any campaign began, or no time at all: the current one.
    expect(campaignOf(null, '', ms('2023-01-01T00:00:00+07:00')).slug).toBe('2027');
    expect(campaignOf(null, '', NaN).slug).toBe('2027');
  });

  it('an unknown campaign in the cell: the current one, with a note in the report', () => {
    const answer = campaignOf(null, 'khong-co', late2024);
    expect(answer.slug).toBe('2027');
    expect(answer.problem).toBe(
      'Kỳ đăng ký "khong-co" không có trong nội dung; xếp vào kỳ hiện tại',
    );
  });
});
