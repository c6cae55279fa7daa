/**
 * The rows of a registry run as read, kept to the end of the run as columns of numbers: the
 * outcome of a row is known only when every file has been read (a later row may win its receipt),
 * and 100,000 rows kept as objects, each with its receipt and review time as strings, cost the
 * garbage collector more than reading them did. A row's receipt is kept as a number (domain/receipt.ts's receiptKey), its
 * review time as milliseconds; only a chosen row's public fields and a row's problems are objects.
 */
import { receiptKey } from '../domain/receipt.ts';
import { VN_OFFSET_MS } from '../domain/time.ts';
import type { PublicFields, ReadRow } from './row.ts';
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

export const STATUS_LIST = Object.keys(STATUSES) as Status[];
const STATUS_CODE = new Map<Status, number>(STATUS_LIST.map((s, i) => [s, i + 1]));

/** A chosen row's public fields with its receipt: what it publishes if it wins its receipt. */
export type PublishedFields = PublicFields & { receipt: string };

/**
 * A row as the registry counts it, in its fields (no object per row): its receipt as a key (-1:
 * none), status, review time in ms (NaN: none), a chosen row's public fields, every problem
 * (the parser's damage first) and whether a problem rejects it.
 */
export type CountedRowVisit = (
  line: number,
  key: number,
  status: Status | null,
  reviewedMs: number,
  published: PublishedFields | null,
  problems: string[],
  blocked: boolean,
) => void;

/** Visits a row as readRow read it, with the damage the parser found in it, as the registry counts it. */
export function visitReadRow(
  visit: CountedRowVisit,
  line: number,
  read: ReadRow,
  damage: string | undefined,
): void {
  const { receipt, status, publicFields: p } = read;
  const key = receipt === null ? -1 : receiptKey(receipt);
  if (receipt !== null && key < 0)
    throw new Error(`registry: receipt ${receipt} is not in the form XXXX-XXXX`);
  const published =
    status === PUBLISHED_STATUS && p
      ? {
          productName: p.productName,
          productGroup: p.productGroup,
          producerType: p.producerType,
          producerName: p.producerName,
          commune: p.commune,
          round: p.round,
          receipt: receipt!,
        }
      : null;
  visit(
    line,
    key,
    status,
    instantMs(read.reviewedAt),
    published,
    damage ? [damage, ...read.problems] : read.problems,
    damage !== undefined || read.blocking.length > 0,
  );
}

const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T => {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
};

/** Room for this many rows before the columns grow (a national export holds about 100,000). */
const ROWS_AT_FIRST = 1 << 16;

export class RowLog {
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
  /** 1 + the place of the row's problems in `problemLists`; 0: none. */
  problemsAt: Int32Array;
  /** 1 + the place of the row's public fields in `publics`; 0: none. */
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

  add(
    file: number,
    line: number,
    key: number,
    status: Status | null,
    reviewedMs: number,
    blocked: boolean,
    problems: readonly string[],
    published: PublishedFields | null,
  ): number {
    const i = this.length++;
    if (i === this.line.length) this.resize(2 * i || 1);
    this.file[i] = file;
    this.line[i] = line;
    this.key[i] = key;
    this.status[i] = status === null ? 0 : STATUS_CODE.get(status)!;
    this.reviewed[i] = reviewedMs;
    this.blocked[i] = blocked ? 1 : 0;
    this.problemsAt[i] = problems.length > 0 ? this.problemLists.push(problems as string[]) : 0;
    this.publicAt[i] = published ? this.publics.push(published) : 0;
    return i;
  }

  statusOf(i: number): Status | null {
    return this.status[i] === 0 ? null : STATUS_LIST[this.status[i]! - 1]!;
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
