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
 *
 * Only the work a row needs: a row with a readable receipt and a status other
 * than `da-chon` can only be counted (not published, never rejected), so only
 * its receipt, status and review time are read; its other cells are not checked.
 */
import { restoreCell, type ExportKey } from './export-format.ts';
import { REGISTRATION_FIELDS as F } from './registration-fields.ts';
import { makeFieldChecks, type FieldChecks, type FieldKey } from './field-checks.ts';
import { makeRegistrationSchema, type RegistrationSchema, type RegistrationValueSets } from './registration.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from './receipt.ts';
import { assignRound } from './round.ts';
import { isScientific, memo, readSheetInstant, readYesNo, slugLookup, stripThousands } from './sheet-values.ts';
import { PRODUCT_STAGES, PUBLISHED_STATUS, STATUSES, type Status } from './status.ts';

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
const isPublicKey = (key: string) => (PUBLIC_KEYS as readonly string[]).includes(key);
/** A receipt already written as the export writes it: normaliseReceipt would return it unchanged. */
const CANONICAL_RECEIPT = new RegExp(`^[${RECEIPT_ALPHABET}]{4}-[${RECEIPT_ALPHABET}]{4}$`);

/** The problems of a row that has none (most rows): one shared, frozen list. */
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** A cell as the registry reads it: the export's formula guard undone, trimmed (the decoded file is NFC already). */
function tidy(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return (value.charCodeAt(0) === 39 ? restoreCell(value) : value).trim();
}

/** Builds the row reader for one set of value sets (the schema is built once); `makeChecks` is swapped only by tests. */
export function makeRowReader(ctx: RowContext, makeChecks: (schema: RegistrationSchema) => FieldChecks = makeFieldChecks) {
  const schema = makeRegistrationSchema(ctx.sets);
  const findStatus = slugLookup(Object.entries(STATUSES).map(([slug, label]) => ({ slug, label, also: STATUS_SHORT[slug as Status] })));
  const findRound = slugLookup(ctx.rounds);
  const findGroup = slugLookup(ctx.sets.productGroups);
  const findType = slugLookup(ctx.sets.producerTypes);
  const findStage = slugLookup(Object.entries(PRODUCT_STAGES).map(([slug, label]) => ({ slug, label })));
  const yesNo = memo(readYesNo);
  const checks = makeChecks(schema);
  const fields = Object.keys(schema.shape) as FieldKey[];
  const at = Object.fromEntries(fields.map((key, i) => [key, i])) as Record<FieldKey, number>;
  // A support-needs cell repeats (a few suggested needs): split and checked once per distinct cell.
  const checkNeeds = memo((text: string) => checks.supportNeeds(text.split(/\s*[;\n]\s*/).filter(Boolean)));

  return function readRow(raw: RawRow): ReadRow {
    const problems: string[] = [];
    const blocking: string[] = [];

    const receiptText = tidy(raw.receipt);
    const receipt = CANONICAL_RECEIPT.test(receiptText) ? receiptText : normaliseReceipt(receiptText);
    if (!receipt) blocking.push(receiptText ? `Mã hồ sơ "${receiptText}" không đúng dạng (ví dụ K7QM-3XPA)` : 'Thiếu mã hồ sơ');

    const statusText = tidy(raw.status);
    const status = (findStatus(statusText) as Status | undefined) ?? null;
    if (!status) blocking.push(statusText ? `Trạng thái "${statusText}" không rõ` : 'Thiếu trạng thái rà soát');

    const reviewProblem: string[] = [];
    const reviewedAt = readInstant(tidy(raw.reviewedAt), 'Thời điểm rà soát', reviewProblem);
    if (receipt && status && status !== PUBLISHED_STATUS) return { receipt, status, reviewedAt, publicFields: null, problems: reviewProblem.length ? reviewProblem : NONE, blocking: NONE };
    const submittedAt = readInstant(tidy(raw.submittedAt), 'Thời điểm gửi', problems);
    problems.push(...reviewProblem);

    // The round: from its column (slug or label; empty = after the last round), else from the submission time.
    let round: string | null = null;
    let roundProblem: string | null = null;
    if (raw.round !== undefined) {
      const text = tidy(raw.round);
      round = text ? (findRound(text) ?? null) : null;
      if (text && !round) roundProblem = `Đợt "${text}" không có trong danh mục`;
    } else if (submittedAt) round = assignRound(ctx.rounds, new Date(submittedAt))?.slug ?? null;
    else roundProblem = 'Không xác định được đợt: không có cột Đợt và không đọc được thời điểm gửi';

    // The cells of the schema's fields (for messages) and what the schema is given for each.
    const cells: Record<FieldKey, string> = {
      producerName: tidy(raw.producerName), producerType: tidy(raw.producerType), representative: tidy(raw.representative),
      phone: tidy(raw.phone), email: tidy(raw.email), commune: tidy(raw.commune), address: tidy(raw.address),
      businessId: tidy(raw.businessId), productName: tidy(raw.productName), productGroup: tidy(raw.productGroup),
      productStage: tidy(raw.productStage), description: tidy(raw.description), supportNeeds: tidy(raw.supportNeeds),
      consentProcessing: tidy(raw.consentProcessing), consentPublishName: tidy(raw.consentPublishName),
    };
    const phone = stripThousands(cells.phone);
    const consentPublishName = yesNo(cells.consentPublishName);
    if (consentPublishName === null) problems.push(`Đồng ý công khai tên: "${cells.consentPublishName}" không rõ có hay không, nên tên chủ thể không được công khai`);
    const input: Record<FieldKey, unknown> = {
      ...cells,
      producerType: findType(cells.producerType) ?? cells.producerType,
      productGroup: findGroup(cells.productGroup) ?? cells.productGroup,
      productStage: findStage(cells.productStage) ?? cells.productStage,
      phone,
      consentProcessing: yesNo(cells.consentProcessing) === true,
      consentPublishName: consentPublishName === true,
    };

    const values: unknown[] = [];
    let fieldErrors: Map<FieldKey, string> | null = null;
    for (let i = 0; i < fields.length; i++) {
      const key = fields[i]!;
      const r = key === 'supportNeeds' ? checkNeeds(cells.supportNeeds) : checks[key](input[key]);
      if (r.ok) values[i] = r.value;
      else (fieldErrors ??= new Map()).set(key, r.message);
    }
    if (isScientific(phone)) (fieldErrors ??= new Map()).set('phone', 'Số điện thoại đã bị bảng tính đổi sang dạng số mũ (ví dụ 9,12E+08), không khôi phục được');
    let publicError = false;
    for (const [field, message] of fieldErrors ?? []) {
      const text = valueSetMessage(field, cells[field]) ?? message;
      problems.push(text);
      if (isPublicKey(field)) {
        publicError = true;
        if (status === 'da-chon') blocking.push(text);
      }
    }
    if (roundProblem) {
      problems.push(roundProblem);
      if (status === 'da-chon') blocking.push(roundProblem);
    }

    let publicFields: PublicFields | null = null;
    if (!publicError && !roundProblem) {
      const value = (key: FieldKey) => values[at[key]] as string;
      const named = consentPublishName === true && !fieldErrors?.has('producerName');
      publicFields = {
        productName: value('productName'),
        productGroup: value('productGroup'),
        producerType: value('producerType'),
        producerName: named ? value('producerName') : null,
        commune: value('commune'),
        round,
      };
    }
    if (blocking.length + problems.length === 0) return { receipt, status, reviewedAt, publicFields, problems: NONE, blocking: NONE };
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
