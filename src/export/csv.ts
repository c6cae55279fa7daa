/**
 * Writes the export CSV exactly as docs/contracts.md ("The export CSV") says: UTF-8 with BOM,
 * CRLF, comma, a header row of Vietnamese labels, cells neutralised against formula injection in a
 * comma and a semicolon reading alike. Pure: records in, bytes out (the registry round-trips it).
 */
import { quoteForAnyReading } from '../csv/quote.ts';
import type { RegistrationRecord } from '../domain/registration.ts';
import { EXPORT_COLUMNS, recordToCells } from './format.ts';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';
export const DELIMITER = ',';

function line(cells: readonly string[]): string {
  return cells.map(quoteForAnyReading).join(DELIMITER) + CRLF;
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
