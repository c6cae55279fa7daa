/** Vietnamese phone numbers: what people and spreadsheets write → the stored form. */

/**
 * The stored forms: a mobile number, 10 digits starting 03/05/07/08/09; or a landline (since
 * 2017), 0 + area code 2xx + 8 digits, 11 digits in all.
 */
export const STORED_PHONE = /^(?:0[35789]\d{8}|02\d{9})$/;

/**
 * Normalises a phone number to national digits ("0835047419"), or returns null
 * when it is not a Vietnamese mobile or landline number. Accepts "+84", "84",
 * "(+84)", spaces, dots, dashes, and a leading zero lost by a spreadsheet.
 */
export function normalisePhone(input: string): string | null {
  let digits = input
    .normalize('NFKC')
    .trim()
    .replace(/[\s.\-()/]/g, '');
  if (digits.startsWith('+84')) digits = '0' + digits.slice(3);
  else if (digits.startsWith('0084')) digits = '0' + digits.slice(4);
  else if (/^84\d{9,10}$/.test(digits)) digits = '0' + digits.slice(2);
  if (!/^\d+$/.test(digits)) return null;
  if (
    !digits.startsWith('0') &&
    (digits.length === 9 || (digits.length === 10 && digits.startsWith('2')))
  )
    digits = '0' + digits;
  return STORED_PHONE.test(digits) ? digits : null;
}

/** A number already in the stored form (normalisePhone returns it unchanged), known without normalising it. */
export const isStoredPhone = (value: string): boolean => STORED_PHONE.test(value);
