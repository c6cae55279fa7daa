/**
 * npm run retention [-- --apply] [--now ISO]: lists the registrations whose
 * personal data is past the retention period set in
 * content/privacy/retention.json (see src/domain/retention.ts), counted from
 * the last round of each registration's campaign; with --apply,
 * erases it (the row stays, as for an erasure by staff) and logs each one in
 * the access log as account "retention". Meant for a daily cron line
 * (docs/operations.md). --now fixes the clock (tests, or to see what a later
 * date would erase).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retentionDue, retentionSchema, type Retention } from '../src/domain/retention.ts';
import { toVnIso } from '../src/domain/time.ts';
import { readSiteContent } from '../src/domain/content-files-node.ts';
import { AuditLog } from '../src/service/storage/audit.ts';
import { readConfig } from '../src/service/config.ts';
import { openDatabase } from '../src/service/storage/db.ts';
import { PersonalData } from '../src/service/storage/personal-data.ts';
import { RegistrationStore } from '../src/service/storage/store.ts';

process.umask(0o077);
process.removeAllListeners('warning');

export const RETENTION_ACCOUNT = 'retention';

function readRetention(contentDir: string): Retention {
  const file = join(contentDir, 'privacy', 'retention.json');
  const parsed = retentionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

function main(argv: string[]): void {
  const args = argv.filter((a) => a !== '--');
  const apply = args.includes('--apply');
  const nowAt = args.indexOf('--now');
  const unknown = args.filter(
    (a, i) => a !== '--apply' && a !== '--now' && !(nowAt >= 0 && i === nowAt + 1),
  );
  if (unknown.length > 0 || (nowAt >= 0 && !args[nowAt + 1]))
    throw new Error('usage: npm run retention -- [--apply] [--now 2026-12-05T00:00:00+07:00]');
  const now = nowAt >= 0 ? new Date(args[nowAt + 1]!) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new Error(`--now ${args[nowAt + 1]} is not a date and time`);

  const { dataDir, contentDir } = readConfig();
  const rules = readRetention(contentDir);
  // Each registration is counted from the last round of its own campaign (the current one for rows without).
  const { campaigns, campaign: current } = readSiteContent(contentDir);
  const lastDeadlineOf = new Map(
    campaigns.map((c) => [
      c.slug,
      c.rounds.length
        ? new Date(Math.max(...c.rounds.map((r) => new Date(r.deadline).getTime())))
        : null,
    ]),
  );
  const lastDeadline = (campaign: string | undefined) =>
    (campaign && lastDeadlineOf.get(campaign)) || lastDeadlineOf.get(current.slug) || null;

  const db = openDatabase(dataDir);
  try {
    const store = new RegistrationStore(db);
    const due = store
      .list()
      .filter((r) => r.erasedAt === null)
      .map((r) => ({ record: r, due: retentionDue(r, lastDeadline(r.campaign), rules) }))
      .filter((r) => r.due.getTime() <= now.getTime());
    console.log(
      `Thời hạn lưu trữ: ${rules.notChosenMonths} tháng (không được chọn), ${rules.chosenMonths} tháng (đã chọn). Hôm nay: ${toVnIso(now)}`,
    );
    for (const { record, due: at } of due)
      console.log(
        `${record.receipt}\t${record.status}\t${record.commune}\thết hạn ${toVnIso(at).slice(0, 10)}`,
      );
    if (!apply) {
      console.log(
        `${due.length} hồ sơ đã quá thời hạn lưu trữ. Chạy lại với --apply để xóa dữ liệu cá nhân của các hồ sơ này.`,
      );
      return;
    }
    const personal = new PersonalData(store, new AuditLog(db));
    for (const { record } of due) {
      const months = record.status === 'da-chon' ? rules.chosenMonths : rules.notChosenMonths;
      personal.erase(
        record.receipt,
        `hết thời hạn lưu trữ ${months} tháng`,
        RETENTION_ACCOUNT,
        now,
        'retention',
      );
    }
    console.log(`Đã xóa dữ liệu cá nhân của ${due.length} hồ sơ.`);
  } finally {
    db.close();
  }
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`retention: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
}
