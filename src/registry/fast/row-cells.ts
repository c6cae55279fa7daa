/**
 * A row's cells as the fast row path (row.ts) reads them: where each cell's bytes are, its text as
 * readRow reads it, and, for a column whose few values repeat, readRow's answer remembered by the
 * cell's bytes (RepeatedColumn). Tested with the fast path against its reference, in row.test.ts.
 */
import { ByteMemo } from './byte-memo.ts';
import { holdsDoubledQuotes, type RangeCells } from '../../csv/cells.ts';
import type { CheckResult } from '../../domain/field-checks.ts';
import { tidy } from '../row.ts';

// The cells of a row (csv/cells.ts's RangeCells): cell `i` is the bytes [start, end) with
// start = ranges[2i] and end = ranges[2i + 1], or, for a quoted cell whose doubled quotes stand for
// one quote each ("escaped"), a stored end that rangeEnd reads (holdsDoubledQuotes tells which).

/** True when the row has a cell at column `i` (-1: the file has no such column). */
export const hasCell = (cells: RangeCells, i: number) => i >= 0 && i < cells.length;
export const startOf = (cells: RangeCells, i: number) => cells.ranges[2 * i]!;
/** The cell's end as stored: below 0 for an escaped cell. */
export const storedEndOf = (cells: RangeCells, i: number) => cells.ranges[2 * i + 1]!;
export const isEscaped = holdsDoubledQuotes;

/** The cell's text as readRow reads it (tidy; '' for a missing column or a short row). */
export const textOf = (cells: RangeCells, i: number) =>
  hasCell(cells, i) ? tidy(cells.at(i)) : '';

/**
 * A column whose cells repeat a few values (status, round, commune, group…): what readRow makes
 * of a cell (`answer`) is computed once for each distinct cell, then looked up by its bytes.
 */
export class RepeatedColumn {
  private readonly memo: ByteMemo<CheckResult>;
  /** The column's place in the row; -1: the file has no such column. */
  private readonly column: number;
  private readonly answer: (text: string) => CheckResult;
  constructor(bytes: Uint8Array, column: number, answer: (text: string) => CheckResult) {
    this.memo = new ByteMemo(bytes);
    this.column = column;
    this.answer = answer;
  }

  /** What readRow makes of this column's cell in the row. */
  of(cells: RangeCells): CheckResult {
    const i = this.column;
    if (!hasCell(cells, i)) return this.answer('');
    const start = startOf(cells, i);
    const end = storedEndOf(cells, i);
    // Escaped: the same bytes unescaped would be another text.
    if (isEscaped(end)) return this.answer(tidy(cells.at(i)));
    const known = this.memo.get(start, end);
    if (known !== undefined) return known;
    const computed = this.answer(tidy(cells.at(i)));
    this.memo.set(start, end, computed);
    return computed;
  }
}
