// A row's cells: strings (ListCells) and ranges of a source (RangeCells), the doubled-quotes mark
// on a range's end, and blank rows told apart without decoding a cell that starts with a letter.
import { describe, expect, it } from 'vitest';
import { utf8BytesSource } from './decode.ts';
import {
  cellValues,
  holdsDoubledQuotes,
  ListCells,
  markDoubledQuotes,
  RangeCells,
  RangeStore,
  rangeEnd,
} from './cells.ts';
import { textSource } from './source.ts';

/** RangeCells over `text` (as text and as UTF-8 bytes), the ranges written as the fast path writes them. */
const rangeCells = (text: string, ranges: number[]) =>
  [textSource(text), utf8BytesSource(new TextEncoder().encode(text))].map((source) => {
    const store = new RangeStore();
    store.data.set(ranges);
    return new RangeCells(source, store).take(ranges.length);
  });

describe('the doubled-quotes mark', () => {
  it('keeps the end, negative, and tells it from a plain end (0 included)', () => {
    for (const end of [0, 1, 9, 2 ** 31 - 1]) {
      expect(holdsDoubledQuotes(markDoubledQuotes(end))).toBe(true);
      expect(holdsDoubledQuotes(end)).toBe(false);
      expect(rangeEnd(markDoubledQuotes(end))).toBe(end);
      expect(rangeEnd(end)).toBe(end);
    }
  });
});

describe('RangeCells', () => {
  it('reads each range, "" as " where the end is marked', () => {
    // a,"b""c",  — the cells a, b"c and an empty one.
    for (const cells of rangeCells('a,"b""c",', [0, 1, 3, markDoubledQuotes(7), 9, 9])) {
      expect(cells.length).toBe(3);
      expect(cellValues(cells)).toEqual(['a', 'b"c', '']);
    }
  });
  it('is blank when every cell is empty or white space, a BOM and a no-break space included', () => {
    const text = ' ,\u00a0\ufeff,';
    for (const cells of rangeCells(text, [0, 1, 2, 4, 5, 5])) expect(cells.isBlank()).toBe(true);
    for (const cells of rangeCells('x, ', [0, 1, 2, 3])) expect(cells.isBlank()).toBe(false);
    for (const cells of rangeCells(' ,ô', [0, 1, 2, 3])) expect(cells.isBlank()).toBe(false);
  });
  it('grows its store by doubling, keeping what was written', () => {
    const store = new RangeStore();
    store.data.set([1, 2]);
    const size = store.data.length;
    store.grow();
    expect(store.data.length).toBe(2 * size);
    expect([...store.data.subarray(0, 2)]).toEqual([1, 2]);
  });
});

describe('ListCells', () => {
  it('holds strings; blank when every one trims to nothing', () => {
    const cells = new ListCells(['a', ' ']);
    expect([cells.length, cells.at(0), cells.isBlank()]).toEqual([2, 'a', false]);
    expect(new ListCells([' ', '\t', '']).isBlank()).toBe(true);
    expect(cellValues(cells)).toEqual(['a', ' ']);
  });
});
