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
import { BLOCK_CONTROLS } from '../domain/text.ts';
import { restoreCell, type ExportKey } from '../export/format.ts';
import { REGISTRATION_FIELDS as F } from '../domain/registration-fields.ts';
import {
  makeFieldChecks,
  type Check,
  type FieldChecks,
  type FieldKey,
} from '../domain/field-checks.ts';
import {
  makeRegistrationSchema,
  type RegistrationSchema,
  type RegistrationValueSets,
} from '../domain/registration.ts';
import { normaliseReceipt, RECEIPT_ALPHABET } from '../domain/receipt.ts';
import { assignRound } from '../domain/round.ts';
import {
  CONSENT,
  FIELDS,
  PHONE,
  PRODUCER_NAME,
  PRODUCER_TYPE,
  PRODUCT_GROUP,
  PRODUCT_NAME,
  PRODUCT_STAGE,
  PUBLIC_FIELDS,
  PUBLISH_NAME,
  COMMUNE,
} from './row-fields.ts';
import { makeCampaignOf, type CampaignAnswer, type RowCampaign } from './campaign.ts';
import {
  isScientific,
  memo,
  readSheetInstant,
  readYesNo,
  slugLookup,
  stripThousands,
} from '../domain/sheet-values.ts';
import { PRODUCT_STAGES, PUBLISHED_STATUS, STATUSES, type Status } from '../domain/status.ts';

export type RawRow = Partial<Record<ExportKey, string>>;

export interface PublicFields {
  productName: string;
  productGroup: string;
  producerType: string;
  /** Null without the producer's consent. */
  producerName: string | null;
  commune: string;
  round: string | null;
  /** The campaign the product is listed under (campaignOf); '' when the content names none. */
  campaign: string;
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
  /**
   * Problems that reject the row: unidentifiable, unclassifiable, or a published field of a
   * chosen row.
   */
  blocking: string[];
}

export interface RowContext {
  sets: RegistrationValueSets;
  rounds: readonly { slug: string; label: string; deadline: string }[];
  /** The content's campaigns (plain data: the context goes to worker threads); none: campaign ''. */
  campaigns?: readonly RowCampaign[];
  /** The current campaign's slug. */
  currentCampaign?: string;
}

/** A receipt already as the export writes it: normaliseReceipt would return it unchanged. */
export const CANONICAL_RECEIPT = new RegExp(`^[${RECEIPT_ALPHABET}]{4}-[${RECEIPT_ALPHABET}]{4}$`);

/** The problems of a row that has none (most rows): one shared, frozen list. */
export const NO_PROBLEMS: string[] = Object.freeze([]) as unknown as string[];

/**
 * A cell as the registry reads it: the export's formula guard undone, trimmed (the decoded file is
 * NFC already).
 */
export function tidy(value: string | undefined): string {
  if (value === undefined || value === '') return '';
  return (value.indexOf("'") === -1 ? value : restoreCell(value)).trim();
}

const ROUND_UNKNOWN = 'Không xác định được đợt: không có cột Đợt và không đọc được thời điểm gửi';
const PHONE_SCIENTIFIC =
  'Số điện thoại đã bị bảng tính đổi sang dạng số mũ (ví dụ 9,12E+08), không khôi phục được';

/** Short and older names of the statuses a spreadsheet may hold. */
const STATUS_SHORT: Record<Status, string[]> = {
  'cho-ra-soat': ['Chờ duyệt', 'Mới'],
  'da-chon': ['Đã chọn', 'Được chọn', 'Chọn'],
  'chua-chon': ['Không chọn', 'Chưa được chọn'],
  'can-bo-sung': ['Bổ sung', 'Yêu cầu bổ sung', 'Cần bổ sung hồ sơ'],
  rac: ['Rác', 'Thư rác', 'Không hợp lệ', 'Spam'],
};

function readInstant(text: string, label: string, problems: string[]): string | null {
  if (!text) return null;
  const iso = readSheetInstant(text);
  if (!iso)
    problems.push(
      `${label} "${text}" không đọc được ` +
        '(cần dạng 25/03/2024 08:05 hoặc 2024-03-25T08:05:00+07:00)',
    );
  return iso;
}

const VALUE_SET_LABELS: Record<string, string> = {
  productGroup: F.productGroup.label,
  producerType: F.producerType.label,
  productStage: F.productStage.label,
};

/**
 * A clearer message than the form's "please choose" for a value-set cell that holds something
 * unknown.
 */
function valueSetMessage(field: string, text: string): string | null {
  const label = VALUE_SET_LABELS[field];
  return label && text ? `${label} "${text}" không có trong danh mục` : null;
}

/**
 * What reading a row takes, built once for a set of value sets: the schema, its checks and the
 * lookups.
 */
export interface RowRules {
  ctx: RowContext;
  schema: RegistrationSchema;
  /** The checks of the schema's fields, in FIELDS order. */
  checkList: readonly Check[];
  findStatus: (text: string) => string | undefined;
  findRound: (text: string) => string | undefined;
  /** The campaign of a chosen row: its round, its Kỳ đăng ký cell, its submission time. */
  campaignOf: (round: string | null, text: string, submittedMs: number) => CampaignAnswer;
  findGroup: (text: string) => string | undefined;
  findType: (text: string) => string | undefined;
  findStage: (text: string) => string | undefined;
  yesNo: (text: string) => boolean | null;
  /** What the check of schema field `f` (its place in FIELDS) is given for its cell's text. */
  fieldInput: (f: number, text: string) => unknown;
  /** The row reader: the reference the fast path (fast/row.ts) answers as. */
  readRow: (raw: RawRow) => ReadRow;
}

/**
 * Builds the row reader for one set of value sets (the schema is built once); `makeChecks` is
 * swapped only by tests.
 */
export function makeRowReader(
  ctx: RowContext,
  makeChecks: (schema: RegistrationSchema) => FieldChecks = makeFieldChecks,
): (raw: RawRow) => ReadRow {
  return makeRowRules(ctx, makeChecks).readRow;
}

/** The rules of reading a row, and the row reader built on them. */
export function makeRowRules(
  ctx: RowContext,
  makeChecks: (schema: RegistrationSchema) => FieldChecks = makeFieldChecks,
): RowRules {
  const schema = makeRegistrationSchema(ctx.sets);
  const findStatus = slugLookup(
    Object.entries(STATUSES).map(([slug, label]) => ({
      slug,
      label,
      also: STATUS_SHORT[slug as Status],
    })),
  );
  const findRound = slugLookup(ctx.rounds);
  const campaignOf = makeCampaignOf(ctx);
  const findGroup = slugLookup(ctx.sets.productGroups);
  const findType = slugLookup(ctx.sets.producerTypes);
  const findStage = slugLookup(
    Object.entries(PRODUCT_STAGES).map(([slug, label]) => ({ slug, label })),
  );
  const yesNo = memo(readYesNo);
  const checks = makeChecks(schema);
  const fields = Object.keys(schema.shape) as FieldKey[];
  if (fields.join() !== FIELDS.join())
    throw new Error(
      `registry: the schema's fields are now ${fields.join(', ')}; update FIELDS in registry/row-fields.ts`,
    );
  // A support-needs cell repeats (a few suggested needs): split and checked once per distinct cell.
  const checkNeeds = memo((text: string) =>
    checks.supportNeeds(text.split(/\s*[;\n]\s*/).filter(Boolean)),
  );
  // By position, in the schema's order: a check looked up by field name in every row is a slow,
  // megamorphic lookup.
  const checkList = FIELDS.map((key): Check =>
    key === 'supportNeeds' ? (text) => checkNeeds(text as string) : checks[key],
  );

  const fieldInput = (f: number, text: string): unknown => {
    if (f === PRODUCER_TYPE) return findType(text) ?? text;
    if (f === PRODUCT_GROUP) return findGroup(text) ?? text;
    if (f === PRODUCT_STAGE) return findStage(text) ?? text;
    if (f === PHONE) return stripThousands(text);
    if (f === CONSENT || f === PUBLISH_NAME) return yesNo(text) === true;
    return text;
  };

  function readRow(raw: RawRow): ReadRow {
    const problems: string[] = [];
    const blocking: string[] = [];

    const receiptText = tidy(raw.receipt);
    const receipt = CANONICAL_RECEIPT.test(receiptText)
      ? receiptText
      : normaliseReceipt(receiptText);
    if (!receipt)
      blocking.push(
        receiptText
          ? `Mã hồ sơ "${receiptText}" không đúng dạng (ví dụ K7QM-3XPA)`
          : 'Thiếu mã hồ sơ',
      );

    const statusText = tidy(raw.status);
    const status = (findStatus(statusText) as Status | undefined) ?? null;
    if (!status)
      blocking.push(
        statusText ? `Trạng thái "${statusText}" không rõ` : 'Thiếu trạng thái rà soát',
      );

    const reviewProblem: string[] = [];
    const reviewedAt = readInstant(tidy(raw.reviewedAt), 'Thời điểm rà soát', reviewProblem);
    if (receipt && status && status !== PUBLISHED_STATUS)
      return {
        receipt,
        status,
        reviewedAt,
        publicFields: null,
        problems: reviewProblem.length ? reviewProblem : NO_PROBLEMS,
        blocking: NO_PROBLEMS,
      };
    const submittedAt = readInstant(tidy(raw.submittedAt), 'Thời điểm gửi', problems);
    problems.push(...reviewProblem);

    // The round: from its column (slug or label; empty = after the last round), else from the
    // submission time.
    let round: string | null = null;
    let roundProblem: string | null = null;
    if (raw.round !== undefined) {
      const text = tidy(raw.round);
      round = text ? (findRound(text) ?? null) : null;
      if (text && !round) roundProblem = `Đợt "${text}" không có trong danh mục`;
    } else if (submittedAt) round = assignRound(ctx.rounds, new Date(submittedAt))?.slug ?? null;
    else roundProblem = ROUND_UNKNOWN;

    // The cells of the schema's fields, in FIELDS order (for messages), and what the schema is
    // given for each.
    const cells = [
      tidy(raw.producerName),
      tidy(raw.producerType),
      tidy(raw.representative),
      tidy(raw.phone),
      tidy(raw.email),
      tidy(raw.commune),
      tidy(raw.address),
      tidy(raw.businessId),
      tidy(raw.productName),
      tidy(raw.productGroup),
      tidy(raw.productStage),
      tidy(raw.description),
      tidy(raw.supportNeeds),
      tidy(raw.consentProcessing),
      tidy(raw.consentPublishName),
    ];
    const consentPublishName = yesNo(cells[PUBLISH_NAME]!);
    if (consentPublishName === null)
      problems.push(
        `Đồng ý công khai tên: "${cells[PUBLISH_NAME]}" không rõ có hay không, ` +
          'nên tên chủ thể không được công khai',
      );
    const inputs = cells.map((text, f) => fieldInput(f, text));
    const phone = inputs[PHONE] as string;

    const values: unknown[] = [];
    let fieldErrors: Map<number, string> | null = null;
    for (let i = 0; i < checkList.length; i++) {
      const r = checkList[i]!(inputs[i]);
      if (r.ok) values[i] = r.value;
      else (fieldErrors ??= new Map()).set(i, r.message);
    }
    if (isScientific(phone)) (fieldErrors ??= new Map()).set(PHONE, PHONE_SCIENTIFIC);
    let publicError = false;
    for (const [i, message] of fieldErrors ?? []) {
      const text = valueSetMessage(FIELDS[i]!, cells[i]!) ?? message;
      problems.push(text);
      if (PUBLIC_FIELDS.has(i)) {
        publicError = true;
        if (status === 'da-chon') blocking.push(text);
      } else if (status === 'da-chon' && BLOCK_CONTROLS.test(cells[i]!)) {
        // A control character (a NUL stored before the form refused them) is damage, not a slip:
        // the row is held back.
        blocking.push(text);
      }
    }
    if (roundProblem) {
      problems.push(roundProblem);
      if (status === 'da-chon') blocking.push(roundProblem);
    }

    let publicFields: PublicFields | null = null;
    if (!publicError && !roundProblem) {
      const submittedMs = submittedAt === null ? NaN : new Date(submittedAt).getTime();
      const campaign = campaignOf(round, tidy(raw.campaign), submittedMs);
      if (campaign.problem) problems.push(campaign.problem);
      const named = consentPublishName === true && !fieldErrors?.has(PRODUCER_NAME);
      publicFields = {
        productName: values[PRODUCT_NAME] as string,
        productGroup: values[PRODUCT_GROUP] as string,
        producerType: values[PRODUCER_TYPE] as string,
        producerName: named ? (values[PRODUCER_NAME] as string) : null,
        commune: values[COMMUNE] as string,
        round,
        campaign: campaign.slug,
      };
    }
    if (blocking.length + problems.length === 0)
      return {
        receipt,
        status,
        reviewedAt,
        publicFields,
        problems: NO_PROBLEMS,
        blocking: NO_PROBLEMS,
      };
    return {
      receipt,
      status,
      reviewedAt,
      publicFields,
      problems: [...new Set([...blocking, ...problems])],
      blocking,
    };
  }

  return {
    ctx,
    schema,
    checkList,
    findStatus,
    findRound,
    campaignOf,
    findGroup,
    findType,
    findStage,
    yesNo,
    fieldInput,
    readRow,
  };
}
