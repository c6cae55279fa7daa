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
  /** The parser found the row damaged (e.g. cut off inside quotes): it is rejected with this problem. */
  damage?: string;
}

export interface InputFile {
  file: string;
  rows: readonly InputRow[];
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
}

/** True when `a` is the newer review of the two (null is the oldest; a tie goes to the row read later). */
function newer(a: Seen, b: Seen): boolean {
  if (a.reviewedAt === b.reviewedAt) return a.order > b.order;
  if (a.reviewedAt === null) return false;
  if (b.reviewedAt === null) return true;
  return Date.parse(a.reviewedAt) > Date.parse(b.reviewedAt);
}

export function buildRegistry(files: readonly InputFile[], ctx: RowContext & { communes: readonly { slug: string; name: string }[] }, generatedAt: string): RegistryResult {
  const readRow = makeRowReader(ctx);
  const report: RegistryReport = { read: 0, published: 0, notPublic: 0, duplicates: 0, rejected: 0, rows: [] };
  const winners = new Map<string, Seen>();
  const losers: { row: Seen }[] = [];
  const unidentified: Seen[] = [];
  let order = 0;

  for (const { file, rows } of files) {
    for (const { line, raw, damage } of rows) {
      report.read++;
      const row: Seen = { ...readRow(raw), file, line, order: order++ };
      if (damage) {
        row.blocking = [damage, ...row.blocking];
        row.problems = [damage, ...row.problems];
      }
      if (!row.receipt) {
        unidentified.push(row);
        continue;
      }
      const current = winners.get(row.receipt);
      if (!current) winners.set(row.receipt, row);
      else if (newer(row, current)) {
        losers.push({ row: current });
        winners.set(row.receipt, row);
      } else losers.push({ row });
    }
  }

  const outcomes: { row: Seen; outcome: Outcome; extra?: string }[] = [];
  for (const row of unidentified) outcomes.push({ row, outcome: 'rejected' });
  for (const { row } of losers) {
    // The winner may itself lose later; point at the final one.
    const final = winners.get(row.receipt!)!;
    outcomes.push({ row, outcome: 'duplicate', extra: `Trùng mã hồ sơ với ${final.file} dòng ${final.line}; bản đó được dùng (rà soát mới nhất, hoặc đọc sau nếu bằng nhau)` });
  }
  const published: (NonNullable<ReadRow['publicFields']> & { receipt: string })[] = [];
  for (const row of winners.values()) {
    if (row.blocking.length > 0) outcomes.push({ row, outcome: 'rejected' });
    else if (row.status === PUBLISHED_STATUS && row.publicFields) {
      outcomes.push({ row, outcome: 'published' });
      published.push({ ...row.publicFields, receipt: row.receipt! });
    } else outcomes.push({ row, outcome: 'notPublic' });
  }

  for (const { row, outcome, extra } of outcomes.sort((a, b) => a.row.order - b.row.order)) {
    report[outcome === 'duplicate' ? 'duplicates' : outcome]++;
    const problems = extra ? [extra, ...row.problems] : row.problems;
    const quietSpam = outcome === 'notPublic' && row.status === 'rac';
    if (problems.length > 0 && !quietSpam) report.rows.push({ file: row.file, line: row.line, receipt: row.receipt, outcome, problems });
  }
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
