/**
 * How long personal data is kept (Luật 91/2025/QH15: no longer than its
 * purpose needs). The periods are content (content/privacy/retention.json),
 * counted from the end of the campaign's registration: the last round's
 * deadline, or the submission time of a registration received after it.
 * A chosen product's dossier is followed for years (OCOP certification and
 * its renewal), so it is kept longer; every other status counts as not chosen.
 */
import { z } from 'zod';
import { PUBLISHED_STATUS } from './status.ts';

export const retentionSchema = z.object({
  /** Months personal data of a registration that was not chosen is kept after the campaign's last round. */
  notChosenMonths: z.number().int().min(1).max(240),
  /** Months for a chosen one ("Đã chọn"). */
  chosenMonths: z.number().int().min(1).max(240),
  /** Days a database backup is kept before it is rotated away (erasure reaches backups then). */
  backupDays: z.number().int().min(1).max(3650),
});

export type Retention = z.infer<typeof retentionSchema>;

/** The date `months` calendar months after `from` (day clamped to the month's end). */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** When a registration's personal data is due for erasure. `lastDeadline` is the campaign's last round deadline, if any. */
export function retentionDue(
  record: { status: string; submittedAt: string },
  lastDeadline: Date | null,
  rules: Retention,
): Date {
  const submitted = new Date(record.submittedAt);
  const start = lastDeadline && lastDeadline > submitted ? lastDeadline : submitted;
  return addMonths(
    start,
    record.status === PUBLISHED_STATUS ? rules.chosenMonths : rules.notChosenMonths,
  );
}
