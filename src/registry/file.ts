/**
 * One uploaded file's bytes → the rows the registry counts, or the reason the
 * file cannot be read at all (English, for the operator's stderr).
 */
import { decodeCsv, utf8File, type CsvEncoding } from '../csv/decode.ts';
import { matchColumns } from '../csv/header.ts';
import {
  csvLayoutOfPrefix,
  openCsv,
  openCsvSource,
  RangeCells,
  type Cells,
  type CsvRow,
  type CsvStream,
  type Delimiter,
} from '../csv/read.ts';
import { EXPORT_COLUMNS, OPTIONAL_COLUMNS, type ExportKey } from '../export/format.ts';
import { completeFormRow, type FormMapping } from './google-forms.ts';
import type { InputRow, RowSource } from './build.ts';
import { REGISTRY_COLUMN_NAMES } from './columns.ts';
import type { RawRow } from './row.ts';

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

export type ReadFile =
  { ok: true; rows: RowSource; info: FileInfo } | { ok: false; reason: string };

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
export const delimiterName = (d: Delimiter) => DELIMITER_NAMES[d];

export function readRegistryFile(file: string, bytes: Uint8Array, mapping?: FormMapping): ReadFile {
  const opened = openRegistryBytes(file, bytes, mapping);
  if (!opened.ok) return opened;
  const { table, info, toInputRow, keys } = opened;
  // The rows are parsed when they are read, a chunk at a time: 100,000 rows of cells never all live
  // at once.
  const rows: RowSource = {
    forEach(visit: (row: InputRow) => void) {
      info.blankRows = table.forEachRow((row) => visit(toInputRow(row))).blankRows;
    },
  };
  // A UTF-8 export's rows come with their cells in its bytes (a Google Forms response is completed
  // first: not those).
  if (!mapping) rows.columnFields = keys;
  return { ok: true, rows, info };
}

export type OpenedFile =
  | {
      ok: true;
      table: CsvStream;
      info: FileInfo;
      keys: (ExportKey | null)[];
      toInputRow: (row: CsvRow) => InputRow;
    }
  | { ok: false; reason: string };

/**
 * A file's bytes opened: a UTF-8 file is read without decoding it whole (its cells are decoded as
 * the rows are read), any other is decoded first; both give exactly the same rows.
 */
export function openRegistryBytes(
  file: string,
  bytes: Uint8Array,
  mapping?: FormMapping,
  prefixBytes?: number,
): OpenedFile {
  const utf8 = openRegistryUtf8(file, bytes, mapping, prefixBytes);
  if (utf8) return utf8;
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  return openRegistryTable(file, openCsv(decoded.text), decoded.encoding, mapping);
}

/** A UTF-8 file opened without decoding it whole; null for any other file (decode it whole). */
export function openRegistryUtf8(
  file: string,
  bytes: Uint8Array,
  mapping?: FormMapping,
  prefixBytes?: number,
): OpenedFile | null {
  const utf8 = utf8File(bytes, prefixBytes);
  const layout = utf8 && csvLayoutOfPrefix(utf8.prefix, utf8.whole);
  return utf8 && layout
    ? openRegistryTable(file, openCsvSource(utf8.source, layout), utf8.encoding, mapping)
    : null;
}

/** An opened CSV → its header matched to fields, and how each CSV row becomes a registry row. */
function openRegistryTable(
  file: string,
  table: CsvStream,
  encoding: CsvEncoding,
  mapping?: FormMapping,
): OpenedFile {
  if (table.header.length === 0)
    return { ok: false, reason: 'the file holds no header row (only blank lines)' };

  const names = new Map<ExportKey, string[]>(
    [...REGISTRY_COLUMN_NAMES].map(([k, v]) => [k, [...v]]),
  );
  if (mapping) {
    // A question mapped to a field replaces that field's usual headers, so it cannot be claimed
    // twice.
    for (const [question, key] of Object.entries(mapping.columns))
      names.get(key)!.unshift(question);
  }
  const { keys, unknown } = matchColumns(table.header, names);
  const matched = keys.filter((k): k is ExportKey => k !== null);
  if (matched.length === 0) {
    const shown = table.header
      .slice(0, 5)
      .map((h) => JSON.stringify(h))
      .join(', ');
    return {
      ok: false,
      reason:
        `none of the expected columns found (header row ${table.headerLine} starts ${shown}); ` +
        'is this the registration export? A Google Forms export needs a mapping file ' +
        `${file.replace(/\.[^./]*$/, '')}.mapping.json beside it`,
    };
  }
  const toRaw = rawRowBuilder(keys);
  // A row of the CSV fast path's cells: one object for every row the same cells serve.
  let shared: InputRow | null = null;
  const toInputRow = ({ line, cells, damage }: CsvRow): InputRow => {
    // A form response is completed from all its cells (defaults, a receipt derived from its
    // content).
    if (mapping) {
      const raw = completeFormRow(eagerRow(toRaw(cells)), mapping);
      return damage ? { line, raw, damage } : { line, raw };
    }
    if (damage) return { line, raw: toRaw(cells), damage };
    if (!(cells instanceof RangeCells && cells.source.bytes)) return { line, raw: toRaw(cells) };
    if (shared === null || shared.cells !== cells) shared = { line, raw: toRaw(cells), cells };
    else shared.line = line;
    return shared;
  };
  const missingColumns = [...names.keys()].filter(
    (k) => !matched.includes(k) && !OPTIONAL_COLUMNS.has(k) && !(mapping && k in mapping.defaults),
  );
  const info: FileInfo = {
    file,
    encoding,
    delimiter: table.delimiter,
    ignoredColumns: unknown,
    missingColumns,
    blankRows: 0,
  };
  return { ok: true, table, info, keys, toInputRow };
}

/**
 * Cells → a row by field key, undefined where the file has no such column, '' where the row is
 * shorter than the header. Each field's cell is decoded when the field is read: a row that is not
 * published is read from three cells. Every row has the same shape (a class, its fields getters).
 */
export function rawRowBuilder(keys: readonly (ExportKey | null)[]): (cells: Cells) => RawRow {
  class LazyRow {
    readonly cells: Cells;
    constructor(cells: Cells) {
      this.cells = cells;
    }
  }
  for (const { key } of EXPORT_COLUMNS) {
    const index = keys.indexOf(key);
    Object.defineProperty(LazyRow.prototype, key, {
      enumerable: true,
      get(this: LazyRow) {
        return index < 0 ? undefined : index < this.cells.length ? this.cells.at(index) : '';
      },
    });
  }
  return (cells) => new LazyRow(cells) as RawRow;
}

/** A row's every field read once, as a plain object. */
export const eagerRow = (raw: RawRow): RawRow =>
  Object.fromEntries(EXPORT_COLUMNS.map(({ key }) => [key, raw[key]])) as RawRow;
