/**
 * One CSV row of an export (possibly re-saved by a spreadsheet) → what the
 * registry needs: receipt, status, review time, the public fields, and every
 * problem in Vietnamese. Validation is the shared registration schema's.
 *
 * A problem rejects a row only when it stops the row being identified or
 * classified (receipt, status) or, for a chosen (`da-chon`) row, when it is in
 * a field that is published (product name, product group, producer type,
 * commune, round). A private field a spreadsheet mangled (phone, email,
 * address, dates…) is noted in the report and never keeps a product off the list.
 */
import { EXPORT_COLUMNS, restoreCell, type ExportKey } from './export-format.ts';
import { REGISTRATION_FIELDS as F } from './registration-fields.ts';
import { makeRegistrationSchema, type RegistrationValueSets } from './registration.ts';
import { normaliseReceipt } from './receipt.ts';
import { assignRound } from './round.ts';
import { isScientific, memo, readSheetInstant, readYesNo, slugLookup, stripThousands } from './sheet-values.ts';
import { PRODUCT_STAGES, STATUSES, type Status } from './status.ts';

// Headers staff are likely to type when they rebuild or merge a sheet by hand.
const EXTRA_HEADERS: Partial<Record<ExportKey, string[]>> = {
  receipt: ['Mã', 'Mã đăng ký', 'Mã số hồ sơ'],
  status: ['Trạng thái rà soát', 'Kết quả rà soát'],
  producerName: ['Tên chủ thể', 'Chủ thể'],
  representative: ['Người đại diện'],
  phone: ['Điện thoại', 'SĐT'],
  email: ['Email', 'Thư điện tử'],
  address: ['Địa chỉ'],
  reviewNote: ['Ghi chú'],
};

/** Every header a column of the export may carry: the export's own, the form's label, the field key. */
export const REGISTRY_COLUMN_NAMES: ReadonlyMap<ExportKey, readonly string[]> = new Map(
  EXPORT_COLUMNS.map(({ key, header }) => [key, [header, key, ...(key in F ? [F[key as keyof typeof F].label] : []), ...(EXTRA_HEADERS[key] ?? [])]]),
);
export type RawRow = Partial<Record<ExportKey, string>>;

export interface PublicFields {
  productName: string;
  productGroup: string;
  producerType: string;
  /** Null without the producer's consent. */
  producerName: string | null;
  commune: string;
  round: string | null;
}

export interface ReadRow {
  receipt: string | null;
  status: Status | null;
  /** ISO with +07:00; null when empty or unreadable (then it loses every tie). */
  reviewedAt: string | null;
  /** The published fields, when all of them are valid. */
  publicFields: PublicFields | null;
  /** Every problem found, in Vietnamese. */
  problems: string[];
  /** Problems that reject the row: unidentifiable, unclassifiable, or a published field of a chosen row. */
  blocking: string[];
}

export interface RowContext {
  sets: RegistrationValueSets;
  rounds: readonly { slug: string; label: string; deadline: string }[];
}

const PUBLIC_KEYS = ['productName', 'productGroup', 'producerType', 'commune'] as const;
/** Fields whose few distinct values repeat down a column. */
const REPEATED = new Set<string>(['producerType', 'productGroup', 'productStage', 'commune']);

/** Builds the row reader for one set of value sets (the schema is built once). */
export function makeRowReader(ctx: RowContext) {
  const schema = makeRegistrationSchema(ctx.sets);
  const findStatus = slugLookup(Object.entries(STATUSES).map(([slug, label]) => ({ slug, label, also: STATUS_SHORT[slug as Status] })));
  const findRound = slugLookup(ctx.rounds);
  const findGroup = slugLookup(ctx.sets.productGroups);
  const findType = slugLookup(ctx.sets.producerTypes);
  const findStage = slugLookup(Object.entries(PRODUCT_STAGES).map(([slug, label]) => ({ slug, label })));
  const yesNo = memo(readYesNo);
  // Field by field through the shared schema's own field schemas (it has no cross-field rules), so a
  // value a column repeats (group, type, commune…) is checked once: 100,000 rows must read in about a second.
  type Key = keyof typeof schema.shape;
  type Check = (value: unknown) => { ok: true; value: unknown } | { ok: false; message: string };
  const fields = Object.keys(schema.shape) as Key[];
  const checks = Object.fromEntries(
    fields.map((key) => {
      const check: Check = (value) => {
        const r = schema.shape[key].safeParse(value);
        return r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? 'Không hợp lệ' };
      };
      return [key, REPEATED.has(key) ? (memo(check as (v: string) => ReturnType<Check>) as Check) : check];
    }),
  ) as Record<Key, Check>;

  return function readRow(raw: RawRow): ReadRow {
    // The decoded file is NFC already (csv-decode); trimming is what is left to do here.
    const cell = (key: ExportKey) => restoreCell(raw[key] ?? '').trim();
    const problems: string[] = [];
    const blocking: string[] = [];

    const receiptText = cell('receipt');
    const receipt = normaliseReceipt(receiptText);
    if (!receipt) blocking.push(receiptText ? `Mã hồ sơ "${receiptText}" không đúng dạng (ví dụ K7QM-3XPA)` : 'Thiếu mã hồ sơ');

    const statusText = cell('status');
    const status = (findStatus(statusText) as Status | undefined) ?? null;
    if (!status) blocking.push(statusText ? `Trạng thái "${statusText}" không rõ` : 'Thiếu trạng thái rà soát');

    const submittedAt = readInstant(cell('submittedAt'), 'Thời điểm gửi', problems);
    const reviewedAt = readInstant(cell('reviewedAt'), 'Thời điểm rà soát', problems);

    // The round: from its column (slug or label; empty = after the last round), else from the submission time.
    let round: string | null = null;
    let roundProblem: string | null = null;
    if (raw.round !== undefined) {
      const text = cell('round');
      round = text ? (findRound(text) ?? null) : null;
      if (text && !round) roundProblem = `Đợt "${text}" không có trong danh mục`;
    } else if (submittedAt) round = assignRound(ctx.rounds, new Date(submittedAt))?.slug ?? null;
    else roundProblem = 'Không xác định được đợt: không có cột Đợt và không đọc được thời điểm gửi';

    const input: Record<string, unknown> = {};
    for (const key of ['producerName', 'representative', 'email', 'commune', 'address', 'businessId', 'productName', 'description'] as const) input[key] = cell(key);
    input.producerType = findType(cell('producerType')) ?? cell('producerType');
    input.productGroup = findGroup(cell('productGroup')) ?? cell('productGroup');
    input.productStage = findStage(cell('productStage')) ?? cell('productStage');
    const phone = stripThousands(cell('phone'));
    input.phone = phone;
    input.supportNeeds = cell('supportNeeds').split(/\s*[;\n]\s*/).filter(Boolean);
    const consentProcessing = yesNo(cell('consentProcessing'));
    const consentPublishName = yesNo(cell('consentPublishName'));
    input.consentProcessing = consentProcessing === true;
    input.consentPublishName = consentPublishName === true;
    if (consentPublishName === null) problems.push(`Đồng ý công khai tên: "${cell('consentPublishName')}" không rõ có hay không, nên tên chủ thể không được công khai`);

    const values: Record<string, unknown> = {};
    const fieldErrors = new Map<string, string>();
    for (const key of fields) {
      const r = checks[key](input[key]);
      if (r.ok) values[key] = r.value;
      else fieldErrors.set(key, r.message);
    }
    if (isScientific(phone)) fieldErrors.set('phone', 'Số điện thoại đã bị bảng tính đổi sang dạng số mũ (ví dụ 9,12E+08), không khôi phục được');
    for (const [field, message] of fieldErrors) {
      const text = valueSetMessage(field, cell(field as ExportKey)) ?? message;
      problems.push(text);
      if ((PUBLIC_KEYS as readonly string[]).includes(field) && status === 'da-chon') blocking.push(text);
    }
    if (roundProblem) {
      problems.push(roundProblem);
      if (status === 'da-chon') blocking.push(roundProblem);
    }

    let publicFields: PublicFields | null = null;
    if (!PUBLIC_KEYS.some((k) => fieldErrors.has(k)) && !roundProblem) {
      const value = (key: Key) => String(values[key]);
      const named = consentPublishName === true && !fieldErrors.has('producerName');
      publicFields = {
        productName: value('productName'),
        productGroup: value('productGroup'),
        producerType: value('producerType'),
        producerName: named ? value('producerName') : null,
        commune: value('commune'),
        round,
      };
    }
    return { receipt, status, reviewedAt, publicFields, problems: [...new Set([...blocking, ...problems])], blocking };
  };
}

const STATUS_SHORT: Record<Status, string[]> = {
  'cho-ra-soat': ['Chờ duyệt', 'Mới'],
  'da-chon': ['Đã chọn', 'Được chọn', 'Chọn'],
  'chua-chon': ['Không chọn', 'Chưa được chọn'],
  rac: ['Rác', 'Thư rác', 'Không hợp lệ', 'Spam'],
};

function readInstant(text: string, label: string, problems: string[]): string | null {
  if (!text) return null;
  const iso = readSheetInstant(text);
  if (!iso) problems.push(`${label} "${text}" không đọc được (cần dạng 25/03/2024 08:05 hoặc 2024-03-25T08:05:00+07:00)`);
  return iso;
}

const VALUE_SET_LABELS: Record<string, string> = { productGroup: F.productGroup.label, producerType: F.producerType.label, productStage: F.productStage.label };

/** A clearer message than the form's "please choose" for a value-set cell that holds something unknown. */
function valueSetMessage(field: string, text: string): string | null {
  const label = VALUE_SET_LABELS[field];
  return label && text ? `${label} "${text}" không có trong danh mục` : null;
}
