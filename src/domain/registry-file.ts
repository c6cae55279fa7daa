/**
 * One uploaded file's bytes → the rows the registry counts, or the reason the
 * file cannot be read at all (English, for the operator's stderr).
 */
import { decodeCsv, type CsvEncoding } from './csv-decode.ts';
import { matchColumns, readCsv, type Delimiter } from './csv-read.ts';
import type { ExportKey } from './export-format.ts';
import { completeFormRow, type FormMapping } from './google-forms.ts';
import type { InputRow } from './registry.ts';
import { REGISTRY_COLUMN_NAMES, type RawRow } from './registry-row.ts';

export interface FileInfo {
  file: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** Non-blank header cells that matched no field (their contents are ignored). */
  ignoredColumns: string[];
  /** Fields with no column in the file. */
  missingColumns: ExportKey[];
  blankRows: number;
}

export type ReadFile = { ok: true; rows: InputRow[]; info: FileInfo } | { ok: false; reason: string };

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
export const delimiterName = (d: Delimiter) => DELIMITER_NAMES[d];

export function readRegistryFile(file: string, bytes: Uint8Array, mapping?: FormMapping): ReadFile {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const table = readCsv(decoded.text);
  if (table.header.length === 0) return { ok: false, reason: 'the file holds no header row (only blank lines)' };

  const names = new Map<ExportKey, string[]>([...REGISTRY_COLUMN_NAMES].map(([k, v]) => [k, [...v]]));
  if (mapping) {
    // A question mapped to a field replaces that field's usual headers, so it cannot be claimed twice.
    for (const [question, key] of Object.entries(mapping.columns)) names.get(key)!.unshift(question);
  }
  const { keys, unknown } = matchColumns(table.header, names);
  const matched = keys.filter((k): k is ExportKey => k !== null);
  if (matched.length === 0) {
    const shown = table.header.slice(0, 5).map((h) => JSON.stringify(h)).join(', ');
    return {
      ok: false,
      reason: `none of the expected columns found (header row ${table.headerLine} starts ${shown}); is this the registration export? A Google Forms export needs a mapping file ${file.replace(/\.[^./]*$/, '')}.mapping.json beside it`,
    };
  }

  const rows: InputRow[] = table.rows.map(({ line, cells, damage }) => {
    let raw: RawRow = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key) raw[key] = cells[i] ?? '';
    }
    if (mapping) raw = completeFormRow(raw, mapping);
    return damage ? { line, raw, damage } : { line, raw };
  });
  const missingColumns = [...names.keys()].filter((k) => !matched.includes(k) && !(mapping && k in mapping.defaults));
  return { ok: true, rows, info: { file, encoding: decoded.encoding, delimiter: table.delimiter, ignoredColumns: unknown, missingColumns, blankRows: table.blankRows } };
}
