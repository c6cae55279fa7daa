/** An iCalendar (RFC 5545) file of the round deadlines, for phones' calendars. */
import { asciiText, type Authority } from '../domain/authority.ts';
import { lastDayBefore, toVnIso } from '../domain/time.ts';
import type { RoundWithSlug } from '../domain/round.ts';

/** Escapes text per RFC 5545 §3.3.11. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 §3.1). */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const ymd = (instant: Date) => toVnIso(instant).slice(0, 10).replace(/-/g, '');

/** One all-day event on the last day of each round, with a reminder three days before. */
export function roundsCalendar(
  rounds: readonly RoundWithSlug[],
  opts: { siteUrl: string; office: string; stamp: Date; authority: Authority },
): string {
  const { authority } = opts;
  const uidHost = asciiText(authority.titleSuffix)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const stamp = opts.stamp
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${asciiText(authority.shortName)}//OCOP//VI`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(authority.calendarName)}`,
    'X-WR-TIMEZONE:Asia/Ho_Chi_Minh',
  ];
  for (const r of rounds) {
    const last = lastDayBefore(new Date(r.deadline));
    const next = new Date(last.getTime() + 24 * 60 * 60 * 1000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${r.slug}@${uidHost}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${ymd(last)}`,
      `DTEND;VALUE=DATE:${ymd(next)}`,
      `SUMMARY:${escapeText(`Ngày cuối đăng ký OCOP ${r.label} (${r.deadlineText})`)}`,
      `DESCRIPTION:${escapeText(`Đăng ký sản phẩm OCOP ${authority.area}, ${r.label}: ${r.deadlineText}. Đăng ký trực tuyến: ${opts.siteUrl}dang-ky/ hoặc tại ${opts.office}.`)}`,
      `URL:${opts.siteUrl}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`Còn 3 ngày đến hạn đăng ký OCOP ${r.label}`)}`,
      'TRIGGER:-P3D',
      'END:VALARM',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
