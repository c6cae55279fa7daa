/**
 * Fast path of row.ts's readRow (its reference), tested against it in row.test.ts beside this file.
 * For a row of a UTF-8 export read by the CSV fast path (csv/fast-rows.ts): the row is read from
 * its cells' bytes, and only the cells it publishes are decoded. A repeated cell (status, round,
 * commune, group…) is looked up by its bytes (ByteMemo); a private cell is checked in its bytes
 * when it has the common shape (cells.ts), and otherwise decoded and checked as readRow checks it.
 * Every answer is readRow's; a row with any problem at all is left to readRow, which words the
 * problems.
 */
import {
  ByteMemo,
  canonicalInstantAt,
  cleanTextLengthAt,
  isPlainEmailAt,
  isStoredPhoneAt,
  receiptKeyAt,
} from './cells.ts';
import type { RangeCells } from '../../csv/fast-rows.ts';
import type { ExportKey } from '../../export/format.ts';
import { textBounds, type CheckResult } from '../../domain/field-checks.ts';
import {
  normaliseReceipt,
  RECEIPT_LENGTH,
  receiptKey,
  receiptOfKey,
} from '../../domain/receipt.ts';
import {
  instantMs,
  visitReadRow,
  type CountedRowVisit,
  type PublishedFields,
} from '../outcome-table.ts';
import {
  CANONICAL_RECEIPT,
  COMMUNE,
  FIELDS,
  NO_PROBLEMS as NONE,
  PHONE,
  PRODUCER_NAME,
  PRODUCER_TYPE,
  PRODUCT_GROUP,
  PRODUCT_NAME,
  PUBLISH_NAME,
  tidy,
  type RawRow,
  type RowRules,
} from '../row.ts';
import { assignRound } from '../../domain/round.ts';
import { isScientific, readSheetInstant } from '../../domain/sheet-values.ts';
import { PUBLISHED_STATUS, type Status } from '../../domain/status.ts';

/** A row as the fast path read it (one object, filled again for every row). */
export interface ByteRead {
  /** outcome-table's receiptKey of the receipt. */
  key: number;
  status: Status;
  /** instantMs of the review time (NaN: none). */
  reviewedMs: number;
  /** A chosen row's public fields with its receipt; null for any other row. */
  published: PublishedFields | null;
}

/** True when the row was read; false when readRow must read it (it has a problem, or a shape the fast path leaves to readRow). */
export type ByteRowReader = (cells: RangeCells, out: ByteRead) => boolean;

/** How the fast path reads each schema field's cell. */
type FieldWay =
  /** Looked up by its bytes: the column repeats a few values. */
  | { kind: 'memo'; memo: ByteMemo<CheckResult> }
  /** Private text: its length in bytes, when clean; decoded and checked otherwise. */
  | { kind: 'text'; min: number; max: number }
  /** Private, decoded and checked. */
  | { kind: 'check' }
  | { kind: 'phone' }
  | { kind: 'email'; min: number; max: number };

/** Schema fields whose cells repeat a few values down a column. */
const REPEATED = new Set<string>([
  'producerType',
  'commune',
  'productGroup',
  'productStage',
  'supportNeeds',
  'consentProcessing',
  'consentPublishName',
]);

/** The fast path for the rows of one file: its bytes, and the field each of its columns holds. */
export function makeByteRowReader(
  rules: RowRules,
  bytes: Uint8Array,
  keys: readonly (ExportKey | null)[],
): ByteRowReader {
  const { checkList, ctx } = rules;
  const column = (key: ExportKey) => keys.indexOf(key);
  const [receiptAt, statusAt, reviewedAt, submittedAt, roundAt] = (
    ['receipt', 'status', 'reviewedAt', 'submittedAt', 'round'] as const
  ).map(column) as [number, number, number, number, number];
  const fieldAt = FIELDS.map((key) => column(key));
  const emailBounds = textBounds(rules.schema, 'email', true);
  const ways: FieldWay[] = FIELDS.map((key, i): FieldWay => {
    if (REPEATED.has(key)) return { kind: 'memo', memo: new ByteMemo(bytes) };
    if (i === PHONE) return { kind: 'phone' };
    if (key === 'email' && emailBounds) return { kind: 'email', ...emailBounds };
    const bounds = i === PRODUCER_NAME || i === PRODUCT_NAME ? null : textBounds(rules.schema, key);
    return bounds ? { kind: 'text', ...bounds } : { kind: 'check' };
  });
  const statusMemo = new ByteMemo<CheckResult>(bytes);
  const roundMemo = new ByteMemo<CheckResult>(bytes);
  const emptyEmailOk = checkList[FIELDS.indexOf('email')]!('').ok;

  /** The cell's text as readRow reads it (tidy; '' for a missing column or a short row). */
  const text = (cells: RangeCells, i: number) =>
    i < 0 || i >= cells.length ? '' : tidy(cells.at(i));

  /**
   * The check of a schema field's text. The consent to publish the name also fails when it is
   * neither yes nor no (readRow notes that), and its value is whether the name is published.
   */
  const check = (f: number, t: string): CheckResult => {
    if (f !== PUBLISH_NAME) return checkList[f]!(rules.fieldInput(f, t));
    const yes = rules.yesNo(t);
    if (yes === null) return NOT_YES_OR_NO;
    const r = checkList[f]!(yes);
    return r.ok ? { ok: true, value: yes } : r;
  };

  /**
   * What readRow makes of the text of a cell that repeats: the status (`f` = STATUS), the round
   * (`f` = ROUND), or the check of the schema field `f`.
   */
  const answer = (f: number, t: string): CheckResult => {
    if (f === STATUS) {
      const status = (rules.findStatus(t) as Status | undefined) ?? null;
      return status === null ? UNKNOWN_STATUS : { ok: true, value: status };
    }
    if (f === ROUND) {
      const slug = t ? (rules.findRound(t) ?? null) : null;
      return t && !slug ? NO_SUCH_ROUND : { ok: true, value: slug };
    }
    return check(f, t);
  };

  /** The answer for the cell at `i` (see `answer`), looked up by its bytes; computed from its text the first time they are seen. */
  function remembered(
    memo: ByteMemo<CheckResult>,
    cells: RangeCells,
    i: number,
    f: number,
  ): CheckResult {
    if (i < 0 || i >= cells.length) return answer(f, '');
    const r = cells.ranges;
    const start = r[2 * i]!;
    const end = r[2 * i + 1]!;
    if (end < 0) return answer(f, tidy(cells.at(i))); // doubled quotes: the same bytes unquoted would be another text
    const known = memo.get(start, end);
    if (known !== undefined) return known;
    const computed = answer(f, tidy(cells.at(i)));
    memo.set(start, end, computed);
    return computed;
  }

  /** The instant of a time cell in ms (NaN: empty), or undefined when it cannot be read (readRow notes that). */
  function instant(cells: RangeCells, i: number): number | undefined {
    if (i < 0 || i >= cells.length) return NaN;
    const r = cells.ranges;
    const start = r[2 * i]!;
    const end = r[2 * i + 1]!;
    if (start === end) return NaN;
    if (end >= 0) {
      const ms = canonicalInstantAt(bytes, start, end);
      if (!Number.isNaN(ms)) return ms;
    }
    const t = text(cells, i);
    if (!t) return NaN;
    const iso = readSheetInstant(t);
    return iso === null ? undefined : instantMs(iso);
  }

  /** True when the private field `f` has no problem. */
  function privateOk(cells: RangeCells, f: number, way: FieldWay): boolean {
    const i = fieldAt[f]!;
    if (i >= 0 && i < cells.length) {
      const r = cells.ranges;
      const start = r[2 * i]!;
      const end = r[2 * i + 1]!;
      const escaped = end < 0;
      const stop = escaped ? ~end : end;
      if (way.kind === 'text') {
        const n = cleanTextLengthAt(bytes, start, stop, escaped);
        if (n >= way.min && n <= way.max) return true;
      } else if (way.kind === 'phone') {
        if (isStoredPhoneAt(bytes, start, stop)) return true;
      } else if (way.kind === 'email') {
        if (
          start === stop
            ? emptyEmailOk
            : stop - start >= way.min &&
              stop - start <= way.max &&
              isPlainEmailAt(bytes, start, stop)
        )
          return true;
      }
    }
    const t = text(cells, i);
    const value = rules.fieldInput(f, t);
    return checkList[f]!(value).ok && !(f === PHONE && isScientific(value as string));
  }

  const publicBounds = (f: number) => textBounds(rules.schema, FIELDS[f]!);
  const [nameBounds, productBounds] = [publicBounds(PRODUCER_NAME), publicBounds(PRODUCT_NAME)];

  /**
   * A published text field's value as readRow checks it: decoded (the text the check keeps as it
   * is, when its bytes say it is clean and within its bounds), or null when it has a problem.
   */
  function published(cells: RangeCells, f: number): string | null {
    const i = fieldAt[f]!;
    const bounds = f === PRODUCER_NAME ? nameBounds : productBounds;
    if (bounds && i >= 0 && i < cells.length) {
      const r = cells.ranges;
      const end = r[2 * i + 1]!;
      const n = cleanTextLengthAt(bytes, r[2 * i]!, end < 0 ? ~end : end, end < 0);
      if (n >= bounds.min && n <= bounds.max) return cells.at(i);
    }
    const checked = checkList[f]!(text(cells, i));
    return checked.ok ? (checked.value as string) : null;
  }

  /** The receipt as text: the cell itself when it is already in the form XXXX-XXXX. */
  function receiptText(cells: RangeCells, key: number): string {
    if (receiptAt >= 0 && receiptAt < cells.length) {
      const r = cells.ranges;
      const start = r[2 * receiptAt]!;
      if (r[2 * receiptAt + 1]! - start === 9 && receiptKeyAt(bytes, start, start + 9) === key) {
        // ASCII: each byte is its character.
        return String.fromCharCode(
          bytes[start]!,
          bytes[start + 1]!,
          bytes[start + 2]!,
          bytes[start + 3]!,
          bytes[start + 4]!,
          bytes[start + 5]!,
          bytes[start + 6]!,
          bytes[start + 7]!,
          bytes[start + 8]!,
        );
      }
    }
    return receiptOfKey(key);
  }

  return (cells, out) => {
    // The receipt, as a number.
    let key = -1;
    if (receiptAt >= 0 && receiptAt < cells.length && cells.ranges[2 * receiptAt + 1]! >= 0)
      key = receiptKeyAt(bytes, cells.ranges[2 * receiptAt]!, cells.ranges[2 * receiptAt + 1]!);
    if (key < 0) {
      const t = text(cells, receiptAt);
      const receipt = CANONICAL_RECEIPT.test(t) ? t : normaliseReceipt(t);
      if (!receipt) return false;
      key = receiptKey(receipt);
    }
    if (statusAt < 0) return false;
    const s = remembered(statusMemo, cells, statusAt, STATUS);
    if (!s.ok) return false;
    const status = s.value as Status;
    const reviewedMs = instant(cells, reviewedAt);
    if (reviewedMs === undefined) return false;
    out.key = key;
    out.status = status;
    out.reviewedMs = reviewedMs;
    out.published = null;
    if (status !== PUBLISHED_STATUS) return true; // counted only: readRow reads nothing more

    const submittedMs = instant(cells, submittedAt);
    if (submittedMs === undefined) return false;
    let round: string | null;
    if (roundAt >= 0) {
      const r = remembered(roundMemo, cells, roundAt, ROUND);
      if (!r.ok) return false;
      round = r.value as string | null;
    } else if (!Number.isNaN(submittedMs))
      round = assignRound(ctx.rounds, new Date(submittedMs))?.slug ?? null;
    else return false;

    let producerType: unknown, commune: unknown, productGroup: unknown, named: unknown;
    for (let f = 0; f < ways.length; f++) {
      const way = ways[f]!;
      if (way.kind === 'memo') {
        const r = remembered(way.memo, cells, fieldAt[f]!, f);
        if (!r.ok) return false;
        if (f === PRODUCER_TYPE) producerType = r.value;
        else if (f === COMMUNE) commune = r.value;
        else if (f === PRODUCT_GROUP) productGroup = r.value;
        else if (f === PUBLISH_NAME) named = r.value;
      } else if (f !== PRODUCER_NAME && f !== PRODUCT_NAME && !privateOk(cells, f, way))
        return false;
    }
    const name = published(cells, PRODUCER_NAME);
    const product = published(cells, PRODUCT_NAME);
    if (name === null || product === null) return false;
    out.published = {
      productName: product,
      productGroup: productGroup as string,
      producerType: producerType as string,
      producerName: named === true ? name : null,
      commune: commune as string,
      round,
      receipt: receiptText(cells, key),
    };
    return true;
  };
}

const NOT_YES_OR_NO: CheckResult = { ok: false, message: 'neither yes nor no' };
const NO_SUCH_ROUND: CheckResult = { ok: false, message: 'no such round' };
const UNKNOWN_STATUS: CheckResult = { ok: false, message: 'no such status' };
/** `answer`'s codes for the status and the round (schema fields are 0 and up). */
const STATUS = -1;
const ROUND = -2;

/**
 * Reads the rows of one file as the registry counts them: by the fast path when a row comes with
 * its cells in a UTF-8 export's bytes (`columnFields` then says what each column holds), else by
 * readRow. The registry and the worker of a file read by two threads both read rows with this.
 */
export function makeFileRowReader(
  rules: RowRules,
  columnFields: readonly (ExportKey | null)[] | undefined,
  visit: CountedRowVisit,
) {
  let fast: ByteRowReader | null = null;
  const out: ByteRead = { key: -1, status: PUBLISHED_STATUS, reviewedMs: NaN, published: null };
  return (
    line: number,
    raw: RawRow,
    cells: RangeCells | undefined,
    damage: string | undefined,
  ): void => {
    if (cells && damage === undefined && columnFields) {
      fast ??= makeByteRowReader(rules, cells.source.bytes!, columnFields);
      if (fast(cells, out))
        return visit(line, out.key, out.status, out.reviewedMs, out.published, NONE, false);
    }
    visitReadRow(visit, line, rules.readRow(raw), damage);
  };
}
