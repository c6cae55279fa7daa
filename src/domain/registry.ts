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

/** A row as read, kept to the end of the run: what deciding its outcome and reporting it need. */
interface Logged {
  file: string;
  line: number;
  /** Position in reading order (a tie between reviews goes to the row read later). */
  order: number;
  receipt: string | null;
  status: Status | null;
  reviewedAt: string | null;
  /** Only for a chosen row: the others are never published. */
  publicFields: PublicFields | null;
  problems: string[];
  blocked: boolean;
  outcome: Outcome;
}

/** True when `a` is the newer review of the two (null is the oldest; a tie goes to the row read later). */
function newer(a: Logged, b: Logged): boolean {
  if (a.reviewedAt === b.reviewedAt) return a.order > b.order;
  if (a.reviewedAt === null) return false;
  if (b.reviewedAt === null) return true;
  return Date.parse(a.reviewedAt) > Date.parse(b.reviewedAt);
}

export function buildRegistry(files: readonly InputFile[], ctx: RowContext & { communes: readonly { slug: string; name: string }[] }, generatedAt: string): RegistryResult {
  const readRow = makeRowReader(ctx);
  const report: RegistryReport = { read: 0, published: 0, notPublic: 0, duplicates: 0, rejected: 0, rows: [] };
  // Every row in reading order, each given exactly one outcome below; and the row that counts for each receipt.
  const all: Logged[] = [];
  const winners = new Map<string, Logged>();

  let file = '';
  const add: ReadRowVisit = (line, receipt, status, reviewedAt, publicFields, problems, blocking, damage) => {
    const row: Logged = {
      file,
      line,
      order: all.length,
      receipt,
      status,
      reviewedAt,
      publicFields: status === PUBLISHED_STATUS ? publicFields : null,
      problems: damage ? [damage, ...problems] : problems,
      blocked: damage !== undefined || blocking.length > 0,
      outcome: 'rejected',
    };
    all.push(row);
    if (!receipt) return; // rejected: it cannot be identified
    const current = winners.get(receipt);
    if (!current) winners.set(receipt, row);
    else if (newer(row, current)) {
      current.outcome = 'duplicate';
      winners.set(receipt, row);
    } else row.outcome = 'duplicate';
  };
  for (const input of files) {
    file = input.file;
    input.rows.forEach(
      ({ line, raw, read, damage }) => {
        const r = read ?? readRow(raw);
        add(line, r.receipt, r.status, r.reviewedAt, r.publicFields, r.problems, r.blocking, damage);
      },
      (read) => forEachRead(read, add),
    );
  }

  const published: (PublicFields & { receipt: string })[] = [];
  for (const [receipt, row] of winners) {
    if (row.blocked) row.outcome = 'rejected';
    else if (row.publicFields) {
      row.outcome = 'published';
      published.push({ ...row.publicFields, receipt });
    } else row.outcome = 'notPublic';
  }

  for (const row of all) {
    const { outcome } = row;
    let problems = row.problems;
    if (outcome === 'published') report.published++;
    else if (outcome === 'notPublic') report.notPublic++;
    else if (outcome === 'rejected') report.rejected++;
    else {
      report.duplicates++;
      // The winner may itself have lost later; point at the final one.
      const final = winners.get(row.receipt!)!;
      problems = [`Trùng mã hồ sơ với ${final.file} dòng ${final.line}; bản đó được dùng (rà soát mới nhất, hoặc đọc sau nếu bằng nhau)`, ...problems];
    }
    const quietSpam = outcome === 'notPublic' && row.status === 'rac';
    if (problems.length > 0 && !quietSpam) report.rows.push({ file: row.file, line: row.line, receipt: row.receipt, outcome, problems });
  }
  report.read = all.length;
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
