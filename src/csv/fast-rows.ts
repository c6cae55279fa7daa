/**
 * The fast row reader and the cells it hands out: rows found in a source's scan string with
 * indexOf, each cell a range decoded only when it is read. csv-read puts papaparse behind it for
 * what the fast reader cannot vouch for.
 */

export type Delimiter = ',' | ';' | '\t';

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

export interface SourceWindow {
  /** The text (for a UTF-8 source: decoded, not yet NFC). */
  text: string;
  /** Where in the source the character at `offset` of the text is. */
  scanOffset(offset: number): number;
  /** A cell read from the text, as `cell` gives it. */
  cell(value: string): string;
}

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

/**
 * Where the fast reader writes a row's cells: start and end in the source for each, the end written as
 * ~end (negative) when the quoted cell holds doubled quotes. Reused for every row; grows by doubling.
 */
class RangeStore {
  data = new Int32Array(64);
  length = 0;
  grow() {
    const grown = new Int32Array(this.data.length * 2);
    grown.set(this.data);
    this.data = grown;
  }
  push(start: number, end: number) {
    if (this.length + 2 > this.data.length) this.grow();
    this.data[this.length++] = start;
    this.data[this.length++] = end;
  }
}

/** An ASCII character that String.prototype.trim keeps (a cell starting with one is not blank). */
const isPrintableAscii = (c: number) => c < 0x80 && c !== 32 && (c < 9 || c > 13);

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
  /** The row whose `count` ranges (two per cell) the fast reader wrote into the store. */
  take(count: number): this {
    this.store.length = count;
    this.length = count >> 1;
    return this;
  }
  /** Start and end of each cell in the source, as fastRows wrote them (an end ~end: doubled quotes inside). */
  get ranges(): Int32Array {
    return this.store.data;
  }
  at(i: number): string {
    const ranges = this.store.data;
    const start = ranges[2 * i]!;
    const end = ranges[2 * i + 1]!;
    return end < 0
      ? this.source.cell(start, ~end).replaceAll('""', '"')
      : this.source.cell(start, end);
  }
  isBlank(): boolean {
    const { text, bytes } = this.source;
    const ranges = this.store.data;
    for (let i = 0; i < this.length; i++) {
      const start = ranges[2 * i]!;
      const end = ranges[2 * i + 1]!;
      if (start === end) continue;
      // A cell that starts with a printable ASCII character is not blank: decided without decoding it.
      if (isPrintableAscii(bytes ? bytes[start]! : text.charCodeAt(start))) return false;
      if (this.at(i).trim() !== '') return false;
    }
    return true;
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
  visit: (cells: RangeCells, index: number) => void,
  from = 0,
  firstIndex = 0,
): { end: number; rows: number } {
  if (source.length === 0) return { end: 0, rows: 0 }; // papaparse reads no row at all here, not one empty row
  const store = new RangeStore();
  const cells = new RangeCells(source, store);
  return source.bytes
    ? byteRows(source.bytes, cells, store, delimiter, newline, visit, from, firstIndex)
    : textRows(source.text, cells, store, delimiter, newline, visit, from, firstIndex);
}

type RowVisit = (cells: RangeCells, index: number) => void;

/** fastRows in decoded text: the next delimiter and line break found with indexOf. */
function textRows(
  text: string,
  cells: RangeCells,
  store: RangeStore,
  delimiter: Delimiter,
  newline: string,
  visit: RowVisit,
  from: number,
  firstIndex: number,
): { end: number; rows: number } {
  const len = text.length;
  const d = delimiter.charCodeAt(0);
  const nlLen = newline.length;
  const row = () => {
    cells.length = store.length / 2;
    return cells;
  };
  let pos = from;
  let index = firstIndex;
  let nextDelim = text.indexOf(delimiter, pos);
  let nextNewline = text.indexOf(newline, pos);
  for (;;) {
    const rowStart = pos;
    store.length = 0;
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
        const after = close + 1;
        store.push(pos + 1, escaped ? ~close : close);
        if (after === len) {
          visit(row(), index++);
          return { end: len, rows: index };
        }
        if (text.charCodeAt(after) === d) pos = after + 1;
        else if (text.startsWith(newline, after)) {
          visit(row(), index++);
          pos = after + nlLen;
          break;
        } else return { end: rowStart, rows: index };
      } else if (nextDelim !== -1 && (nextNewline === -1 || nextDelim < nextNewline)) {
        store.push(pos, nextDelim);
        pos = nextDelim + 1;
      } else if (nextNewline !== -1) {
        store.push(pos, nextNewline);
        visit(row(), index++);
        pos = nextNewline + nlLen;
        break;
      } else {
        store.push(pos, len);
        visit(row(), index++);
        return { end: len, rows: index };
      }
    }
  }
}

/**
 * fastRows in UTF-8 bytes, a byte at a time: quicker than making the file a string to search
 * (53 MB of Latin-1) and as quick as indexOf on it. A byte that may end an unquoted cell (the
 * delimiter, the line break's first byte) is marked in a table.
 */
function byteRows(
  b: Uint8Array,
  cells: RangeCells,
  store: RangeStore,
  delimiter: Delimiter,
  newline: string,
  visit: RowVisit,
  from: number,
  firstIndex: number,
): { end: number; rows: number } {
  const len = b.length;
  const d = delimiter.charCodeAt(0);
  const nl0 = newline.charCodeAt(0);
  const nl1 = newline.length > 1 ? newline.charCodeAt(1) : -1;
  const nlLen = newline.length;
  const stops = new Uint8Array(256);
  stops[d] = 1;
  stops[nl0] = 1;
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
      if (pos < len && b[pos] === 34) {
        let close = pos + 1;
        let escaped = false;
        for (;;) {
          // Four bytes a step while four are left (a third of the loop's tests), then one by one.
          while (
            close + 4 <= len &&
            b[close] !== 34 &&
            b[close + 1] !== 34 &&
            b[close + 2] !== 34 &&
            b[close + 3] !== 34
          )
            close += 4;
          while (close < len && b[close] !== 34) close++;
          if (close === len) return { end: rowStart, rows: index };
          if (close + 1 < len && b[close + 1] === 34) {
            escaped = true;
            close += 2;
          } else break;
        }
        const after = close + 1;
        ranges[n++] = pos + 1;
        ranges[n++] = escaped ? ~close : close;
        if (after === len) {
          visit(cells.take(n), index++);
          return { end: len, rows: index };
        }
        const c = b[after]!;
        if (c === d) pos = after + 1;
        else if (c === nl0 && (nl1 < 0 || (after + 1 < len && b[after + 1] === nl1))) {
          visit(cells.take(n), index++);
          pos = after + nlLen;
          break;
        } else return { end: rowStart, rows: index };
      } else {
        let i = pos;
        for (;;) {
          while (
            i + 4 <= len &&
            (stops[b[i]!]! | stops[b[i + 1]!]! | stops[b[i + 2]!]! | stops[b[i + 3]!]!) === 0
          )
            i += 4;
          while (i < len && stops[b[i]!] === 0) i++;
          if (i === len || b[i] === d || nl1 < 0 || (i + 1 < len && b[i + 1] === nl1)) break;
          i++; // a CR that does not start CR LF: part of the cell
        }
        ranges[n++] = pos;
        ranges[n++] = i;
        if (i === len) {
          visit(cells.take(n), index++);
          return { end: len, rows: index };
        }
        if (b[i] === d) pos = i + 1;
        else {
          visit(cells.take(n), index++);
          pos = i + nlLen;
          break;
        }
      }
    }
  }
}

/** The cells of a row as strings. */
export const cellValues = (cells: Cells): string[] =>
  cells instanceof ListCells
    ? [...cells.values]
    : Array.from({ length: cells.length }, (_, i) => cells.at(i));
