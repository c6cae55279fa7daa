/**
 * Writes the export CSV exactly as interfaces.md says: UTF-8 with BOM, CRLF,
 * comma, a header row of Vietnamese labels, cells neutralised against formula
 * injection in a comma and a semicolon reading alike. Pure: records in, bytes out (the registry round-trips it).
 */
import { EXPORT_COLUMNS, recordToCells, type RegistrationRecord } from './export-format.ts';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';
export const DELIMITER = ',';

/**
 * Quotes a cell when a reader could misread it: a delimiter of any reading (`,` `;` tab), a quote,
 * a line break, or edge spaces.
 */
export function quoteCell(cell: string): string {
  if (/[",;\t\r\n]/.test(cell) || cell !== cell.trim()) return `"${cell.replaceAll('"', '""')}"`;
  return cell;
}

function line(cells: readonly string[]): string {
  return cells.map(quoteCell).join(DELIMITER) + CRLF;
}

/** The header row, without the BOM. */
export function exportHeaderLine(): string {
  return line(EXPORT_COLUMNS.map((c) => c.header));
}

/** The whole export as text, BOM first, every row (the header too) ended by CRLF. */
export function exportCsvText(records: Iterable<RegistrationRecord>): string {
  let out = BOM + exportHeaderLine();
  for (const record of records) out += line(recordToCells(record));
  return out;
}

/** The whole export as UTF-8 bytes. */
export function exportCsv(records: Iterable<RegistrationRecord>): Uint8Array {
  return new TextEncoder().encode(exportCsvText(records));
}
