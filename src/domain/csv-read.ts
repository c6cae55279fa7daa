/**
 * Decoded CSV text → header and rows, whatever delimiter a spreadsheet chose
 * (`,` `;` or tab), with CRLF or LF, quoted newlines and stray blank rows and
 * columns. Header cells are matched to field keys by folded text, so case,
 * diacritics, spacing and column order do not matter.
 */
import Papa from 'papaparse';
import { foldKey } from './text.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRow {
  /** Row number as a spreadsheet shows it (the header row is 1). */
  line: number;
  cells: string[];
  /** Set when the parser found the row damaged (an unclosed or misplaced quote): what went wrong, in Vietnamese. */
  damage?: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Row number of the header. */
  headerLine: number;
  header: string[];
  /** Data rows, blank rows left out. */
  rows: CsvRow[];
  /** How many blank rows were left out. */
  blankRows: number;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** The delimiter that occurs most often outside quotes in the first non-blank line; comma on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 1_000_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    else if (ch.trim() !== '') seenContent = true;
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
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
  /** Papaparse for every row, never the fast reader: the reference the tests hold the fast reader to. */
  papaparseOnly?: boolean;
}

type Visit = (cells: string[], index: number, damage: string | undefined) => void;

/**
 * Rows of CSV text exactly as papaparse reads them, a row at a time, for as long as the text is
 * well formed: every quoted cell closed and followed at once by the delimiter, the line break or
 * the end. Papaparse is slow on a large file (a regex and several arrays per cell), and that is
 * nearly every file. Returns where it stopped: the start of the first row it cannot vouch for
 * (papaparse reads from there, as it resumes its own chunks at a row's start) and the rows read.
 */
export function fastRows(text: string, delimiter: Delimiter, newline: string, visit: (cells: string[], index: number) => void): { end: number; rows: number } {
  const len = text.length;
  if (len === 0) return { end: 0, rows: 0 }; // papaparse reads no row at all here, not one empty row
  const d = delimiter.charCodeAt(0);
  const nlLen = newline.length;
  let pos = 0;
  let index = 0;
  let nextDelim = text.indexOf(delimiter);
  let nextNewline = text.indexOf(newline);
  for (;;) {
    const rowStart = pos;
    const cells: string[] = [];
    for (;;) {
      if (nextDelim !== -1 && nextDelim < pos) nextDelim = text.indexOf(delimiter, pos);
      if (nextNewline !== -1 && nextNewline < pos) nextNewline = text.indexOf(newline, pos);
      if (text.charCodeAt(pos) === 34) {
        let close = text.indexOf('"', pos + 1);
        let escaped = false;
        while (close !== -1 && text.charCodeAt(close + 1) === 34) {
          escaped = true;
          close = text.indexOf('"', close + 2);
        }
        if (close === -1) return { end: rowStart, rows: index };
        const value = escaped ? text.slice(pos + 1, close).replaceAll('""', '"') : text.slice(pos + 1, close);
        const after = close + 1;
        cells.push(value);
        if (after === len) {
          visit(cells, index++);
          return { end: len, rows: index };
        }
        if (text.charCodeAt(after) === d) pos = after + 1;
        else if (text.startsWith(newline, after)) {
          visit(cells, index++);
          pos = after + nlLen;
          break;
        } else return { end: rowStart, rows: index };
      } else if (nextDelim !== -1 && (nextNewline === -1 || nextDelim < nextNewline)) {
        cells.push(text.slice(pos, nextDelim));
        pos = nextDelim + 1;
      } else if (nextNewline !== -1) {
        cells.push(text.slice(pos, nextNewline));
        visit(cells, index++);
        pos = nextNewline + nlLen;
        break;
      } else {
        cells.push(text.slice(pos));
        visit(cells, index++);
        return { end: len, rows: index };
      }
    }
  }
}

/** Every row of the text, in order, with the parser's damage findings, a chunk at a time; returns the line break used. */
function parseRows(input: string, options: ParseOptions, visit: Visit): string {
  const { delimiter, newline, preview = 0, chunkSize = CHUNK_CHARS } = options;
  let text = input;
  let base = 0;
  if (newline && preview === 0 && !options.papaparseOnly) {
    const fast = fastRows(text, delimiter, newline, (cells, index) => visit(cells, index, undefined));
    if (fast.end === text.length && text.length > 0) return newline;
    base = fast.rows;
    text = text.slice(fast.end); // the rest from a row's start: papaparse, which also words the damage
  }
  let linebreak = newline ?? '\n';
  const take = ({ data, errors, meta }: Papa.ParseResult<string[]>) => {
    linebreak = meta.linebreak;
    let damage: Map<number, string> | undefined;
    for (const e of errors) {
      // An error in the unfinished last row of a chunk is found again, in its place, in the next chunk.
      if (e.row == null || e.type !== 'Quotes' || e.row >= data.length) continue;
      (damage ??= new Map()).set(e.row, e.code === 'MissingQuotes' ? DAMAGE.MissingQuotes : DAMAGE.other);
    }
    for (let j = 0; j < data.length; j++) visit(data[j]!, base + j, damage?.get(j));
    base += data.length;
  };
  const config = { delimiter, skipEmptyLines: false, ...(newline ? { newline } : {}) } as const;
  // Not papaparse's fast mode for a preview: on a text without quotes it would split the whole text first.
  if (preview > 0) take(Papa.parse<string[]>(text, { ...config, preview, fastMode: false } as Papa.ParseConfig<string[]>));
  // Papaparse streams a string too, synchronously, chunk after chunk (its types allow `chunk` only for files).
  else Papa.parse<string[]>(text, { ...config, chunkSize, chunk: take } as Papa.ParseConfig<string[]>);
  return linebreak;
}

/** The first non-blank row of the text (index and cells; none for blank rows only) and the text's line break. */
function findHeader(text: string, delimiter: Delimiter): { index: number; cells: string[]; newline: string } {
  for (let preview = 16; ; preview *= 16) {
    let found: { index: number; cells: string[] } | undefined;
    let count = 0;
    const newline = parseRows(text, { delimiter, preview }, (cells, index) => {
      count++;
      if (!found && !isBlank(cells)) found = { index, cells };
    });
    if (found) return { ...found, newline };
    if (count < preview) return { index: count, cells: [], newline };
  }
}

/**
 * The data rows of CSV text after row `after` (the header's index; -1 for a part of a file that has
 * none), numbered from `firstIndex` (the part's first row index in the whole file).
 */
export function forEachDataRow(text: string, options: ParseOptions, after: number, firstIndex: number, visit: (row: CsvRow) => void): RowsRead {
  let blankRows = 0;
  let count = 0;
  // Papaparse reads the newline that ends the file as one more empty row; that is not a blank row.
  let maybeLast = false;
  parseRows(text, options, (cells, i, damage) => {
    count = i + 1;
    if (i <= after) return;
    if (maybeLast) blankRows++;
    maybeLast = false;
    if (isBlank(cells)) {
      if (cells.length === 1) maybeLast = true;
      else blankRows++;
      return;
    }
    const line = firstIndex + i + 1;
    visit(damage ? { line, cells, damage } : { line, cells });
  });
  return { blankRows, count: maybeLast ? count - 1 : count, endsWithLineBreak: maybeLast };
}

/** Opens CSV text: the first non-blank row is the header; the data rows are read on demand, as often as asked. */
export function openCsv(input: string, chunkSize = CHUNK_CHARS): CsvStream {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const h = findHeader(text, delimiter);
  const header = h.cells.map((c) => c.trim());
  const forEachRow = (visit: (row: CsvRow) => void) => forEachDataRow(text, { delimiter, newline: h.newline, chunkSize }, h.index, 0, visit);
  return { delimiter, headerLine: h.index + 1, header, newline: h.newline, forEachRow };
}

/** Parses CSV text at once; the first non-blank row is the header. */
export function readCsv(text: string, chunkSize = CHUNK_CHARS): CsvTable {
  const { forEachRow, newline: _, ...table } = openCsv(text, chunkSize);
  const rows: CsvRow[] = [];
  const { blankRows } = forEachRow((row) => rows.push(row));
  return { ...table, rows, blankRows };
}

export interface ColumnMatch<K extends string> {
  /** For each header position, the field key it holds, or null for a blank or unknown column. */
  keys: (K | null)[];
  /** Non-blank headers that matched nothing. */
  unknown: string[];
}

/**
 * Matches header cells to keys. `names` maps a key to every header it may be
 * written as; a header matches when its foldKey equals one of them. A key
 * claimed by an earlier column is not claimed twice.
 */
export function matchColumns<K extends string>(header: readonly string[], names: ReadonlyMap<K, readonly string[]>): ColumnMatch<K> {
  const byFold = new Map<string, K>();
  for (const [key, forms] of names) for (const form of forms) byFold.set(foldKey(form), key);
  const taken = new Set<K>();
  const unknown: string[] = [];
  const keys = header.map((cell) => {
    if (cell.trim() === '') return null;
    const key = byFold.get(foldKey(cell));
    if (!key || taken.has(key)) {
      unknown.push(cell);
      return null;
    }
    taken.add(key);
    return key;
  });
  return { keys, unknown };
}
