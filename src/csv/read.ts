/**
 * CSV → header and rows, whatever delimiter a spreadsheet chose (`,` `;` or tab), with CRLF or LF,
 * quoted newlines and stray blank rows and columns: the reference reader, papaparse, with the fast
 * path (fast-rows.ts) in front of it for every row it can vouch for (`papaparseOnly` turns the fast
 * path off: the reference fast-rows.test.ts holds it to). The rows are read from decoded text, or
 * from a UTF-8 file's bytes without decoding them whole (decode.ts's utf8File): the same rows
 * either way. What the header row tells (the delimiter, which column holds which field) is in
 * header.ts.
 */
import Papa from 'papaparse';
import { cellValues, ListCells, type Cells } from './cells.ts';
import { fastRows } from './fast-rows.ts';
import { textSource, type CsvSource, type Delimiter } from './source.ts';
import { detectDelimiter } from './header.ts';

export { cellValues, ListCells, RangeCells, type Cells } from './cells.ts';
export { fastRows } from './fast-rows.ts';
export { textSource, type CsvSource, type Delimiter, type SourceWindow } from './source.ts';

/** A row as visited: read it during the visit (the fast path's cells, and this object, serve the next row after it). */
export interface CsvRow {
  /** Row number as a spreadsheet shows it (the header row is 1). */
  line: number;
  cells: Cells;
  /** Set when the parser found the row damaged (an unclosed or misplaced quote): what went wrong, in Vietnamese. */
  damage?: string;
}

/** A row with its cells as strings (what readCsv returns). */
export interface CsvRowValues {
  line: number;
  cells: string[];
  damage?: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Row number of the header. */
  headerLine: number;
  header: string[];
  /** Data rows, blank rows left out. */
  rows: CsvRowValues[];
  /** How many blank rows were left out. */
  blankRows: number;
}

const DAMAGE = {
  MissingQuotes: 'Dòng bị hỏng: thiếu dấu nháy kép đóng (tệp có thể bị cắt cụt)',
  other: 'Dòng bị hỏng: dấu nháy kép đặt sai chỗ',
};
/** Rows are parsed and handed on a chunk of text at a time, so a large file's cells never all live at once. */
const CHUNK_CHARS = 1 << 20;

/** What reading the rows found besides the rows themselves. */
export interface RowsRead {
  /** Blank rows left out. */
  blankRows: number;
  /** Rows parsed, header and blank rows included (so the next part of a file starts at this row index). */
  count: number;
  /** The text ended with a line break outside quotes: a part cut there leaves no row cut in two. */
  endsWithLineBreak: boolean;
}

export interface CsvStream extends Omit<CsvTable, 'rows' | 'blankRows'> {
  /** The line break papaparse found (given again when parts of the same file are read apart). */
  newline: string;
  /** Calls `visit` with every data row in order (blank rows left out). */
  forEachRow(visit: (row: CsvRow) => void): RowsRead;
}

export interface ParseOptions {
  delimiter: Delimiter;
  /** The line break papaparse found in the first megabyte; given again so every chunk splits lines alike. */
  newline?: string;
  /** Read only this many rows, in one piece. */
  preview?: number;
  chunkSize?: number;
  /** Papaparse for every row, never the fast path: the reference the tests hold the fast path to. */
  papaparseOnly?: boolean;
}

type Visit = (cells: Cells, index: number, damage: string | undefined) => void;

/** Every row of the source, in order, with the parser's damage findings, a chunk at a time; returns the line break used. */
function parseRows(source: CsvSource, options: ParseOptions, visit: Visit): string {
  const { delimiter, newline, preview = 0, chunkSize = CHUNK_CHARS } = options;
  let base = 0;
  let start = 0;
  if (newline && preview === 0 && !options.papaparseOnly) {
    const len = source.length;
    const visitFast = (cells: Cells, index: number) => visit(cells, index, undefined);
    for (;;) {
      const fast = fastRows(source, delimiter, newline, visitFast, start, base);
      [start, base] = [fast.end, fast.rows];
      if (start === len && len > 0) return newline;
      // A row the fast path cannot vouch for: papaparse reads it (and words the damage), then
      // the fast path goes on after it — papaparse starts every row afresh, so the rows are
      // the same as papaparse reading the whole rest.
      const damaged = damagedRow(source, start, delimiter, newline, chunkSize);
      if (!damaged) break; // the rest from this row's start: papaparse
      visit(damaged.cells, base++, damaged.damage);
      start = damaged.next;
    }
  }
  const text = source.textFrom(start);
  let linebreak = newline ?? '\n';
  const take = ({ data, errors, meta }: Papa.ParseResult<string[]>) => {
    linebreak = meta.linebreak;
    let damage: Map<number, string> | undefined;
    for (const e of errors) {
      // An error in the unfinished last row of a chunk is found again, in its place, in the next chunk.
      if (e.row == null || e.type !== 'Quotes' || e.row >= data.length) continue;
      (damage ??= new Map()).set(
        e.row,
        e.code === 'MissingQuotes' ? DAMAGE.MissingQuotes : DAMAGE.other,
      );
    }
    for (let j = 0; j < data.length; j++) visit(new ListCells(data[j]!), base + j, damage?.get(j));
    base += data.length;
  };
  const config = { delimiter, skipEmptyLines: false, ...(newline ? { newline } : {}) } as const;
  // Not papaparse's fast mode for a preview: on a text without quotes it would split the whole text first.
  if (preview > 0)
    take(
      Papa.parse<string[]>(text, { ...config, preview, fastMode: false } as Papa.ParseConfig<
        string[]
      >),
    );
  // Papaparse streams a string too, synchronously, chunk after chunk (its types allow `chunk` only for files).
  else
    Papa.parse<string[]>(text, { ...config, chunkSize, chunk: take } as Papa.ParseConfig<string[]>);
  return linebreak;
}

/**
 * Papaparse's first row of the source from `start`, read from a window of the text: its cells,
 * its damage, and where the next row starts; null when the row does not end inside the window.
 */
function damagedRow(
  source: CsvSource,
  start: number,
  delimiter: Delimiter,
  newline: string,
  size: number,
): { cells: ListCells; damage: string | undefined; next: number } | null {
  const window = source.window(start, size);
  // Papa.parse takes a byte order mark off the start of its input: only the source's first row
  // would have lost it to papaparse reading the rest, so that row is left to it. Its Parser keeps it.
  if (start === 0 && window.text.charCodeAt(0) === 0xfeff) return null;
  const r = new Papa.Parser({
    delimiter,
    newline: newline as '\n',
    preview: 1,
    fastMode: false,
  }).parse(window.text, 0, false) as Papa.ParseResult<string[]>;
  const row = r.data[0];
  // Only a row ended by a line break inside the window: one running to its end may run further,
  // and one ending the text is papaparse's to follow with its empty last row or not.
  if (!row || r.meta.cursor >= window.text.length) return null;
  let damage: string | undefined;
  for (const e of r.errors)
    if (e.row === 0 && e.type === 'Quotes')
      damage = e.code === 'MissingQuotes' ? DAMAGE.MissingQuotes : DAMAGE.other;
  return {
    cells: new ListCells(row.map(window.cell)),
    damage,
    next: window.scanOffset(r.meta.cursor),
  };
}

/** The first non-blank row of the text (index and cells; none for blank rows only) and the text's line break. */
function findHeader(
  text: string,
  delimiter: Delimiter,
): { index: number; cells: string[]; newline: string } {
  const source = textSource(text);
  for (let preview = 16; ; preview *= 16) {
    let found: { index: number; cells: string[] } | undefined;
    let count = 0;
    const newline = parseRows(source, { delimiter, preview }, (cells, index) => {
      count++;
      if (!found && !cells.isBlank()) found = { index, cells: cellValues(cells) };
    });
    if (found) return { ...found, newline };
    if (count < preview) return { index: count, cells: [], newline };
  }
}

/**
 * The data rows of the source after row `after` (the header's index; -1 for a part of a file that
 * has none), numbered from `firstIndex` (the part's first row index in the whole file).
 */
export function forEachDataRow(
  source: CsvSource,
  options: ParseOptions,
  after: number,
  firstIndex: number,
  visit: (row: CsvRow) => void,
): RowsRead {
  let blankRows = 0;
  let count = 0;
  // Papaparse reads the newline that ends the file as one more empty row; that is not a blank row.
  let maybeLast = false;
  let shared: CsvRow | null = null;
  parseRows(source, options, (cells, i, damage) => {
    count = i + 1;
    if (i <= after) return;
    if (maybeLast) blankRows++;
    maybeLast = false;
    if (cells.isBlank()) {
      if (cells.length === 1) maybeLast = true;
      else blankRows++;
      return;
    }
    const line = firstIndex + i + 1;
    if (damage) return visit({ line, cells, damage });
    // The fast path's cells serve every row of a stretch: so does the row visited with them.
    if (shared === null || shared.cells !== cells) shared = { line, cells };
    else shared.line = line;
    visit(shared);
  });
  return { blankRows, count: maybeLast ? count - 1 : count, endsWithLineBreak: maybeLast };
}

/** What opening CSV text finds before the rows: the delimiter, the header and the line break. */
export interface CsvLayout {
  delimiter: Delimiter;
  /** Index of the header row (the number of rows before it). */
  headerIndex: number;
  header: string[];
  newline: string;
}

/**
 * The layout of CSV text (BOM already removed): the first non-blank row is the header. Only the
 * first million characters decide the delimiter and the line break, so a UTF-8 file's first few
 * megabytes, decoded, give the same layout as the whole file.
 */
export function csvLayout(text: string): CsvLayout {
  const delimiter = detectDelimiter(text);
  const h = findHeader(text, delimiter);
  return {
    delimiter,
    headerIndex: h.index,
    header: h.cells.map((c) => c.trim()),
    newline: h.newline,
  };
}

/**
 * The layout of a file from its first part (at least the first 2^20 characters, decoded): null when
 * that part may not hold the whole header row (no row follows it there), then decode the whole file.
 */
export function csvLayoutOfPrefix(prefix: string, whole: boolean): CsvLayout | null {
  const layout = csvLayout(prefix);
  if (whole) return layout;
  if (layout.header.length === 0) return null;
  const rows = Papa.parse<string[]>(prefix, {
    delimiter: layout.delimiter,
    newline: layout.newline as '\n',
    preview: layout.headerIndex + 2,
    fastMode: false,
  }).data.length;
  return rows === layout.headerIndex + 2 ? layout : null;
}

/** A source opened with its layout: the data rows are read on demand, as often as asked. */
export function openCsvSource(
  source: CsvSource,
  layout: CsvLayout,
  chunkSize = CHUNK_CHARS,
): CsvStream {
  const { delimiter, headerIndex, header, newline } = layout;
  const forEachRow = (visit: (row: CsvRow) => void) =>
    forEachDataRow(source, { delimiter, newline, chunkSize }, headerIndex, 0, visit);
  return { delimiter, headerLine: headerIndex + 1, header, newline, forEachRow };
}

/** Opens CSV text: the first non-blank row is the header; the data rows are read on demand, as often as asked. */
export function openCsv(input: string, chunkSize = CHUNK_CHARS): CsvStream {
  const text = input.replace(/^\uFEFF/, '');
  return openCsvSource(textSource(text), csvLayout(text), chunkSize);
}

/** Parses CSV text at once; the first non-blank row is the header. */
export function readCsv(text: string, chunkSize = CHUNK_CHARS): CsvTable {
  const { forEachRow, newline: _, ...table } = openCsv(text, chunkSize);
  const rows: CsvRowValues[] = [];
  const { blankRows } = forEachRow(({ line, cells, damage }) =>
    rows.push(
      damage ? { line, cells: cellValues(cells), damage } : { line, cells: cellValues(cells) },
    ),
  );
  return { ...table, rows, blankRows };
}
