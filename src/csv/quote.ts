/**
 * Quoting a CSV cell, the one home of it. Two rules, because two kinds of file must stay byte for
 * byte what they have been: the export, which people open in spreadsheets set to any delimiter,
 * quotes for every reading (comma, semicolon, tab); the public list's CSV quotes exactly as
 * papaparse's unparse did when it was first published.
 */

/**
 * Quotes a cell when a reader could misread it: a delimiter of any reading (`,` `;` tab), a quote,
 * a line break, or edge spaces.
 */
export function quoteForAnyReading(cell: string): string {
  if (/[",;\t\r\n]/.test(cell) || cell !== cell.trim()) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

const PAPAPARSE_QUOTES = /[,"\r\n\uFEFF]/;

/**
 * A cell quoted exactly when papaparse's unparse (quotes: false, `,`) quotes it, so the file stays
 * byte for byte what it was: a delimiter, quote, line break or BOM inside, or a space at either end.
 */
export function quoteLikePapaparse(value: string): string {
  const quote =
    PAPAPARSE_QUOTES.test(value) ||
    value.charCodeAt(0) === 32 ||
    value.charCodeAt(value.length - 1) === 32;
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}
