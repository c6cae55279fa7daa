// The fast path (fast/row.ts) against its reference, readRow (row.ts): it reads a row only when
// readRow finds no problem, and then exactly as readRow reads it; the registry makes the same of
// files with it and without it.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { content, ctx, nearlyGoodRow, row } from '../../../tests/registry/fixtures/raw-rows.ts';
import { makeRecord, seeded } from '../../../tests/registry/fixtures/people.ts';
import { exportCsvText } from '../../export/csv.ts';
import { EXPORT_COLUMNS } from '../../export/format.ts';
import { buildRegistry, type InputRow } from '../build.ts';
import { readRegistryFile } from '../file.ts';
import { receiptKey } from '../../domain/receipt.ts';
import { instantMs, newCountedRow } from '../outcome-table.ts';
import { makeRowRules } from '../row.ts';
import { FastRowReader } from './row.ts';

describe("FastRowReader, the fast path on a UTF-8 file's bytes", () => {
  const rules = makeRowRules(ctx);
  /** Every row of the file read by the fast path and by readRow; whether the fast path read each. */
  const readBoth = (bytes: Uint8Array) => {
    const file = readRegistryFile('t.csv', bytes);
    if (!file.ok) throw new Error(file.reason);
    const taken: boolean[] = [];
    let fast: FastRowReader | null = null;
    const out = newCountedRow();
    file.rows.forEach(({ raw, cells, damage }) => {
      const reference = rules.readRow(raw);
      if (!cells || damage) return void taken.push(false);
      fast ??= new FastRowReader(rules, cells.source.bytes!, file.rows.columnFields!);
      const read = fast.read(cells, out);
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
    // Not a vacuous test: the fast path took a good share of the rows.
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

  it('reads can-bo-sung rows with their public reason by the fast path, counted and never published', () => {
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
