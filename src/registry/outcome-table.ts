/**
 * The rows of a registry run as read, kept to the end of the run as columns of numbers: the outcome
 * of a row is known only when every file has been read (a later row may win its receipt), and
 * 100,000 rows kept as objects, each with its receipt and review time as strings, cost the garbage
 * collector more than reading them did. A row's receipt is kept as a number (domain/receipt.ts's
 * receiptKey), its review time as milliseconds; only a chosen row's public fields and a row's
 * problems are objects.
 */
import { receiptKey } from '../domain/receipt.ts';
import { VN_OFFSET_MS } from '../domain/time.ts';
import { NO_PROBLEMS, type PublicFields, type ReadRow } from './row.ts';
import { PUBLISHED_STATUS, STATUSES, type Status } from '../domain/status.ts';

/**
 * Date.parse of a review time, by hand for the form every review time is read into
 * ("2024-03-25T08:05:00+07:00", a real day and time); NaN for none.
 */
export function instantMs(iso: string | null): number {
  if (iso === null) return NaN;
  if (iso.length === 25 && SHAPE.test(iso)) {
    const n = (from: number) => (iso.charCodeAt(from) - 48) * 10 + iso.charCodeAt(from + 1) - 48;
    const [year, month, day, hour, minute, second] = [
      n(0) * 100 + n(2),
      n(5),
      n(8),
      n(11),
      n(14),
      n(17),
    ];
    // Date.UTC reads a year below 100 as 19xx.
    if (
      year >= 100 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= 28 &&
      hour <= 23 &&
      minute <= 59 &&
      second <= 59
    ) {
      return Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MS;
    }
  }
  return Date.parse(iso);
}
const SHAPE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/;

/** The statuses in order: a status is kept as a small number, 1 + its place here. */
export const STATUS_LIST = Object.keys(STATUSES) as Status[];
const STATUS_CODE = new Map<Status, number>(STATUS_LIST.map((s, i) => [s, i + 1]));

/** A chosen row's public fields with its receipt: what it publishes if it wins its receipt. */
export type PublishedFields = PublicFields & { receipt: string };

/**
 * A row as the registry counts it. One record is filled again for every row and handed to a
 * CountedRowVisit (no object per row): a visit copies what it keeps, and keeps no reference to it.
 */
export interface CountedRow {
  line: number;
  /** receiptKey of the receipt (domain/receipt.ts); -1: none. */
  key: number;
  status: Status | null;
  /** The review time in ms (instantMs); NaN: none. */
  reviewedMs: number;
  /** A chosen row's public fields with its receipt; null for any other row. */
  published: PublishedFields | null;
  /** Every problem, the parser's damage first. */
  problems: string[];
  /** A problem rejects the row. */
  blocked: boolean;
}

/** Takes a row as counted (the record is filled again for the next row). */
export type CountedRowVisit = (row: CountedRow) => void;

/** A record to fill for each row, in turn. */
export function newCountedRow(): CountedRow {
  return {
    line: 0,
    key: -1,
    status: null,
    reviewedMs: NaN,
    published: null,
    problems: NO_PROBLEMS,
    blocked: false,
  };
}

/**
 * Fills `row` with a row as readRow read it, with the damage the parser found in it; returns it.
 */
export function countReadRow(
  row: CountedRow,
  line: number,
  read: ReadRow,
  damage: string | undefined,
): CountedRow {
  const { receipt, status, publicFields: p } = read;
  const key = receipt === null ? -1 : receiptKey(receipt);
  if (receipt !== null && key < 0)
    throw new Error(`registry: receipt ${receipt} is not in the form XXXX-XXXX`);
  row.line = line;
  row.key = key;
  row.status = status;
  row.reviewedMs = instantMs(read.reviewedAt);
  row.published =
    status === PUBLISHED_STATUS && p
      ? {
          productName: p.productName,
          productGroup: p.productGroup,
          producerType: p.producerType,
          producerName: p.producerName,
          commune: p.commune,
          round: p.round,
          campaign: p.campaign,
          receipt: receipt!,
        }
      : null;
  row.problems = damage ? [damage, ...read.problems] : read.problems;
  row.blocked = damage !== undefined || read.blocking.length > 0;
  return row;
}

const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
};

/** Room for this many rows before the columns grow (a national export holds about 100,000). */
const ROWS_AT_FIRST = 1 << 16;

/** In `problemsAt` and `publicAt`: the row has none. */
export const NONE_AT = -1;

/** Every row read in a run, in reading order: one column per field, row `i` at place `i`. */
export class RowTable {
  length = 0;
  file: Int32Array;
  line: Int32Array;
  /** receiptKey, or -1: no readable receipt. */
  key: Float64Array;
  /** 0: none, else 1 + the status's place in STATUS_LIST. */
  status: Uint8Array;
  /** The review time in ms; NaN: none or unreadable. */
  reviewed: Float64Array;
  blocked: Uint8Array;
  /** The place of the row's problems in `problemLists`; NONE_AT: none (see problemsOf). */
  problemsAt: Int32Array;
  /** The place of the row's public fields in `publics`; NONE_AT: none (see publicOf). */
  publicAt: Int32Array;
  readonly problemLists: string[][] = [];
  readonly publics: PublishedFields[] = [];

  /** Room for `rows` rows before the columns grow. */
  constructor(rows = ROWS_AT_FIRST) {
    [this.file, this.line, this.problemsAt, this.publicAt] = [
      new Int32Array(rows),
      new Int32Array(rows),
      new Int32Array(rows),
      new Int32Array(rows),
    ];
    [this.key, this.reviewed] = [new Float64Array(rows), new Float64Array(rows)];
    [this.status, this.blocked] = [new Uint8Array(rows), new Uint8Array(rows)];
  }

  /** Adds a row of file number `file` (the record is copied); returns its place. */
  add(file: number, row: CountedRow): number {
    const i = this.length++;
    if (i === this.line.length) this.resize(2 * i || 1);
    this.file[i] = file;
    this.line[i] = row.line;
    this.key[i] = row.key;
    this.status[i] = row.status === null ? 0 : STATUS_CODE.get(row.status)!;
    this.reviewed[i] = row.reviewedMs;
    this.blocked[i] = row.blocked ? 1 : 0;
    const { problems, published } = row;
    this.problemsAt[i] = problems.length > 0 ? this.problemLists.push(problems) - 1 : NONE_AT;
    this.publicAt[i] = published ? this.publics.push(published) - 1 : NONE_AT;
    return i;
  }

  statusOf(i: number): Status | null {
    return this.status[i] === 0 ? null : STATUS_LIST[this.status[i]! - 1]!;
  }

  /** The row's problems (the shared empty list when it has none). */
  problemsOf(i: number): string[] {
    const at = this.problemsAt[i]!;
    return at === NONE_AT ? NO_PROBLEMS : this.problemLists[at]!;
  }

  /** The row's public fields with its receipt, or null when it publishes nothing. */
  publicOf(i: number): PublishedFields | null {
    const at = this.publicAt[i]!;
    return at === NONE_AT ? null : this.publics[at]!;
  }
  private resize(size: number) {
    this.file = grow(this.file, size);
    this.line = grow(this.line, size);
    this.key = grow(this.key, size);
    this.status = grow(this.status, size);
    this.reviewed = grow(this.reviewed, size);
    this.blocked = grow(this.blocked, size);
    this.problemsAt = grow(this.problemsAt, size);
    this.publicAt = grow(this.publicAt, size);
  }
}
