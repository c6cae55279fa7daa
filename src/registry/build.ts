/**
 * The registry: rows of many exports → the public list and the private report.
 * Every row read is counted exactly once: read = published + notPublic +
 * duplicates + rejected. A receipt seen several times counts once; the row
 * with the latest review wins (a row without a readable review time loses;
 * on a tie the row read last wins, so a later file overrides an earlier one).
 */
import { makePublicList, type PublicList } from './public-list.ts';
import type { RangeCells } from '../csv/fast-rows.ts';
import type { ExportKey } from '../export/format.ts';
import { makeRowRules, type RawRow, type RowContext } from './row.ts';
import { makeFileRowReader } from './fast/row.ts';
import { forEachRead, type ReadRows } from './packed.ts';
import { receiptOfKey } from '../domain/receipt.ts';
import { RowTable, type CountedRowVisit, type PublishedFields } from './outcome-table.ts';

export interface InputRow {
  line: number;
  raw: RawRow;
  /**
   * The parser found the row damaged (e.g. cut off inside quotes): it is rejected with this
   * problem.
   */
  damage?: string;
  /**
   * The row's cells in a UTF-8 file's bytes, when the source gives its `columnFields`: read first
   * by the fast path (fast/row.ts). Such a row is read during its visit: its cells, its
   * `raw` and the row itself serve the next row after it.
   */
  cells?: RangeCells;
}

/** A file's rows in order: an array, or a source that parses them as they are visited. */
export interface RowSource {
  /**
   * Visits every row: one by one to `visit`, or, for rows another thread read, as they were
   * counted, to `visitRead` (kept as columns, no object per row).
   */
  forEach(visit: (row: InputRow) => void, visitRead?: (rows: ReadRows) => void): void;
  /** The field each column holds, for rows that come with their `cells`. */
  columnFields?: readonly (ExportKey | null)[];
}

export interface InputFile {
  file: string;
  rows: RowSource;
}

export type Outcome = 'published' | 'notPublic' | 'duplicate' | 'rejected';

export interface ReportRow {
  file: string;
  line: number;
  receipt: string | null;
  outcome: Outcome;
  problems: string[];
}

export interface RegistryReport {
  read: number;
  published: number;
  notPublic: number;
  duplicates: number;
  rejected: number;
  /** Every rejected and duplicate row, and every other row with a problem (spam rows excepted). */
  rows: ReportRow[];
}

export interface RegistryResult {
  list: PublicList;
  report: RegistryReport;
  /**
   * Campaign slug → the receipts of its published late products (no round, "đợt tiếp theo"): the
   * campaign their Kỳ đăng ký cell or their time gave them (registry/campaign.ts). A product with
   * a round is its round's campaign's. The site lists each product under its campaign; this is
   * not part of the open data, whose product fields stay as the contract lists them.
   */
  campaigns: Record<string, string[]>;
}

/**
 * True when row `a` is the newer review of the two (none is the oldest; a tie goes to the row read
 * later, `a` > `b`).
 */
function newer(log: RowTable, a: number, b: number): boolean {
  const ra = log.reviewed[a]!;
  const rb = log.reviewed[b]!;
  if (ra === rb || (Number.isNaN(ra) && Number.isNaN(rb))) return a > b;
  if (Number.isNaN(ra)) return false;
  if (Number.isNaN(rb)) return true;
  return ra > rb;
}

/**
 * For each row, the row its receipt went to (-1 for a row without a receipt): itself for a receipt
 * seen once; for a receipt seen more than once, the newest of its rows (`newer`, taken in reading
 * order). The receipts seen more than once are found by sorting the keys as numbers: a table
 * looked up for every row in no order misses the cache nearly every time.
 */
function receiptWinners(log: RowTable): Int32Array {
  const n = log.length;
  const winners = new Int32Array(n);
  const sorted = log.key.slice(0, n).sort();
  let repeated: Set<number> | null = null;
  for (let i = 1; i < n; i++)
    if (sorted[i] === sorted[i - 1] && sorted[i]! >= 0) (repeated ??= new Set()).add(sorted[i]!);
  const newest = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = log.key[i]!;
    winners[i] = key < 0 ? -1 : i;
    if (repeated === null || !repeated.has(key)) continue;
    const current = newest.get(key);
    if (current === undefined || newer(log, i, current)) newest.set(key, i);
  }
  if (repeated)
    for (let i = 0; i < n; i++)
      if (repeated.has(log.key[i]!)) winners[i] = newest.get(log.key[i]!)!;
  return winners;
}

export function buildRegistry(
  files: readonly InputFile[],
  ctx: RowContext & { communes: readonly { slug: string; name: string }[] },
  generatedAt: string,
): RegistryResult {
  const rules = makeRowRules(ctx);
  const report: RegistryReport = {
    read: 0,
    published: 0,
    notPublic: 0,
    duplicates: 0,
    rejected: 0,
    rows: [],
  };
  // Every row in reading order, each given exactly one outcome below.
  const log = new RowTable();

  let file = 0;
  const addRow: CountedRowVisit = (row) => void log.add(file, row);
  for (let f = 0; f < files.length; f++) {
    file = f;
    const { rows } = files[f]!;
    const readRow = makeFileRowReader(rules, rows.columnFields, addRow);
    rows.forEach(
      ({ line, raw, damage, cells }) => readRow(line, raw, cells, damage),
      (read) => forEachRead(read, addRow),
    );
  }

  const winners = receiptWinners(log);
  const published: PublishedFields[] = [];
  for (let i = 0; i < log.length; i++) {
    const key = log.key[i]!;
    let outcome: Outcome;
    let problems = log.problemsOf(i);
    const winner = winners[i]!;
    if (key < 0 || (winner === i && log.blocked[i])) {
      outcome = 'rejected';
      report.rejected++;
    } else if (winner !== i) {
      outcome = 'duplicate';
      report.duplicates++;
      // The row the receipt finally went to (a row that beat this one may itself have lost later).
      const final = `${files[log.file[winner]!]!.file} dòng ${log.line[winner]}`;
      problems = [
        `Trùng mã hồ sơ với ${final}; bản đó được dùng ` +
          '(rà soát mới nhất, hoặc đọc sau nếu bằng nhau)',
        ...problems,
      ];
    } else if (log.publicOf(i) !== null) {
      outcome = 'published';
      report.published++;
      published.push(log.publicOf(i)!);
    } else {
      outcome = 'notPublic';
      report.notPublic++;
    }
    const quietSpam = outcome === 'notPublic' && log.statusOf(i) === 'rac';
    if (problems.length > 0 && !quietSpam)
      report.rows.push({
        file: files[log.file[i]!]!.file,
        line: log.line[i]!,
        receipt: key < 0 ? null : receiptOfKey(key),
        outcome,
        problems,
      });
  }
  report.read = log.length;
  const campaigns: Record<string, string[]> = {};
  for (const p of published)
    if (p.round === null && p.campaign) (campaigns[p.campaign] ??= []).push(p.receipt);
  return { list: makePublicList(ctx.communes, published, generatedAt), report, campaigns };
}

/** The identity every run must satisfy; a failure is a bug in the registry, never in the input. */
export function countsAddUp(
  r: Pick<RegistryReport, 'read' | 'published' | 'notPublic' | 'duplicates' | 'rejected'>,
): boolean {
  return r.read === r.published + r.notPublic + r.duplicates + r.rejected;
}

/** The one-line summary printed by the CLI. */
export function summaryLine(r: RegistryReport, fileCount: number): string {
  return (
    `registry: ${fileCount} file(s), read ${r.read} = published ${r.published}` +
    ` + notPublic ${r.notPublic} + duplicates ${r.duplicates} + rejected ${r.rejected}`
  );
}
