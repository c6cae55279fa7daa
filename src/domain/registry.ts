/**
 * The registry: rows of many exports → the public list and the private report.
 * Every row read is counted exactly once: read = published + notPublic +
 * duplicates + rejected. A receipt seen several times counts once; the row
 * with the latest review wins (a row without a readable review time loses;
 * on a tie the row read last wins, so a later file overrides an earlier one).
 */
import { makePublicList, type PublicList } from './public-list.ts';
import { makeRowReader, type PublicFields, type RawRow, type ReadRow, type RowContext } from './registry-row.ts';
import { forEachRead, type ReadRows, type ReadRowVisit } from './registry-packed.ts';
import { PUBLISHED_STATUS, type Status } from './status.ts';

export interface InputRow {
  line: number;
  raw: RawRow;
  /** The row already read from `raw` (by another thread, with the same reader); then `raw` is not read again. */
  read?: ReadRow;
  /** The parser found the row damaged (e.g. cut off inside quotes): it is rejected with this problem. */
  damage?: string;
}

/** A file's rows in order: an array, or a source that parses them as they are visited. */
export interface RowSource {
  /**
   * Visits every row. A source holding rows another thread read hands them to `visitRead` when
   * given (kept as columns, no object per row), else to `visit` one by one.
   */
  forEach(visit: (row: InputRow) => void, visitRead?: (rows: ReadRows) => void): void;
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
}

const OUTCOMES: readonly Outcome[] = ['rejected', 'published', 'notPublic', 'duplicate'];
const [REJECTED, PUBLISHED, NOT_PUBLIC, DUPLICATE] = [0, 1, 2, 3];

/**
 * Every row read, in reading order, kept as columns (index = order read): what deciding the
 * outcomes and writing the report need, without an object per row living to the end of the run.
 */
class RowLog {
  readonly files: string[] = [];
  readonly file: number[] = [];
  readonly line: number[] = [];
  readonly receipt: (string | null)[] = [];
  readonly status: (Status | null)[] = [];
  readonly reviewedAt: (string | null)[] = [];
  /** Only for a chosen row: the others are never published. */
  readonly publicFields: (PublicFields | null)[] = [];
  readonly problems: string[][] = [];
  readonly blocked: boolean[] = [];
  readonly outcome: number[] = [];

  add(file: number, line: number, receipt: string | null, status: Status | null, reviewedAt: string | null, publicFields: PublicFields | null, problems: string[], blocking: string[], damage: string | undefined): number {
    const i = this.line.length;
    this.file.push(file);
    this.line.push(line);
    this.receipt.push(receipt);
    this.status.push(status);
    this.reviewedAt.push(reviewedAt);
    this.publicFields.push(status === PUBLISHED_STATUS ? publicFields : null);
    this.problems.push(damage ? [damage, ...problems] : problems);
    this.blocked.push(damage !== undefined || blocking.length > 0);
    this.outcome.push(REJECTED);
    return i;
  }

  /** True when row `a` is the newer review of the two (null is the oldest; a tie goes to the row read later). */
  newer(a: number, b: number): boolean {
    const [ra, rb] = [this.reviewedAt[a]!, this.reviewedAt[b]!];
    if (ra === rb) return a > b;
    if (ra === null) return false;
    if (rb === null) return true;
    return Date.parse(ra) > Date.parse(rb);
  }
}

export function buildRegistry(files: readonly InputFile[], ctx: RowContext & { communes: readonly { slug: string; name: string }[] }, generatedAt: string): RegistryResult {
  const readRow = makeRowReader(ctx);
  const report: RegistryReport = { read: 0, published: 0, notPublic: 0, duplicates: 0, rejected: 0, rows: [] };
  const log = new RowLog();
  // The row that counts for each receipt (by its index in the log).
  const winners = new Map<string, number>();

  let f = 0;
  const add: ReadRowVisit = (line, receipt, status, reviewedAt, publicFields, problems, blocking, damage) => {
    const i = log.add(f, line, receipt, status, reviewedAt, publicFields, problems, blocking, damage);
    if (!receipt) return; // rejected: it cannot be identified
    const current = winners.get(receipt);
    if (current === undefined) winners.set(receipt, i);
    else if (log.newer(i, current)) {
      log.outcome[current] = DUPLICATE;
      winners.set(receipt, i);
    } else log.outcome[i] = DUPLICATE;
  };
  for (const { file, rows } of files) {
    f = log.files.push(file) - 1;
    rows.forEach(
      ({ line, raw, read, damage }) => {
        const r = read ?? readRow(raw);
        add(line, r.receipt, r.status, r.reviewedAt, r.publicFields, r.problems, r.blocking, damage);
      },
      (read) => forEachRead(read, add),
    );
  }

  const published: (PublicFields & { receipt: string })[] = [];
  for (const [receipt, i] of winners) {
    const publicFields = log.publicFields[i];
    if (log.blocked[i]) log.outcome[i] = REJECTED;
    else if (publicFields) {
      log.outcome[i] = PUBLISHED;
      published.push({ ...publicFields, receipt });
    } else log.outcome[i] = NOT_PUBLIC;
  }

  const counts = [0, 0, 0, 0];
  for (let i = 0; i < log.line.length; i++) {
    const code = log.outcome[i]!;
    counts[code]!++;
    let problems = log.problems[i]!;
    if (code === DUPLICATE) {
      // The winner may itself have lost later; point at the final one.
      const final = winners.get(log.receipt[i]!)!;
      problems = [`Trùng mã hồ sơ với ${log.files[log.file[final]!]} dòng ${log.line[final]}; bản đó được dùng (rà soát mới nhất, hoặc đọc sau nếu bằng nhau)`, ...problems];
    }
    const quietSpam = code === NOT_PUBLIC && log.status[i] === 'rac';
    if (problems.length > 0 && !quietSpam) report.rows.push({ file: log.files[log.file[i]!]!, line: log.line[i]!, receipt: log.receipt[i]!, outcome: OUTCOMES[code]!, problems });
  }
  [report.rejected, report.published, report.notPublic, report.duplicates] = counts as [number, number, number, number];
  report.read = log.line.length;
  return { list: makePublicList(ctx.communes, published, generatedAt), report };
}

/** The identity every run must satisfy; a failure is a bug in the registry, never in the input. */
export function countsAddUp(r: Pick<RegistryReport, 'read' | 'published' | 'notPublic' | 'duplicates' | 'rejected'>): boolean {
  return r.read === r.published + r.notPublic + r.duplicates + r.rejected;
}

/** The one-line summary printed by the CLI. */
export function summaryLine(r: RegistryReport, fileCount: number): string {
  return `registry: ${fileCount} file(s), read ${r.read} = published ${r.published} + notPublic ${r.notPublic} + duplicates ${r.duplicates} + rejected ${r.rejected}`;
}
