/**
 * Google Forms-style exports: question texts as headers, a "Dấu thời gian"
 * timestamp, no receipt. A small mapping file beside the CSV
 * (`ten-file.mapping.json`) says which question is which field:
 *
 *   { "columns": { "Dấu thời gian": "submittedAt", "Tên sản phẩm của bạn": "productName", … },
 *     "defaults": { "status": "cho-ra-soat" } }
 *
 * Rows get a receipt derived from their submitted content, so importing the
 * same responses twice (or again after staff add a status column) does not duplicate.
 */
import { z } from 'zod';
import { EXPORT_COLUMNS, restoreCell, type ExportKey } from '../export/format.ts';
import { normalisePhone } from '../domain/phone.ts';
import { receiptFromText } from '../domain/receipt-node.ts';
import type { RawRow } from './row.ts';
import { readSheetInstant } from '../domain/sheet-values.ts';
import { clean } from '../domain/text.ts';

const exportKey = z.enum(EXPORT_COLUMNS.map((c) => c.key) as [ExportKey, ...ExportKey[]], {
  error: (i) => `"${String(i.input)}" is not a field key (e.g. productName, phone, submittedAt)`,
});

export const formMappingSchema = z.strictObject({
  /** Question text (as in the CSV header, matched loosely) → field key. */
  columns: z.record(z.string().min(1), exportKey),
  /** Values for fields the form does not ask, e.g. the status staff gave the whole file. */
  defaults: z.partialRecord(exportKey, z.string()).default({}),
});
export type FormMapping = z.infer<typeof formMappingSchema>;

/** Parses a mapping file's text; an English reason for the operator when it is wrong. */
export function parseFormMapping(
  text: string,
): { ok: true; mapping: FormMapping } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `not valid JSON (${(err as Error).message})` };
  }
  const r = formMappingSchema.safeParse(json);
  if (!r.success)
    return {
      ok: false,
      reason: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    };
  return { ok: true, mapping: r.data };
}

/** Fields that describe the review, not the submission: left out of the derived receipt. */
const REVIEW_KEYS = new Set<ExportKey>(['receipt', 'status', 'reviewedAt', 'reviewNote', 'round']);

/** How a value enters the receipt: normalised where a spreadsheet may have re-shown it. */
function canonical(key: ExportKey, value: string): string {
  const v = clean(restoreCell(value)).replace(/\s+/g, ' ');
  // To the minute: a spreadsheet's default date format drops the seconds when it re-saves.
  if (key === 'submittedAt') return readSheetInstant(v)?.slice(0, 16) ?? v;
  if (key === 'phone') return normalisePhone(v) ?? v;
  return v;
}

/** The receipt of a form response: the same submitted content always gives the same receipt. */
export function deriveReceipt(raw: RawRow): string {
  const parts = Object.entries(raw)
    .filter(([key, value]) => value !== undefined && !REVIEW_KEYS.has(key as ExportKey))
    .map(([key, value]) => `${key}=${canonical(key as ExportKey, value ?? '')}`)
    .sort();
  return receiptFromText(`google-forms\n${parts.join('\n')}`);
}

/** Applies the mapping's defaults and the derived receipt to a row read through the mapping. */
export function completeFormRow(raw: RawRow, mapping: FormMapping): RawRow {
  const row: RawRow = { ...raw };
  for (const [key, value] of Object.entries(mapping.defaults) as [ExportKey, string][]) {
    if (!row[key]?.trim()) row[key] = value;
  }
  if (!row.receipt?.trim()) row.receipt = deriveReceipt(raw);
  return row;
}
