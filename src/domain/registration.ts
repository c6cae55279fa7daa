/**
 * The registration schema: one definition used by the form page (in the
 * browser), the form service, the CSV export and the registry. Built with
 * zod/mini so the same schema ships to the browser in a few kilobytes.
 * Value sets that editors manage (communes, product groups, producer types)
 * are passed in from content/.
 */
import * as z from 'zod/mini';
import { communeResolver } from './commune-resolver.ts';
import type { CommuneWithSlug } from './commune.ts';
import { normalisePhone } from './phone.ts';
import {
  MAX_SUPPORT_NEEDS,
  REGISTRATION_FIELDS as F,
  type RegistrationField,
} from './registration-fields.ts';
import { PRODUCT_STAGES, type Status } from './status.ts';
import { BLOCK_CONTROLS, clean, LINE_CONTROLS } from './text.ts';

export interface RegistrationValueSets {
  communes: readonly CommuneWithSlug[];
  /** The campaign's word for a unit ("xã", "thôn"), used in the unit's messages; "xã" when not given. */
  unitWord?: string;
  productGroups: readonly { slug: string; label: string }[];
  producerTypes: readonly { slug: string; label: string }[];
}

const TRUE_VALUES = new Set(['on', 'true', '1', 'yes', 'co', 'có', 'x']);
/** "on", "true", "1", true, 1 → true; anything else → false. */
export function isTruthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  return typeof value === 'string' && TRUE_VALUES.has(clean(value).toLowerCase());
}

/** Runs `fn` on the raw value before `schema` checks it (zod's preprocess). */
const before = <S extends z.ZodMiniType>(fn: (v: unknown) => unknown, schema: S) =>
  z.pipe(z.transform(fn), schema);

/** Text: NFC, trimmed; `undefined`/`null` read as empty. */
const text = () =>
  before(
    (v) => (v == null ? '' : typeof v === 'string' ? clean(v) : v),
    z.string({ error: 'Phải là chữ' }),
  );

const tooLong = (field: RegistrationField, max: number) =>
  z.maxLength(max, `${F[field].label} không quá ${max} ký tự`);

/**
 * The control-character check of a text field and the characters it refuses: field-checks reads
 * this to take the same rule on its fast path (a check it does not know sends a field to zod).
 */
export const CONTROL_CHECKS = new WeakMap<object, RegExp>();

/** Fields where a line break (and a tab) is text: the form's textareas. */
const MULTI_LINE = new Set<RegistrationField>(['description']);

/** Refuses control characters (invisible, and what made an export unreadable) with a message that names the field. */
function noControls(label: string, multiLine: boolean) {
  const refused = multiLine ? BLOCK_CONTROLS : LINE_CONTROLS;
  const check = z.refine((v: unknown) => typeof v !== 'string' || !refused.test(v), {
    message: `${label} có ký tự điều khiển (ký tự ẩn, không in được); vui lòng xoá ký tự đó hoặc gõ lại`,
  });
  CONTROL_CHECKS.set(check, refused);
  return check;
}

const controlsOf = (field: RegistrationField) => noControls(F[field].label, MULTI_LINE.has(field));

function requiredText(field: RegistrationField, max: number) {
  return text().check(
    z.minLength(1, `Vui lòng nhập ${F[field].label.toLowerCase()}`),
    tooLong(field, max),
    controlsOf(field),
  );
}

function optionalText(field: RegistrationField, max: number) {
  return text().check(tooLong(field, max), controlsOf(field));
}

function choice(field: RegistrationField, slugs: readonly string[]) {
  return text().check(
    z.refine((v) => slugs.includes(v), {
      message: `Vui lòng chọn ${F[field].label.toLowerCase()}`,
    }),
  );
}

const EMAIL = z.email();

/** Builds the registration schema for the given value sets. Output is what is stored. */
export function makeRegistrationSchema(sets: RegistrationValueSets) {
  const resolveCommune = communeResolver(sets.communes);
  const unit = sets.unitWord || 'xã';
  return z.object({
    producerName: requiredText('producerName', 200),
    producerType: choice(
      'producerType',
      sets.producerTypes.map((t) => t.slug),
    ),
    representative: requiredText('representative', 120),
    phone: z.pipe(
      text(),
      z.transform((v: string, ctx) => {
        const phone = normalisePhone(v);
        if (phone) return phone;
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: v
            ? 'Số điện thoại không đúng: cần số di động 10 chữ số (03, 05, 07, 08, 09) hoặc số bàn 02x'
            : 'Vui lòng nhập số điện thoại',
        });
        return z.NEVER;
      }),
    ),
    email: optionalText('email', 200).check(
      z.refine((v) => v === '' || EMAIL.safeParse(v).success, {
        message: 'Thư điện tử không đúng, ví dụ: ten@gmail.com',
      }),
    ),
    commune: z.pipe(
      text(),
      z.transform((v: string, ctx) => {
        const commune = resolveCommune(v);
        if (commune) return commune.slug;
        ctx.issues.push({
          code: 'custom',
          input: v,
          message: v ? `Không có ${unit} "${v}" trong danh sách` : `Vui lòng chọn ${unit}`,
        });
        return z.NEVER;
      }),
    ),
    address: requiredText('address', 300),
    businessId: optionalText('businessId', 50),
    productName: requiredText('productName', 200),
    productGroup: choice(
      'productGroup',
      sets.productGroups.map((g) => g.slug),
    ),
    productStage: choice('productStage', Object.keys(PRODUCT_STAGES)),
    description: optionalText('description', 2000),
    supportNeeds: z
      .pipe(
        before(
          (v) => (v == null || v === '' ? [] : Array.isArray(v) ? v : [v]),
          z.array(
            text().check(
              z.maxLength(200, 'Mỗi nhu cầu hỗ trợ không quá 200 ký tự'),
              noControls('Nhu cầu hỗ trợ', false),
            ),
          ),
        ),
        z.transform((items: string[]) => [...new Set(items.filter(Boolean))]),
      )
      .check(
        z.refine((items) => items.length <= MAX_SUPPORT_NEEDS, {
          message: `Chọn tối đa ${MAX_SUPPORT_NEEDS} nhu cầu hỗ trợ`,
        }),
      ),
    consentProcessing: before(
      isTruthy,
      z.literal(true, { error: 'Cần đồng ý cho xử lý thông tin thì mới gửi được đăng ký' }),
    ),
    consentPublishName: before(isTruthy, z.boolean()),
  });
}

export type RegistrationSchema = ReturnType<typeof makeRegistrationSchema>;
export type Registration = z.output<RegistrationSchema>;

export interface FieldError {
  field: string;
  message: string;
}

/** Validates raw input (form or JSON); unknown keys are ignored. Errors in field order, one per field. */
export function parseRegistration(
  schema: RegistrationSchema,
  input: unknown,
): { ok: true; value: Registration } | { ok: false; errors: FieldError[] } {
  const source = input && typeof input === 'object' && !Array.isArray(input) ? input : {};
  const result = schema.safeParse(source);
  if (result.success) return { ok: true, value: result.data };
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, message: issue.message });
  }
  const order = Object.keys(F);
  errors.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
  return { ok: false, errors };
}

/** The honeypot: a filled `website` field marks the submission as spam (stored as `rac`). */
export function isHoneypotFilled(input: unknown): boolean {
  const v =
    input && typeof input === 'object' ? (input as Record<string, unknown>).website : undefined;
  return typeof v === 'string' ? v.trim() !== '' : v != null && v !== false;
}

/** A client-made id for idempotent submission: 8–100 characters of letters, digits, "-" and "_". */
export function readSubmissionId(input: unknown): string | null {
  const v =
    input && typeof input === 'object'
      ? (input as Record<string, unknown>).submissionId
      : undefined;
  return typeof v === 'string' && /^[A-Za-z0-9_-]{8,100}$/.test(v.trim()) ? v.trim() : null;
}

/** A stored registration: the validated fields plus what the service and reviewers add. */
export interface RegistrationRecord extends Registration {
  /** Receipt code given to the producer. */
  receipt: string;
  /** When it was received, ISO 8601 with +07:00. */
  submittedAt: string;
  /** When it was last reviewed, ISO 8601 with +07:00; null until a first review. */
  reviewedAt: string | null;
  /** Round slug, or null after the last deadline. */
  round: string | null;
  /** The campaign it was made in (a slug of content/campaigns/); '' or absent when unknown (its round tells). */
  campaign?: string;
  status: Status;
  /** The reviewer's note; private. */
  reviewNote: string;
  /** When consent to processing was given, ISO 8601 with +07:00 (proof of consent); empty in exports made before it was kept. */
  consentAt?: string | null;
  /** The id of the consent wording the person was shown (see consent.ts). */
  consentVersion?: string | null;
  /** What staff ask of the producer when the status is can-bo-sung; shown to whoever has the receipt, never on the public list. */
  publicNote?: string;
}
