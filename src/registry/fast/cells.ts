/**
 * Fast paths of the string checks the registry makes of a cell (each one's reference is named on
 * it: receiptKey, readSheetInstant + instantMs, tidy + clean, isStoredPhone, PLAIN_EMAIL), tested
 * against them in cells.test.ts beside this file. They check a cell in a UTF-8 file's bytes,
 * without decoding it: the common shapes of the values the registry reads (a receipt, a time in the
 * export's form, clean text, a stored phone number, a plain email address). Each answers exactly as
 * its reference on the decoded text, or says it cannot tell (then the caller decodes the cell and
 * asks the reference). A cell is a range [start, end) of the bytes; `escaped` says it was a quoted
 * cell whose doubled quotes stand for one quote each.
 */
import {
  RECEIPT_CODE,
  RECEIPT_DASH,
  RECEIPT_DASH_AT,
  RECEIPT_KEY_BASE,
  RECEIPT_LENGTH,
} from '../../domain/receipt.ts';
import { VN_OFFSET_MS } from '../../domain/time.ts';

// The bytes the checks look for, by name: ASCII characters, and bytes of UTF-8 sequences.
const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const PLUS = 0x2b;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_2 = 0x32;
const DIGIT_3 = 0x33;
const DIGIT_5 = 0x35;
const DIGIT_7 = 0x37;
const DIGIT_8 = 0x38;
const DIGIT_9 = 0x39;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const AT_SIGN = 0x40;
const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
/** An ASCII upper-case letter + this = its lower case. */
const TO_LOWER = 0x20;
const UPPER_T = 0x54;
const UNDERSCORE = 0x5f;
const DELETE = 0x7f;
/** The first byte that is not ASCII. */
const NON_ASCII = 0x80;
/** U+00A0 (no-break space), which String.prototype.trim removes, is C2 A0 in UTF-8. */
const NBSP_LEAD = 0xc2;
const NBSP_LAST = 0xa0;
/** The last lead byte of a two-byte sequence below U+0300 (U+0080–U+02FF: C2–CB). */
const LEAD_BELOW_U0300 = 0xcb;
/** U+1EA0–U+1EFF (precomposed Vietnamese letters): E1 BA A0–BF, or E1 BB 80–BF. */
const LEAD_U1E = 0xe1;
const SECOND_U1EA = 0xba;
const SECOND_U1EC = 0xbb;
const THIRD_U1EA0 = 0xa0;

/** The length of the export's time form, "2024-03-25T08:05:00+07:00". */
const CANONICAL_INSTANT_LENGTH = 25;

/**
 * domain/receipt.ts's receiptKey of the cell's text: the receipt "XXXX-XXXX" as a number, -1 for
 * any other cell.
 */
export function receiptKeyAt(b: Uint8Array, start: number, end: number): number {
  if (end - start !== RECEIPT_LENGTH || b[start + RECEIPT_DASH_AT] !== RECEIPT_DASH) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    if (i === start + RECEIPT_DASH_AT) continue;
    const v = RECEIPT_CODE[b[i]!]!;
    if (v < 0) return -1;
    key = key * RECEIPT_KEY_BASE + v;
  }
  return key;
}

/** Two ASCII digits as a number; -1 when either is not a digit. */
function twoDigits(b: Uint8Array, at: number): number {
  const hi = b[at]! - DIGIT_0;
  const lo = b[at + 1]! - DIGIT_0;
  return hi >= 0 && hi <= 9 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
}

/** Days in each month of a year that is not a leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * The time in ms of a cell in the export's own form ("2024-03-25T08:05:00+07:00", a year from
 * 1000, a real day): what the registry reads from its text (sheet-values' readSheetInstant, then
 * outcome-table's instantMs); NaN for any other cell (it may still be a time: read its text).
 */
export function canonicalInstantAt(b: Uint8Array, start: number, end: number): number {
  if (end - start !== CANONICAL_INSTANT_LENGTH) return NaN;
  // "-" at 4 and 7, "T" at 10, ":" at 13 and 16, and "+07:00" from 19.
  const s = start;
  if (
    b[s + 4] !== DASH ||
    b[s + 7] !== DASH ||
    b[s + 10] !== UPPER_T ||
    b[s + 13] !== COLON ||
    b[s + 16] !== COLON
  )
    return NaN;
  if (
    b[s + 19] !== PLUS ||
    b[s + 20] !== DIGIT_0 ||
    b[s + 21] !== DIGIT_7 ||
    b[s + 22] !== COLON ||
    b[s + 23] !== DIGIT_0 ||
    b[s + 24] !== DIGIT_0
  )
    return NaN;
  const century = twoDigits(b, start);
  const year = century * 100 + twoDigits(b, start + 2);
  const month = twoDigits(b, start + 5);
  const day = twoDigits(b, start + 8);
  const hour = twoDigits(b, start + 11);
  const minute = twoDigits(b, start + 14);
  const second = twoDigits(b, start + 17);
  if (
    century < 10 ||
    year < 1000 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return NaN;
  if (day > MONTH_DAYS[month - 1]! + (month === 2 && isLeap(year) ? 1 : 0)) return NaN;
  return (
    daysFromCivil(year, month, day) * 86_400_000 +
    (hour * 3600 + minute * 60 + second) * 1000 -
    VN_OFFSET_MS
  );
}

/**
 * Days from 1970-01-01 to a day of the proleptic Gregorian calendar (year ≥ 1; H. Hinnant's
 * days_from_civil): what Date.UTC counts, without its cost (about 90 ns a call, here).
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * 1 for an ASCII byte the four-byte step takes as it is: printable, and not an apostrophe (which
 * may be a formula guard).
 */
const PLAIN_ASCII = new Uint8Array(256);
for (let c = SPACE; c < DELETE; c++) PLAIN_ASCII[c] = c === APOSTROPHE ? 0 : 1;

/** An ASCII byte String.prototype.trim removes. */
const isAsciiSpace = (c: number) => c === SPACE || (c >= TAB && c <= CARRIAGE_RETURN);

/**
 * The cell's length in UTF-16 units when its text is already what the registry reads it as
 * (`tidy`: no formula guard to undo, nothing to trim) and what `clean` leaves as it is (every
 * character is one NFC keeps as it is: below U+0300, or a precomposed Vietnamese letter
 * U+1EA0–U+1EFF) and holds no control character (which a text field may refuse); -1 when it
 * cannot tell. The bytes must be valid UTF-8.
 */
export function cleanTextLengthAt(
  b: Uint8Array,
  start: number,
  end: number,
  escaped: boolean,
): number {
  if (start === end) return 0;
  const first = b[start]!;
  if (
    first === APOSTROPHE ||
    isAsciiSpace(first) ||
    (first === NBSP_LEAD && b[start + 1] === NBSP_LAST)
  )
    return -1;
  const last = b[end - 1]!;
  if (isAsciiSpace(last) || (last === NBSP_LAST && end - start >= 2 && b[end - 2] === NBSP_LEAD))
    return -1;
  let n = 0;
  let quotes = 0;
  for (let i = start; i < end;) {
    // Four plain ASCII bytes at a step while there are.
    if (
      i + 4 <= end &&
      (PLAIN_ASCII[b[i]!]! &
        PLAIN_ASCII[b[i + 1]!]! &
        PLAIN_ASCII[b[i + 2]!]! &
        PLAIN_ASCII[b[i + 3]!]!) !==
        0
    ) {
      if (escaped)
        quotes +=
          (b[i] === QUOTE ? 1 : 0) +
          (b[i + 1] === QUOTE ? 1 : 0) +
          (b[i + 2] === QUOTE ? 1 : 0) +
          (b[i + 3] === QUOTE ? 1 : 0);
      i += 4;
      n += 4;
      continue;
    }
    const c = b[i]!;
    if (c < NON_ASCII) {
      if (c < SPACE || c === DELETE) return -1;
      // An apostrophe after a delimiter may be a formula guard (export-format's restoreCell).
      if (c === APOSTROPHE && (b[i - 1] === COMMA || b[i - 1] === SEMICOLON)) return -1;
      if (c === QUOTE && escaped) quotes++;
      i++;
    } else if (c <= LEAD_BELOW_U0300)
      i += 2; // U+0080–U+02FF (lead bytes 0xC2–0xCB)
    else if (
      c === LEAD_U1E &&
      (b[i + 1] === SECOND_U1EC || (b[i + 1] === SECOND_U1EA && b[i + 2]! >= THIRD_U1EA0))
    )
      i += 3; // U+1EA0–U+1EFF
    else return -1;
    n++;
  }
  // In a quoted cell, quotes come doubled: "" stands for one.
  return n - quotes / 2;
}

/** phone's STORED_PHONE (0[35789] then 8 digits, or 02 then 9 digits) on the cell's bytes. */
export function isStoredPhoneAt(b: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  if ((n !== 10 && n !== 11) || b[start] !== DIGIT_0) return false;
  const second = b[start + 1]!;
  if (
    n === 10
      ? second !== DIGIT_3 &&
        second !== DIGIT_5 &&
        second !== DIGIT_7 &&
        second !== DIGIT_8 &&
        second !== DIGIT_9
      : second !== DIGIT_2
  )
    return false;
  for (let i = start + 2; i < end; i++) if (b[i]! < DIGIT_0 || b[i]! > DIGIT_9) return false;
  return true;
}

// Byte classes of field-checks' PLAIN_EMAIL.
const LETTER = 1;
const DIGIT = 2;
const EMAIL_CLASS = new Uint8Array(256);
for (let c = DIGIT_0; c <= DIGIT_9; c++) EMAIL_CLASS[c] = DIGIT;
for (let c = UPPER_A; c <= UPPER_Z; c++) EMAIL_CLASS[c] = EMAIL_CLASS[c + TO_LOWER] = LETTER;

/**
 * field-checks' PLAIN_EMAIL on the cell's bytes: dot- or underscore-separated runs of letters and
 * digits, "@", then two or more labels separated by dots, each runs of letters and digits
 * separated by hyphens, the last of two or more letters only.
 */
export function isPlainEmailAt(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  // The local part: a run, then (separator, run)*.
  for (;;) {
    const from = i;
    while (i < end && EMAIL_CLASS[b[i]!]! !== 0) i++;
    if (i === from || i === end) return false;
    const c = b[i];
    if (c === AT_SIGN) break;
    if (c !== DOT && c !== UNDERSCORE) return false;
    i++;
  }
  i++; // the @
  let labels = 0;
  let lastLettersOnly = false;
  let lastLength = 0;
  for (;;) {
    // A label: a run, then (hyphen, run)*.
    const labelStart = i;
    let lettersOnly = true;
    for (;;) {
      const from = i;
      while (i < end) {
        const k = EMAIL_CLASS[b[i]!]!;
        if (k === 0) break;
        if (k === DIGIT) lettersOnly = false;
        i++;
      }
      if (i === from) return false;
      if (i < end && b[i] === DASH) {
        lettersOnly = false;
        i++;
      } else break;
    }
    labels++;
    lastLettersOnly = lettersOnly;
    lastLength = i - labelStart;
    if (i === end) break;
    if (b[i] !== DOT) return false;
    i++;
  }
  return labels >= 2 && lastLettersOnly && lastLength >= 2;
}
