/**
 * Fast path of row.ts's readRow (its reference), tested against it in row.test.ts beside this file.
 * For a row of a UTF-8 export read by the CSV fast path (csv/fast-rows.ts): the row is read from
 * its cells' bytes, and only the cells it publishes are decoded. A repeated cell (status, round,
 * commune, group…) is looked up by its bytes (row-cells.ts); a private cell is checked in its bytes
 * when it has the common shape (cells.ts), and otherwise decoded and checked as readRow checks it.
 * Every answer is readRow's; a row with any problem at all is left to readRow, which words the
 * problems.
 */
import { hasCell, isEscaped, RepeatedColumn, startOf, storedEndOf, textOf } from './row-cells.ts';
import {
  canonicalInstantAt,
  cleanTextLengthAt,
  isPlainEmailAt,
  isStoredPhoneAt,
  receiptKeyAt,
} from './cells.ts';
import { rangeEnd, type RangeCells } from '../../csv/cells.ts';
import type { ExportKey } from '../../export/format.ts';
import { textBounds, type CheckResult, type TextBounds } from '../../domain/field-checks.ts';
import {
  normaliseReceipt,
  RECEIPT_LENGTH,
  receiptKey,
  receiptOfKey,
} from '../../domain/receipt.ts';
import {
  countReadRow,
  instantMs,
  newCountedRow,
  type CountedRow,
  type CountedRowVisit,
} from '../outcome-table.ts';
import { CANONICAL_RECEIPT, NO_PROBLEMS, type RawRow, type RowRules } from '../row.ts';
import {
  COMMUNE,
  FIELDS,
  PHONE,
  PRODUCER_NAME,
  PRODUCER_TYPE,
  PRODUCT_GROUP,
  PRODUCT_NAME,
  PUBLISH_NAME,
} from '../row-fields.ts';
import { assignRound } from '../../domain/round.ts';
import { isScientific, readSheetInstant } from '../../domain/sheet-values.ts';
import { PUBLISHED_STATUS, type Status } from '../../domain/status.ts';

const NOT_YES_OR_NO: CheckResult = { ok: false, message: 'neither yes nor no' };
const NO_SUCH_ROUND: CheckResult = { ok: false, message: 'no such round' };
const UNKNOWN_STATUS: CheckResult = { ok: false, message: 'no such status' };

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

/** How the fast path checks a private field's cell (one that is never published). */
type PrivateWay =
  /** Text: its length in bytes, when clean; decoded and checked otherwise. */
  | { kind: 'text'; bounds: TextBounds }
  | { kind: 'phone' }
  | { kind: 'email'; bounds: TextBounds }
  /** Decoded and checked. */
  | { kind: 'check' };

/** A private field: its place in FIELDS, its column, and how its cell is checked. */
interface PrivateField {
  field: number;
  column: number;
  way: PrivateWay;
}

/** The fast path for the rows of one file: its bytes, and the field each of its columns holds. */
export class FastRowReader {
  private readonly rules: RowRules;
  private readonly bytes: Uint8Array;
  /** The columns of the row's own cells (-1: the file has no such column). */
  private readonly receiptAt: number;
  private readonly statusAt: number;
  private readonly reviewedAt: number;
  private readonly submittedAt: number;
  private readonly roundAt: number;
  /** The column of each schema field, in FIELDS order (-1: none). */
  private readonly fieldAt: number[];
  private readonly status: RepeatedColumn;
  private readonly round: RepeatedColumn;
  /** The campaign of a late row (Kỳ đăng ký), as rules.campaignOf answers with no round. */
  private readonly campaign: RepeatedColumn;
  /** The repeated fields a chosen row publishes. */
  private readonly producerType: RepeatedColumn;
  private readonly commune: RepeatedColumn;
  private readonly productGroup: RepeatedColumn;
  private readonly publishName: RepeatedColumn;
  /** The other repeated fields: only checked. */
  private readonly otherRepeated: RepeatedColumn[] = [];
  private readonly privates: PrivateField[] = [];
  /** The bounds of the published texts (null: checked by their schema). */
  private readonly nameBounds: TextBounds | null;
  private readonly productBounds: TextBounds | null;
  private readonly emptyEmailOk: boolean;

  constructor(rules: RowRules, bytes: Uint8Array, keys: readonly (ExportKey | null)[]) {
    this.rules = rules;
    this.bytes = bytes;
    const column = (key: ExportKey) => keys.indexOf(key);
    this.receiptAt = column('receipt');
    this.statusAt = column('status');
    this.reviewedAt = column('reviewedAt');
    this.submittedAt = column('submittedAt');
    this.roundAt = column('round');
    this.fieldAt = FIELDS.map((key) => column(key));
    this.status = new RepeatedColumn(bytes, this.statusAt, (t) => this.statusAnswer(t));
    this.round = new RepeatedColumn(bytes, this.roundAt, (t) => this.roundAnswer(t));
    this.campaign = new RepeatedColumn(bytes, column('campaign'), (t) => ({
      ok: true,
      value: t,
    }));
    const repeated = (f: number) =>
      new RepeatedColumn(bytes, this.fieldAt[f]!, (t) => this.check(f, t));
    this.producerType = repeated(PRODUCER_TYPE);
    this.commune = repeated(COMMUNE);
    this.productGroup = repeated(PRODUCT_GROUP);
    this.publishName = repeated(PUBLISH_NAME);
    const emailBounds = textBounds(rules.schema, 'email', true);
    FIELDS.forEach((key, f) => {
      if (f === PRODUCER_NAME || f === PRODUCT_NAME) return; // published: see publishedText
      if (REPEATED.has(key)) {
        const published = [PRODUCER_TYPE, COMMUNE, PRODUCT_GROUP, PUBLISH_NAME].includes(f);
        if (!published) this.otherRepeated.push(repeated(f));
        return;
      }
      const bounds = textBounds(rules.schema, key);
      const way: PrivateWay =
        f === PHONE
          ? { kind: 'phone' }
          : key === 'email' && emailBounds
            ? { kind: 'email', bounds: emailBounds }
            : bounds
              ? { kind: 'text', bounds }
              : { kind: 'check' };
      this.privates.push({ field: f, column: this.fieldAt[f]!, way });
    });
    this.nameBounds = textBounds(rules.schema, 'producerName');
    this.productBounds = textBounds(rules.schema, 'productName');
    this.emptyEmailOk = rules.checkList[FIELDS.indexOf('email')]!('').ok;
  }

  /**
   * Reads the row into `out` (its key, status, reviewedMs and published; the rest is the
   * caller's): true when it was read; false when readRow must read it (it has a problem, or a
   * shape the fast path leaves to readRow). `out` may then be half filled.
   */
  read(cells: RangeCells, out: CountedRow): boolean {
    const key = this.receiptKey(cells);
    if (key < 0 || this.statusAt < 0) return false;
    const s = this.status.of(cells);
    if (!s.ok) return false;
    const status = s.value as Status;
    const reviewedMs = this.instant(cells, this.reviewedAt);
    if (reviewedMs === undefined) return false;
    out.key = key;
    out.status = status;
    out.reviewedMs = reviewedMs;
    out.published = null;
    if (status !== PUBLISHED_STATUS) return true; // counted only: readRow reads nothing more
    return this.readChosen(cells, key, out);
  }

  /** The rest of a chosen row: every field checked, and what it publishes. */
  private readChosen(cells: RangeCells, key: number, out: CountedRow): boolean {
    const submittedMs = this.instant(cells, this.submittedAt);
    if (submittedMs === undefined) return false;
    let round: string | null;
    if (this.roundAt >= 0) {
      const r = this.round.of(cells);
      if (!r.ok) return false;
      round = r.value as string | null;
    } else if (!Number.isNaN(submittedMs))
      round = assignRound(this.rules.ctx.rounds, new Date(submittedMs))?.slug ?? null;
    else return false;

    const producerType = this.producerType.of(cells);
    const commune = this.commune.of(cells);
    const productGroup = this.productGroup.of(cells);
    const named = this.publishName.of(cells);
    if (!producerType.ok || !commune.ok || !productGroup.ok || !named.ok) return false;
    for (const column of this.otherRepeated) if (!column.of(cells).ok) return false;
    for (const field of this.privates) if (!this.privateOk(cells, field)) return false;
    const name = this.publishedText(cells, PRODUCER_NAME, this.nameBounds);
    const product = this.publishedText(cells, PRODUCT_NAME, this.productBounds);
    if (name === null || product === null) return false;
    const campaignCell = round === null ? this.campaign.of(cells) : null;
    const campaign = this.rules.campaignOf(
      round,
      campaignCell?.ok ? (campaignCell.value as string) : '',
      submittedMs,
    );
    if (campaign.problem) return false;
    out.published = {
      productName: product,
      productGroup: productGroup.value as string,
      producerType: producerType.value as string,
      producerName: named.value === true ? name : null,
      commune: commune.value as string,
      round,
      campaign: campaign.slug,
      receipt: this.receiptText(cells, key),
    };
    return true;
  }

  /**
   * The receipt's key (domain/receipt.ts), read from its bytes when it is in the form XXXX-XXXX;
   * -1: none.
   */
  private receiptKey(cells: RangeCells): number {
    const i = this.receiptAt;
    if (hasCell(cells, i) && !isEscaped(storedEndOf(cells, i))) {
      const key = receiptKeyAt(this.bytes, startOf(cells, i), storedEndOf(cells, i));
      if (key >= 0) return key;
    }
    const t = textOf(cells, i);
    const receipt = CANONICAL_RECEIPT.test(t) ? t : normaliseReceipt(t);
    return receipt ? receiptKey(receipt) : -1;
  }

  /** The receipt as text: the cell itself when it is already in the form XXXX-XXXX. */
  private receiptText(cells: RangeCells, key: number): string {
    const i = this.receiptAt;
    if (hasCell(cells, i)) {
      const b = this.bytes;
      const start = startOf(cells, i);
      const end = storedEndOf(cells, i);
      if (end - start === RECEIPT_LENGTH && receiptKeyAt(b, start, end) === key) {
        // ASCII: each byte is its character.
        return String.fromCharCode(
          b[start]!,
          b[start + 1]!,
          b[start + 2]!,
          b[start + 3]!,
          b[start + 4]!,
          b[start + 5]!,
          b[start + 6]!,
          b[start + 7]!,
          b[start + 8]!,
        );
      }
    }
    return receiptOfKey(key);
  }

  /**
   * The instant of a time cell in ms (NaN: empty), or undefined when it cannot be read (readRow
   * notes that).
   */
  private instant(cells: RangeCells, i: number): number | undefined {
    if (!hasCell(cells, i)) return NaN;
    const start = startOf(cells, i);
    const end = storedEndOf(cells, i);
    if (start === end) return NaN;
    if (!isEscaped(end)) {
      const ms = canonicalInstantAt(this.bytes, start, end);
      if (!Number.isNaN(ms)) return ms;
    }
    const t = textOf(cells, i);
    if (!t) return NaN;
    const iso = readSheetInstant(t);
    return iso === null ? undefined : instantMs(iso);
  }

  /** readRow's status of a status cell's text. */
  private statusAnswer(t: string): CheckResult {
    const status = (this.rules.findStatus(t) as Status | undefined) ?? null;
    return status === null ? UNKNOWN_STATUS : { ok: true, value: status };
  }

  /** readRow's round of a round cell's text (empty: after the last round). */
  private roundAnswer(t: string): CheckResult {
    const slug = t ? (this.rules.findRound(t) ?? null) : null;
    return t && !slug ? NO_SUCH_ROUND : { ok: true, value: slug };
  }

  /**
   * The check of a schema field's text (`f`: its place in FIELDS). The consent to publish the name
   * also fails when it is neither yes nor no (readRow notes that), and its value is whether the
   * name is published.
   */
  private check(f: number, t: string): CheckResult {
    const { checkList } = this.rules;
    if (f !== PUBLISH_NAME) return checkList[f]!(this.rules.fieldInput(f, t));
    const yes = this.rules.yesNo(t);
    if (yes === null) return NOT_YES_OR_NO;
    const r = checkList[f]!(yes);
    return r.ok ? { ok: true, value: yes } : r;
  }

  /**
   * True when a private field has no problem: told from its bytes when they have the common shape.
   */
  private privateOk(cells: RangeCells, { field, column: i, way }: PrivateField): boolean {
    if (hasCell(cells, i)) {
      const b = this.bytes;
      const start = startOf(cells, i);
      const stored = storedEndOf(cells, i);
      const end = rangeEnd(stored);
      if (way.kind === 'text') {
        const n = cleanTextLengthAt(b, start, end, isEscaped(stored));
        if (n >= way.bounds.min && n <= way.bounds.max) return true;
      } else if (way.kind === 'phone') {
        if (isStoredPhoneAt(b, start, end)) return true;
      } else if (way.kind === 'email') {
        const n = end - start;
        if (n === 0) {
          if (this.emptyEmailOk) return true;
        } else if (n >= way.bounds.min && n <= way.bounds.max && isPlainEmailAt(b, start, end))
          return true;
      }
    }
    const value = this.rules.fieldInput(field, textOf(cells, i));
    return (
      this.rules.checkList[field]!(value).ok && !(field === PHONE && isScientific(value as string))
    );
  }

  /**
   * A published text field's value as readRow checks it: decoded (the text the check keeps as it
   * is, when its bytes say it is clean and within its bounds), or null when it has a problem.
   */
  private publishedText(cells: RangeCells, f: number, bounds: TextBounds | null): string | null {
    const i = this.fieldAt[f]!;
    if (bounds && hasCell(cells, i)) {
      const stored = storedEndOf(cells, i);
      const n = cleanTextLengthAt(
        this.bytes,
        startOf(cells, i),
        rangeEnd(stored),
        isEscaped(stored),
      );
      if (n >= bounds.min && n <= bounds.max) return cells.at(i);
    }
    const checked = this.rules.checkList[f]!(textOf(cells, i));
    return checked.ok ? (checked.value as string) : null;
  }
}

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
  let fast: FastRowReader | null = null;
  const row = newCountedRow();
  return (
    line: number,
    raw: RawRow,
    cells: RangeCells | undefined,
    damage: string | undefined,
  ): void => {
    if (cells && damage === undefined && columnFields) {
      fast ??= new FastRowReader(rules, cells.source.bytes!, columnFields);
      if (fast.read(cells, row)) {
        row.line = line;
        row.problems = NO_PROBLEMS;
        row.blocked = false;
        return visit(row);
      }
    }
    visit(countReadRow(row, line, rules.readRow(raw), damage));
  };
}
