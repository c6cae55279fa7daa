// One file's bytes → its rows: a UTF-8 export (read from its bytes, each row with its cells) and the
// same export re-saved as Windows-1258 (decoded whole) give the same rows; a file that is not an
// export is refused with a reason; a row is read by field, whatever columns the file has.
import { describe, expect, it } from 'vitest';
import { encodeWindows1258 } from '../../tests/registry/fixtures/cp1258.ts';
import { makeRecord, seeded } from '../../tests/registry/fixtures/people.ts';
import { ListCells } from '../csv/fast-rows.ts';
import { exportCsvText } from '../export/csv.ts';
import { EXPORT_COLUMNS, type ExportKey } from '../export/format.ts';
import type { InputRow } from './build.ts';
import { eagerRow, rawRowBuilder, readRegistryFile } from './file.ts';

const rnd = seeded(5);
const text = exportCsvText(
  Array.from({ length: 40 }, (_, i) => makeRecord(i, rnd, { communes: ['quang-son', 'dak-ha'] })),
);

/** Every row of a file read, each row's fields read at once (a row's cells serve the next row). */
function rowsOf(file: ReturnType<typeof readRegistryFile>) {
  if (!file.ok) throw new Error(file.reason);
  const rows: { line: number; raw: InputRow['raw']; cells: boolean }[] = [];
  file.rows.forEach(({ line, raw, cells }) =>
    rows.push({ line, raw: eagerRow(raw), cells: cells !== undefined }),
  );
  return rows;
}

describe('readRegistryFile', () => {
  it('reads a UTF-8 export and its Windows-1258 copy into the same rows', () => {
    const utf8 = readRegistryFile('a.csv', new TextEncoder().encode(text));
    // Excel writes no byte order mark in Windows-1258.
    const cp1258 = readRegistryFile('b.csv', encodeWindows1258(text.replace(/^\uFEFF/, '')));
    const [a, b] = [rowsOf(utf8), rowsOf(cp1258)];
    expect(a).toHaveLength(40);
    expect(a.map(({ cells, ...r }) => r)).toEqual(b.map(({ cells, ...r }) => r));
    // Only the UTF-8 file's rows come with their cells (for the fast path), and its column fields.
    expect(a.every((r) => r.cells)).toBe(true);
    expect(b.some((r) => r.cells)).toBe(false);
    expect(utf8.ok && utf8.rows.columnFields).toEqual(EXPORT_COLUMNS.map((c) => c.key));
    expect(utf8.ok && [utf8.info.encoding, utf8.info.missingColumns]).toEqual(['utf-8-bom', []]);
    expect(cp1258.ok && cp1258.info.encoding).toBe('windows-1258');
  });

  it('refuses a file with no known column, or no header row, saying why', () => {
    const other = readRegistryFile('khac.csv', new TextEncoder().encode('a,b\r\n1,2\r\n'));
    expect(other.ok).toBe(false);
    expect(!other.ok && other.reason).toMatch(/none of the expected columns.*khac\.mapping\.json/);
    const blank = readRegistryFile('trong.csv', new TextEncoder().encode('\r\n\r\n'));
    expect(!blank.ok && blank.reason).toMatch(/no header row/);
  });
});

describe('rawRowBuilder', () => {
  it("reads a field from its column: undefined when the file has none, '' past a short row", () => {
    const keys: (ExportKey | null)[] = ['status', null, 'receipt'];
    const cells = (values: string[]) => new ListCells(values);
    const toRaw = rawRowBuilder(keys);
    const row = toRaw(cells(['da-chon', 'x', 'K7QM-3XPA']));
    expect([row.receipt, row.status, row.productName]).toEqual(['K7QM-3XPA', 'da-chon', undefined]);
    expect(toRaw(cells(['rac'])).receipt).toBe('');
    expect(Object.keys(eagerRow(row))).toEqual(EXPORT_COLUMNS.map((c) => c.key));
  });
});
