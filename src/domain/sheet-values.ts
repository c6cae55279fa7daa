/**
 * Reading values back after a spreadsheet has shown and re-saved them: dates
 * in Vietnamese display format, numbers with thousands separators, yes/no
 * written many ways, value-set labels instead of slugs.
 */
import { toVnIso, VN_OFFSET_MS } from './time.ts';
import { foldKey } from './text.ts';

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DMY =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(AM|PM|SA|CH))?)?$/i;
/** Excel's day numbers (1900 system) between 2000 and 2099, when a date cell was saved as a number. */
const SERIAL = /^(3[6-9]|[4-6]\d|7[0-2])\d{3}(?:[.,]\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function vnInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(wall).getUTCDate() !== d) return null; // 31/02 and the like
  return toVnIso(new Date(wall - VN_OFFSET_MS));
}

/** The export's own form, "2024-03-25T08:05:00+07:00": days past the 28th left to the full path. */
const CANONICAL =
  /^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\+07:00$/;

/** True when the text is already what readSheetInstant would return for it (the common case, checked without a Date). */
export const isCanonicalInstant = (value: string): boolean => CANONICAL.test(value);

/**
 * An instant from what a spreadsheet shows, as ISO 8601 with +07:00; null when unreadable.
 * Accepts ISO (an offset is kept, none means Việt Nam time), `25/03/2024 08:05`,
 * `25/03/2024 8:05:12` (Google Forms), `25-03-2024`, 12-hour clocks, and Excel day numbers.
 * Day/month order is Vietnamese (day first) unless the "month" is over 12.
 */
export function readSheetInstant(input: string): string | null {
  const value = input.trim();
  if (isCanonicalInstant(value)) return value;
  let m = ISO.exec(value);
  if (m) {
    const [, y, mo, d, h, mi, s, zone] = m;
    if (!zone) return vnInstant(+y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(s ?? 0));
    const t = Date.parse(
      `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h!.padStart(2, '0')}:${mi}:${s ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`,
    );
    return Number.isNaN(t) ? null : toVnIso(new Date(t));
  }
  m = DMY.exec(value);
  if (m) {
    let [day, month] = [+m[1]!, +m[2]!];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const year = m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!;
    let hour = +(m[4] ?? 0);
    const half = m[7]?.toUpperCase();
    if (half && (hour < 1 || hour > 12)) return null;
    if (half === 'PM' || half === 'CH') hour = (hour % 12) + 12;
    else if (half) hour %= 12;
    return vnInstant(year, month, day, hour, +(m[5] ?? 0), +(m[6] ?? 0));
  }
  if (SERIAL.test(value)) {
    const wall = EXCEL_EPOCH_MS + Math.round(Number(value.replace(',', '.')) * 86_400) * 1000;
    return toVnIso(new Date(wall - VN_OFFSET_MS));
  }
  return null;
}

/** "912,345,678" or "912.345.678" or "6 400 123 456" → digits; other text unchanged. */
export function stripThousands(value: string): string {
  const v = value.trim();
  return /^\d{1,3}(?:([,.\u00a0 ])\d{3})(?:\1\d{3})*$/.test(v) ? v.replace(/[^\d]/g, '') : v;
}

/** A number a spreadsheet turned into scientific notation ("9,12346E+08"): its digits are lost. */
export function isScientific(value: string): boolean {
  return /^\d(?:[.,]\d+)?E\+?\d+$/i.test(value.trim());
}

const YES = new Set(['co', 'true', '1', 'x', 'yes', 'y', 'on', 'dongy', 'v', '✓']);
const NO = new Set(['', 'khong', 'false', '0', 'no', 'n', 'off', 'khongdongy']);

/** Yes/no as people and spreadsheets write it ("có", "Không", "TRUE", "x", "1"); null when it is neither. */
export function readYesNo(value: string): boolean | null {
  const key = foldKey(value) || value.trim();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return null;
}

/** A lookup from a slug or a label (any case, with or without diacritics) to the slug. */
export function slugLookup(
  items: Iterable<{ slug: string; label: string; also?: readonly string[] }>,
): (value: string) => string | undefined {
  const index = new Map<string, string>();
  for (const item of items)
    for (const form of [item.slug, item.label, ...(item.also ?? [])])
      index.set(foldKey(form), item.slug);
  return memo((value) => index.get(foldKey(value)));
}

/**
 * Remembers a function's answers for the few distinct values a column repeats
 * (statuses, groups, communes…); folding each of 100,000 cells again is the slow part.
 * The first few distinct values are kept in a list compared with `===`: a fresh cell's
 * text would have its hash computed for every Map lookup, and most columns hold only a
 * handful of values. Past those, a Map (up to `limit` values).
 */
export function memo<K, T>(fn: (value: K) => T, limit = 10_000): (value: K) => T {
  const keys: K[] = [];
  const answers: T[] = [];
  let cache: Map<K, T> | null = null;
  return (value) => {
    if (cache === null) {
      for (let i = 0; i < keys.length; i++) if (keys[i] === value) return answers[i]!;
      const answer = fn(value);
      if (keys.length < FEW) {
        keys.push(value);
        answers.push(answer);
      } else cache = new Map(keys.map((k, i) => [k, answers[i]!]));
      return answer;
    }
    const known = cache.get(value);
    if (known !== undefined || cache.has(value)) return known as T;
    const answer = fn(value);
    if (cache.size < limit) cache.set(value, answer);
    return answer;
  };
}
const FEW = 8;
