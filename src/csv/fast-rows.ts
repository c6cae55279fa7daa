/**
 * The fast path for CSV rows; its reference is papaparse as csv/read.ts runs it (`papaparseOnly`),
 * and fast-rows.test.ts holds the two to the same rows. Rows are found in the source's text with
 * indexOf, or in a UTF-8 file's bytes a byte at a time, by one state machine; each cell is a range,
 * decoded only when it is read. csv/read.ts hands papaparse what the fast path cannot vouch for.
 */

export type Delimiter = ',' | ';' | '\t';

/** The double quote, as a character code and as a byte. */
const QUOTE = 0x22;
/** indexOf's answer, and the scanners', when there is none. */
const NOT_FOUND = -1;
/** Bytes from here up are parts of multi-byte characters, never ASCII. */
const NON_ASCII = 0x80;
const SPACE = 0x20;
/** Tab, line feed, vertical tab, form feed, carriage return: the ASCII white space below the space. */
const FIRST_CONTROL_SPACE = 0x09;
const LAST_CONTROL_SPACE = 0x0d;

/**
 * A row's cells, read on demand: a large file's rows are found without turning every cell into a
 * string, and the registry reads only the cells a row needs (three for a row that is not published).
 */
export interface Cells {
  readonly length: number;
  /** The cell at `i` (0 ≤ i < length). */
  at(i: number): string;
  /** Every cell is empty or white space. */
  isBlank(): boolean;
}

/** Cells already parsed into strings (papaparse's rows). */
export class ListCells implements Cells {
  readonly values: readonly string[];
  constructor(values: readonly string[]) {
    this.values = values;
  }
  get length() {
    return this.values.length;
  }
  at(i: number) {
    return this.values[i]!;
  }
  isBlank() {
    return this.values.every((c) => c.trim() === '');
  }
}

/** The cells of a row as strings. */
export const cellValues = (cells: Cells): string[] =>
  cells instanceof ListCells
    ? [...cells.values]
    : Array.from({ length: cells.length }, (_, i) => cells.at(i));

export interface SourceWindow {
  /** The text (for a UTF-8 source: decoded, not yet NFC). */
  text: string;
  /** Where in the source the character at `offset` of the text is. */
  scanOffset(offset: number): number;
  /** A cell read from the text, as `cell` gives it. */
  cell(value: string): string;
}

/**
 * What rows are read from: decoded text (`text`), or a UTF-8 file's bytes (`bytes`), whose rows are
 * found byte by byte without decoding the file (the delimiters, quotes and line breaks are ASCII,
 * and a multi-byte character never holds an ASCII byte). Positions are characters of the text or
 * bytes of the file. `cell` turns a range into the cell's text; `textFrom` decodes the rest of the
 * file from a row's start, for papaparse to read a damaged part.
 */
export type CsvSource = (
  { text: string; bytes?: undefined } | { bytes: Uint8Array; text?: undefined }
) & {
  /** Characters of the text, or bytes of the file. */
  length: number;
  cell(start: number, end: number): string;
  textFrom(start: number): string;
  /** About `size` characters of text from a row's start, for papaparse to read one damaged row from. */
  window(start: number, size: number): SourceWindow;
};

/** Decoded text as a source. */
export function textSource(text: string): CsvSource {
  return {
    text,
    length: text.length,
    cell: (start, end) => text.slice(start, end),
    textFrom: (start) => (start === 0 ? text : text.slice(start)),
    window: (start, size) => ({
      text: text.slice(start, start + size),
      scanOffset: (offset) => start + offset,
      cell: (value) => value,
    }),
  };
}

/*
 * A cell's range is two numbers, its start and its end. A quoted cell holding doubled quotes ("" for
 * one ") keeps that in its end, stored as the end's bitwise complement (a negative number): its text
 * is the range with each "" read as ". One Int32Array holds a row's ranges, and the registry's byte
 * checks (registry/fast/) read them there without a call per cell.
 */

/** The end stored for a cell whose range holds doubled quotes. */
export const markDoubledQuotes = (end: number): number => ~end;
/** The stored end says the cell holds doubled quotes. */
export const holdsDoubledQuotes = (storedEnd: number): boolean => storedEnd < 0;
/** Where the cell ends in the source, whatever its stored end says of quotes. */
export const rangeEnd = (storedEnd: number): number => (storedEnd < 0 ? ~storedEnd : storedEnd);

/** Where the fast path writes a row's ranges (start, stored end) cell after cell. Reused for every row; grows by doubling. */
class RangeStore {
  data = new Int32Array(64);
  length = 0;
  grow() {
    const grown = new Int32Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }
}

/** An ASCII character that String.prototype.trim keeps (a cell starting with one is not blank). */
const isPrintableAscii = (c: number) =>
  c < NON_ASCII && c !== SPACE && (c < FIRST_CONTROL_SPACE || c > LAST_CONTROL_SPACE);

/**
 * The cells of the row being visited, as ranges of a source, each decoded when asked for. One
 * object serves every row of a read: a row's cells are read during its visit (keep the values,
 * not the row).
 */
export class RangeCells implements Cells {
  readonly source: CsvSource;
  private readonly store: RangeStore;
  length = 0;
  constructor(source: CsvSource, store: RangeStore) {
    this.source = source;
    this.store = store;
  }
  /** The row whose `count` numbers (two per cell) the fast path wrote into the store. */
  take(count: number): this {
    this.store.length = count;
    this.length = count >> 1;
    return this;
  }
  /** Start and stored end of each cell in the source, cell `i` at 2i and 2i + 1 (see markDoubledQuotes). */
  get ranges(): Int32Array {
    return this.store.data;
  }
  at(i: number): string {
    const ranges = this.store.data;
    const start = ranges[2 * i]!;
    const storedEnd = ranges[2 * i + 1]!;
    return holdsDoubledQuotes(storedEnd)
      ? this.source.cell(start, rangeEnd(storedEnd)).replaceAll('""', '"')
      : this.source.cell(start, storedEnd);
  }
  isBlank(): boolean {
    const { text, bytes } = this.source;
    const ranges = this.store.data;
    for (let i = 0; i < this.length; i++) {
      const start = ranges[2 * i]!;
      if (start === ranges[2 * i + 1]) continue;
      // A cell that starts with a printable ASCII character is not blank: decided without decoding it.
      if (isPrintableAscii(bytes ? bytes[start]! : text.charCodeAt(start))) return false;
      if (this.at(i).trim() !== '') return false;
    }
    return true;
  }
}

/**
 * What the state machine asks of a source: a character (or byte), and the two searches a row is
 * made of. A cell is quoted or not; a quoted cell runs to its closing quote, an unquoted one to
 * the next delimiter or line break.
 */
interface Scanner {
  readonly length: number;
  /** The character code (text) or byte at `i`, for `i` < length. */
  codeAt(i: number): number;
  /** A line break starts at `i`. */
  newlineAt(i: number): boolean;
  /** The closing quote of the quoted cell opened at `open`, or NOT_FOUND; sets `doubledQuotes`. */
  closingQuote(open: number): number;
  /** The last closingQuote found a doubled quote ("") inside the cell. */
  doubledQuotes: boolean;
  /** Where the unquoted cell starting at `start` ends: the delimiter, the line break, or the end. */
  unquotedEnd(start: number): number;
}

/** Decoded text, searched with indexOf; the next delimiter and line break are remembered. */
class TextScanner implements Scanner {
  readonly length: number;
  doubledQuotes = false;
  private readonly text: string;
  private readonly delimiter: Delimiter;
  private readonly newline: string;
  private nextDelimiter: number;
  private nextNewline: number;
  constructor(text: string, delimiter: Delimiter, newline: string, from: number) {
    this.text = text;
    this.delimiter = delimiter;
    this.newline = newline;
    this.length = text.length;
    this.nextDelimiter = text.indexOf(delimiter, from);
    this.nextNewline = text.indexOf(newline, from);
  }
  codeAt(i: number): number {
    return this.text.charCodeAt(i);
  }
  newlineAt(i: number): boolean {
    return this.text.startsWith(this.newline, i);
  }
  closingQuote(open: number): number {
    const text = this.text;
    let close = text.indexOf('"', open + 1);
    let doubled = false;
    while (close !== NOT_FOUND && text.charCodeAt(close + 1) === QUOTE) {
      doubled = true;
      close = text.indexOf('"', close + 2);
    }
    this.doubledQuotes = doubled;
    return close;
  }
  unquotedEnd(start: number): number {
    // NOT_FOUND stays true further on; a position behind `start` is looked for again.
    if (this.nextDelimiter !== NOT_FOUND && this.nextDelimiter < start)
      this.nextDelimiter = this.text.indexOf(this.delimiter, start);
    if (this.nextNewline !== NOT_FOUND && this.nextNewline < start)
      this.nextNewline = this.text.indexOf(this.newline, start);
    const delimiter = this.nextDelimiter;
    const newline = this.nextNewline;
    if (delimiter !== NOT_FOUND && (newline === NOT_FOUND || delimiter < newline)) return delimiter;
    return newline === NOT_FOUND ? this.length : newline;
  }
}

/**
 * UTF-8 bytes, a byte at a time: quicker than making the file a string to search (53 MB of
 * Latin-1) and as quick as indexOf on it. The bytes that may end an unquoted cell (the delimiter,
 * the line break's first byte) are marked in a table; the loops test four bytes a step while four
 * are left (a third of the tests), then one by one.
 */
class ByteScanner implements Scanner {
  readonly length: number;
  doubledQuotes = false;
  private readonly bytes: Uint8Array;
  private readonly delimiter: number;
  private readonly newlineFirst: number;
  /** The line break's second byte (LF of CR LF), or NOT_FOUND for a one-byte line break. */
  private readonly newlineSecond: number;
  private readonly stops = new Uint8Array(256);
  constructor(bytes: Uint8Array, delimiter: Delimiter, newline: string) {
    this.bytes = bytes;
    this.length = bytes.length;
    this.delimiter = delimiter.charCodeAt(0);
    this.newlineFirst = newline.charCodeAt(0);
    this.newlineSecond = newline.length > 1 ? newline.charCodeAt(1) : NOT_FOUND;
    this.stops[this.delimiter] = 1;
    this.stops[this.newlineFirst] = 1;
  }
  codeAt(i: number): number {
    return this.bytes[i]!;
  }
  newlineAt(i: number): boolean {
    const b = this.bytes;
    if (b[i] !== this.newlineFirst) return false;
    return (
      this.newlineSecond === NOT_FOUND || (i + 1 < b.length && b[i + 1] === this.newlineSecond)
    );
  }
  closingQuote(open: number): number {
    const b = this.bytes;
    const len = b.length;
    let close = open + 1;
    let doubled = false;
    for (;;) {
      while (
        close + 4 <= len &&
        b[close] !== QUOTE &&
        b[close + 1] !== QUOTE &&
        b[close + 2] !== QUOTE &&
        b[close + 3] !== QUOTE
      )
        close += 4;
      while (close < len && b[close] !== QUOTE) close++;
      if (close === len) return NOT_FOUND;
      if (close + 1 < len && b[close + 1] === QUOTE) {
        doubled = true;
        close += 2;
      } else break;
    }
    this.doubledQuotes = doubled;
    return close;
  }
  unquotedEnd(start: number): number {
    const b = this.bytes;
    const len = b.length;
    const stops = this.stops;
    let i = start;
    for (;;) {
      while (
        i + 4 <= len &&
        (stops[b[i]!]! | stops[b[i + 1]!]! | stops[b[i + 2]!]! | stops[b[i + 3]!]!) === 0
      )
        i += 4;
      while (i < len && stops[b[i]!] === 0) i++;
      if (i === len || b[i] === this.delimiter || this.newlineAt(i)) return i;
      i++; // a CR that does not start CR LF: part of the cell
    }
  }
}

type RowVisit = (cells: RangeCells, index: number) => void;

/** Where a read stopped: the end of the source, or the start of a row the fast path cannot vouch for; and the rows read. */
export interface FastRowsRead {
  end: number;
  rows: number;
}

/**
 * The state machine: row after row from `from`, cell after cell, until the source ends or a row
 * is damaged (a quote never closed, or something other than the delimiter, the line break or the
 * end after a closing quote).
 */
function scanRows(
  scan: Scanner,
  cells: RangeCells,
  store: RangeStore,
  delimiter: number,
  newlineLength: number,
  visit: RowVisit,
  from: number,
  firstIndex: number,
): FastRowsRead {
  const len = scan.length;
  // The row's ranges are written here, and handed over in `store` when the row is visited. (No
  // closure may capture these: a captured variable lives in memory, not in a register.)
  let ranges = store.data;
  let n = 0;
  let pos = from;
  let index = firstIndex;
  for (;;) {
    const rowStart = pos;
    n = 0;
    for (;;) {
      if (n + 2 > ranges.length) {
        store.length = n;
        store.grow();
        ranges = store.data;
      }
      /** Where the cell ends: the delimiter, the line break or the end of the source follows. */
      let after: number;
      if (pos < len && scan.codeAt(pos) === QUOTE) {
        const close = scan.closingQuote(pos);
        if (close === NOT_FOUND) return { end: rowStart, rows: index };
        ranges[n++] = pos + 1;
        ranges[n++] = scan.doubledQuotes ? markDoubledQuotes(close) : close;
        after = close + 1;
        if (after < len && scan.codeAt(after) !== delimiter && !scan.newlineAt(after))
          return { end: rowStart, rows: index };
      } else {
        after = scan.unquotedEnd(pos);
        ranges[n++] = pos;
        ranges[n++] = after;
      }
      if (after === len) {
        visit(cells.take(n), index++);
        return { end: len, rows: index };
      }
      if (scan.codeAt(after) === delimiter) pos = after + 1;
      else {
        visit(cells.take(n), index++);
        pos = after + newlineLength;
        break;
      }
    }
  }
}

/**
 * Rows of the source exactly as papaparse reads them, a row at a time, for as long as the text is
 * well formed: every quoted cell closed and followed at once by the delimiter, the line break or
 * the end. Papaparse is slow on a large file (a regex and several arrays per cell), and that is
 * nearly every file; and here a cell is a range, not yet a string. Returns where it stopped: the
 * start of the first row it cannot vouch for (papaparse reads from there, as it resumes its own
 * chunks at a row's start) and the rows read.
 */
export function fastRows(
  source: CsvSource,
  delimiter: Delimiter,
  newline: string,
  visit: RowVisit,
  from = 0,
  firstIndex = 0,
): FastRowsRead {
  if (source.length === 0) return { end: 0, rows: 0 }; // papaparse reads no row at all here, not one empty row
  const store = new RangeStore();
  const cells = new RangeCells(source, store);
  const scan = source.bytes
    ? new ByteScanner(source.bytes, delimiter, newline)
    : new TextScanner(source.text, delimiter, newline, from);
  const delimiterCode = delimiter.charCodeAt(0);
  return scanRows(scan, cells, store, delimiterCode, newline.length, visit, from, firstIndex);
}
