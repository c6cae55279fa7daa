/**
 * The registry: rows of many exports → the public list and the private report.
 * Every row read is counted exactly once: read = published + notPublic +
 * duplicates + rejected. A receipt seen several times counts once; the row
 * with the latest review wins (a row without a readable review time loses;
 * on a tie the row read last wins, so a later file overrides an earlier one).
 */
import { makePublicList, type PublicList } from './public-list.ts';
import { makeRowReader, type RawRow, type ReadRow, type RowContext } from './registry-row.ts';
import { PUBLISHED_STATUS } from './status.ts';

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
  forEach(visit: (row: InputRow) => void): void;
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

interface Seen extends ReadRow {
  file: string;
  line: number;
  order: number;
  outcome: Outcome;
}

/** True when `a` is the newer review of the two (null is the oldest; a tie goes to the row read later). */
function newer(a: Seen, b: Seen): boolean {
  if (a.reviewedAt === b.reviewedAt) return a.order > b.order;
  if (a.reviewedAt === null) return false;
  if (b.reviewedAt === null) return true;
  return Date.parse(a.reviewedAt) > Date.parse(b.reviewedAt);
}

function seen(read: ReadRow, file: string, line: number, order: number, damage: string | undefined): Seen {
  const { receipt, status, reviewedAt } = read;
  // Only a chosen row can be published: the others need not keep their public fields.
  const publicFields = status === PUBLISHED_STATUS ? read.publicFields : null;
  const problems = damage ? [damage, ...read.problems] : read.problems;
  const blocking = damage ? [damage, ...read.blocking] : read.blocking;
  return { receipt, status, reviewedAt, publicFields, problems, blocking, file, line, order, outcome: 'rejected' };
}

export function buildRegistry(files: readonly InputFile[], ctx: RowContext & { communes: readonly { slug: string; name: string }[] }, generatedAt: string): RegistryResult {
  const readRow = makeRowReader(ctx);
  const report: RegistryReport = { read: 0, published: 0, notPublic: 0, duplicates: 0, rejected: 0, rows: [] };
  // Every row in reading order, each given exactly one outcome below.
  const all: Seen[] = [];
  const winners = new Map<string, Seen>();

  for (const { file, rows } of files) {
    rows.forEach(({ line, raw, read, damage }) => {
      const row = seen(read ?? readRow(raw), file, line, all.length, damage);
      all.push(row);
      if (!row.receipt) return; // rejected: it cannot be identified
      const current = winners.get(row.receipt);
      if (!current) winners.set(row.receipt, row);
      else if (newer(row, current)) {
        current.outcome = 'duplicate';
        winners.set(row.receipt, row);
      } else row.outcome = 'duplicate';
    });
  }

  const published: (NonNullable<ReadRow['publicFields']> & { receipt: string })[] = [];
  for (const row of winners.values()) {
    if (row.blocking.length > 0) row.outcome = 'rejected';
    else if (row.status === PUBLISHED_STATUS && row.publicFields) {
      row.outcome = 'published';
      published.push({ ...row.publicFields, receipt: row.receipt! });
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
