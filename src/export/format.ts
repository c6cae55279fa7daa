/**
 * The export CSV's columns: the contract between the form service (which
 * writes it) and the registry (which reads it, even after a spreadsheet
 * re-saved it). UTF-8 with BOM, CRLF, comma, a header row of these labels.
 */
import type { RegistrationRecord } from '../domain/registration.ts';
import { REGISTRATION_FIELDS as F } from '../domain/registration-fields.ts';

export type ExportKey = keyof RegistrationRecord;

/** Column order and Vietnamese headers of the export. */
export const EXPORT_COLUMNS: readonly { key: ExportKey; header: string }[] = [
  { key: 'receipt', header: 'Mã hồ sơ' },
  { key: 'submittedAt', header: 'Thời điểm gửi' },
  { key: 'reviewedAt', header: 'Thời điểm rà soát' },
  { key: 'round', header: 'Đợt' },
  { key: 'status', header: 'Trạng thái' },
  { key: 'producerName', header: F.producerName.label },
  { key: 'producerType', header: F.producerType.label },
  { key: 'representative', header: F.representative.label },
  { key: 'phone', header: F.phone.label },
  { key: 'email', header: F.email.label },
  { key: 'commune', header: F.commune.label },
  { key: 'address', header: F.address.label },
  { key: 'businessId', header: 'Số ĐKKD hoặc mã số thuế' },
  { key: 'productName', header: F.productName.label },
  { key: 'productGroup', header: F.productGroup.label },
  { key: 'productStage', header: F.productStage.label },
  { key: 'description', header: 'Mô tả sản phẩm' },
  { key: 'supportNeeds', header: F.supportNeeds.label },
  { key: 'consentProcessing', header: 'Đồng ý xử lý thông tin' },
  { key: 'consentPublishName', header: 'Đồng ý công khai tên' },
  { key: 'reviewNote', header: 'Ghi chú rà soát' },
  // Added in December 2026, at the end so older readers and sheets keep their columns; optional on reading.
  { key: 'consentAt', header: 'Thời điểm đồng ý' },
  { key: 'consentVersion', header: 'Phiên bản nội dung đồng ý' },
  // Added with campaigns; an export without it goes by round.
  { key: 'campaign', header: 'Kỳ đăng ký' },
  // Added with "Cần bổ sung", last: the reason shown to the producer.
  { key: 'publicNote', header: 'Lý do cần bổ sung (báo người đăng ký)' },
];

/** Columns an export may lack without it being reported (exports made before they existed). */
export const OPTIONAL_COLUMNS: ReadonlySet<ExportKey> = new Set<ExportKey>([
  'consentAt',
  'consentVersion',
  'campaign',
  'publicNote',
]);

/** Separator between supportNeeds items inside one cell. */
export const LIST_SEPARATOR = '; ';
export const YES = 'có';
export const NO = 'không';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a cell a spreadsheet would run as a formula with an apostrophe, reading only its start
 * (the public list's open data, which is never read back).
 */
export function neutraliseStart(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * Where a spreadsheet may start a cell inside ours: the start, and after each character that is a
 * delimiter in some reading (`,` `;` tab) or a line break. A spreadsheet with a `;` list separator
 * (Vietnamese regional settings) reads "Trà;=1+1" as two cells, the second a formula.
 */
const GUARD_AT = /(?<=^|[,;\t\r\n])(?=['" ]*[=+\-@\t\r])/g;
/** The apostrophe GUARD_AT put there: at such a place, before apostrophes, quotes, spaces and a formula start. */
const GUARD = /(?<=^|[,;\t\r\n])'(?=['" ]*[=+\-@\t\r])/g;
/** Holds a guard to take off: an apostrophe at the start or after a delimiter or line break. */
const MAY_HOLD_GUARD = /(?:^|[,;\t\r\n])'/;

/**
 * Neutralises a cell for every reading of the export: at its start and after every `,` `;` tab and
 * line break, text that would open a formula (`=` `+` `-` `@` tab CR, after any apostrophes,
 * quotes and spaces) gets an apostrophe before it. Apostrophes are added only there, so restoreCell takes
 * exactly them off again: any text reads back as it was.
 */
export function neutraliseCell(value: string): string {
  return value.replace(GUARD_AT, "'");
}

/** Undoes neutraliseCell on reading. */
export function restoreCell(value: string): string {
  return MAY_HOLD_GUARD.test(value) ? value.replace(GUARD, '') : value;
}

/** One record as export cells in column order (neutralised). */
export function recordToCells(record: RegistrationRecord): string[] {
  return EXPORT_COLUMNS.map(({ key }) => {
    const v = record[key];
    if (Array.isArray(v)) return neutraliseCell(v.join(LIST_SEPARATOR));
    if (typeof v === 'boolean') return v ? YES : NO;
    return neutraliseCell(v == null ? '' : String(v));
  });
}
