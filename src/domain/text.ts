/** Vietnamese text helpers shared by every layer: normalisation, folding, collation. */

/** C0 control characters and DEL: refused in every single-line text field. */
export const LINE_CONTROLS = /[\u0000-\u001f\u007f]/;
/** The same without tab and the line breaks, which a multi-line field (the description) keeps. */
export const BLOCK_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** NFC-normalise and trim; every stored or compared string goes through this. */
export function clean(value: string): string {
  return (ALWAYS_NFC.test(value) ? value : value.normalize('NFC')).trim();
}

/**
 * Text NFC leaves as it is, known without normalising: characters below U+0300 and the
 * precomposed Vietnamese letters U+1EA0–U+1EFF (Unicode's NFC quick check says Yes to each, and
 * a string of such characters is in NFC).
 */
const ALWAYS_NFC = /^[\u0000-\u02ff\u1ea0-\u1eff]*$/;

/**
 * Lower-case, strip diacritics (đ → d) and collapse whitespace, so that
 * "Cà phê", "ca phe" and "CÀ PHÊ" compare equal, whatever the tone-mark placement.
 */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A folded key with every non-alphanumeric removed ("Ia H'Drai" → "iahdrai"). */
export function foldKey(value: string): string {
  return fold(value).replace(/[^a-z0-9]/g, '');
}

/** Vietnamese collation for sorting names and product lists. */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Sorts a copy of items by a text key in Vietnamese order. */
export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => viCollator.compare(key(a), key(b)));
}
