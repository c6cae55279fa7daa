/**
 * One uploaded file's bytes → the rows the registry counts, or the reason the
 * file cannot be read at all (English, for the operator's stderr).
 */
import { decodeCsv, type CsvEncoding } from './csv-decode.ts';
import { matchColumns, openCsv, type CsvRow, type CsvStream, type Delimiter } from './csv-read.ts';
import { EXPORT_COLUMNS, type ExportKey } from './export-format.ts';
import { completeFormRow, type FormMapping } from './google-forms.ts';
import type { InputRow, RowSource } from './registry.ts';
import { REGISTRY_COLUMN_NAMES } from './registry-columns.ts';
import type { RawRow } from './registry-row.ts';

export interface FileInfo {
  file: string;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  /** Non-blank header cells that matched no field (their contents are ignored). */
  ignoredColumns: string[];
  /** Fields with no column in the file. */
  missingColumns: ExportKey[];
  /** Blank rows left out; counted as the rows are read (0 until then). */
  blankRows: number;
}

export type ReadFile = { ok: true; rows: RowSource; info: FileInfo } | { ok: false; reason: string };

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
export const delimiterName = (d: Delimiter) => DELIMITER_NAMES[d];

export function readRegistryFile(file: string, bytes: Uint8Array, mapping?: FormMapping): ReadFile {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const opened = openRegistryText(file, decoded.text, decoded.encoding, mapping);
  if (!opened.ok) return opened;
  const { table, info, toInputRow } = opened;
  // The rows are parsed when they are read, a chunk at a time: 100,000 rows of cells never all live at once.
  const rows: RowSource = {
    forEach(visit: (row: InputRow) => void) {
      info.blankRows = table.forEachRow((row) => visit(toInputRow(row))).blankRows;
    },
  };
  return { ok: true, rows, info };
}

export type OpenedFile =
  | { ok: true; table: CsvStream; info: FileInfo; keys: (ExportKey | null)[]; toInputRow: (row: CsvRow) => InputRow }
  | { ok: false; reason: string };

/** Decoded text → its header matched to fields, and how each CSV row becomes a registry row. */
export function openRegistryText(file: string, text: string, encoding: CsvEncoding, mapping?: FormMapping): OpenedFile {
  const table = openCsv(text);
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
  const toRaw = rawRowBuilder(keys);
  const toInputRow = ({ line, cells, damage }: CsvRow): InputRow => {
    let raw = toRaw(cells);
    if (mapping) raw = completeFormRow(raw, mapping);
    return damage ? { line, raw, damage } : { line, raw };
  };
  const missingColumns = [...names.keys()].filter((k) => !matched.includes(k) && !(mapping && k in mapping.defaults));
  const info: FileInfo = { file, encoding, delimiter: table.delimiter, ignoredColumns: unknown, missingColumns, blankRows: 0 };
  return { ok: true, table, info, keys, toInputRow };
}

/**
 * Cells → a row by field key, undefined where the file has no such column. One object literal of
 * the same shape for every row: a row built key by key becomes a slow dictionary past ~16 keys.
 */
export function rawRowBuilder(keys: readonly (ExportKey | null)[]): (cells: readonly string[]) => RawRow {
  const i = Object.fromEntries(EXPORT_COLUMNS.map(({ key }) => [key, keys.indexOf(key)])) as Record<ExportKey, number>;
  const at = (cells: readonly string[], index: number) => (index < 0 ? undefined : (cells[index] ?? ''));
  return (c) => ({
    receipt: at(c, i.receipt), submittedAt: at(c, i.submittedAt), reviewedAt: at(c, i.reviewedAt), round: at(c, i.round),
    status: at(c, i.status), producerName: at(c, i.producerName), producerType: at(c, i.producerType),
    representative: at(c, i.representative), phone: at(c, i.phone), email: at(c, i.email), commune: at(c, i.commune),
    address: at(c, i.address), businessId: at(c, i.businessId), productName: at(c, i.productName),
    productGroup: at(c, i.productGroup), productStage: at(c, i.productStage), description: at(c, i.description),
    supportNeeds: at(c, i.supportNeeds), consentProcessing: at(c, i.consentProcessing),
    consentPublishName: at(c, i.consentPublishName), reviewNote: at(c, i.reviewNote),
  }) satisfies Record<ExportKey, string | undefined>;
}
