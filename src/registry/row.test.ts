// readRow, the registry's reference row reader: its field checks (the fast ones) read every row,
// damaged or not, exactly as the schema alone does; and the fast paths it takes for values already
// in the export form give what the full reading gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaChecks } from '../domain/field-checks.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from '../domain/receipt.ts';
import { ctx, row } from '../../tests/registry/fixtures/raw-rows.ts';
import { makeRowReader } from './row.ts';
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
