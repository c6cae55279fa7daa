/**
 * A row's cells as the readers hand them out: strings papaparse parsed (ListCells), or ranges of a
 * source the fast path found (RangeCells), each decoded only when it is read.
 */
import type { CsvSource } from './source.ts';

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
export class RangeStore {
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
