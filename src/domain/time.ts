/** Time in Asia/Ho_Chi_Minh: a fixed +07:00 offset (Việt Nam has no daylight saving). */

export const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock parts of an instant in Việt Nam. */
function vnParts(instant: Date) {
  const d = new Date(instant.getTime() + VN_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** ISO 8601 with the +07:00 offset, to the second: "2024-03-25T08:05:00+07:00". */
export function toVnIso(instant: Date): string {
  const p = vnParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+07:00`;
}

/** dd/mm/yyyy in Việt Nam. */
export function formatDateVn(instant: Date): string {
  const p = vnParts(instant);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** dd/mm/yyyy hh:mm in Việt Nam. */
export function formatDateTimeVn(instant: Date): string {
  const p = vnParts(instant);
  return `${formatDateVn(instant)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of 00:00 in Việt Nam on the local day that holds `instant`. */
export function startOfVnDay(instant: Date): Date {
  const local = instant.getTime() + VN_OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - VN_OFFSET_MS);
}

/**
 * The last day one can still act before a deadline given as "before <instant>":
 * a deadline at 00:00 on 25/3 means the last day is 24/3.
 */
export function lastDayBefore(deadline: Date): Date {
  return new Date(deadline.getTime() - 1);
}
