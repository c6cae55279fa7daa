/**
 * The fast path for CSV rows; its reference is papaparse as csv/read.ts runs it (`papaparseOnly`),
 * and fast-rows.test.ts holds the two to the same rows. Rows are found in the source's text with
 * indexOf, or in a UTF-8 file's bytes a byte at a time, by one state machine; each cell is a range
 * (cells.ts), decoded only when it is read. csv/read.ts hands papaparse what the fast path cannot
 * vouch for.
 */
import { markDoubledQuotes, RangeCells, RangeStore } from './cells.ts';
import type { CsvSource, Delimiter } from './source.ts';

// The cells the fast path hands out, also named here: the registry's modules import them so.
export {
  cellValues,
  holdsDoubledQuotes,
  ListCells,
  markDoubledQuotes,
  RangeCells,
  rangeEnd,
  type Cells,
} from './cells.ts';

/** The double quote, as a character code and as a byte. */
const QUOTE = 0x22;
/** indexOf's answer, and the scanners', when there is none. */
const NOT_FOUND = -1;

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
      this.newlineSecond === NOT_FOUND || (i + 1 < this.length && b[i + 1] === this.newlineSecond)
    );
  }
  closingQuote(open: number): number {
    const b = this.bytes;
    const len = this.length;
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
    const len = this.length;
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
