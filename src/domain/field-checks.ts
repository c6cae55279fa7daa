/**
 * Field-by-field checks of the shared registration schema, fast enough for
 * 100,000 rows a second. The schema has no cross-field rules, so each field is
 * checked by its own field schema, and two fast paths keep zod off the hot path
 * without ever giving another answer than the schema would:
 *
 * - a value a column repeats (commune, group, type, stage, yes/no) is checked
 *   once and the answer remembered;
 * - a plain text field (the schema's text step, then only length rules and the
 *   control-character rule) accepts at once a value that is already NFC and
 *   trimmed, holds none of the refused control characters, and whose length is
 *   within the bounds read from the schema's own checks; the phone accepts at once a
 *   number already in the form normalisePhone gives (isStoredPhone); the email accepts at once
 *   a plain address (PLAIN_EMAIL) within its bounds. Anything else goes to zod,
 *   which alone words the message.
 *
 * `schemaCheck` is the reference (zod every time); a property test holds the
 * two to the same answers.
 */
import { isStoredPhone } from './phone.ts';
import { memo } from './sheet-values.ts';
import { clean } from './text.ts';
import { CONTROL_CHECKS, type RegistrationSchema } from './registration.ts';

export type FieldKey = keyof RegistrationSchema['shape'];
export type CheckResult = { ok: true; value: unknown } | { ok: false; message: string };
export type Check = (value: unknown) => CheckResult;
export type FieldChecks = Record<FieldKey, Check>;

/** Fields whose few distinct values repeat down a column: one zod run per distinct value. */
const REPEATED = new Set<FieldKey>([
  'producerType',
  'productGroup',
  'productStage',
  'commune',
  'consentProcessing',
  'consentPublishName',
]);

/** The reference: the field's own schema, every time. */
export function schemaCheck(schema: RegistrationSchema, key: FieldKey): Check {
  const field = schema.shape[key];
  return (value) => {
    const r = field.safeParse(value);
    return r.success
      ? { ok: true, value: r.data }
      : { ok: false, message: r.error.issues[0]?.message ?? 'Không hợp lệ' };
  };
}

/** The reference checks of every field: zod every time (for tests and comparisons). */
export function schemaChecks(schema: RegistrationSchema): FieldChecks {
  return Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, schemaCheck(schema, key as FieldKey)]),
  ) as FieldChecks;
}

interface ZodDef {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number } } }[];
  in?: { _zod: { def: ZodDef } };
  out?: { _zod: { def: ZodDef } };
}

/** A plain text field's rules: its length bounds, and the control characters it refuses (null: none). */
export interface TextBounds {
  min: number;
  max: number;
  controls: RegExp | null;
}

/**
 * Rules of a plain text field — the schema's text step (a transform into a string) followed by
 * nothing but min/max length checks and the control-character check — or null for any other
 * shape of field (choices, phone, email, lists, yes/no). With `refined`, custom refinements beside
 * those are passed over (the caller vouches for what they accept: the email's address rule).
 */
export function textBounds(
  schema: RegistrationSchema,
  key: FieldKey,
  refined = false,
): TextBounds | null {
  const def = (schema.shape[key] as unknown as { _zod: { def: ZodDef } })._zod.def;
  if (
    def.type !== 'pipe' ||
    def.in?._zod.def.type !== 'transform' ||
    def.out?._zod.def.type !== 'string'
  )
    return null;
  if (def.out._zod.def.checks?.length) return null;
  let min = 0;
  let max = Infinity;
  let controls: RegExp | null = null;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    const refused = CONTROL_CHECKS.get(c);
    if (refused) controls = refused;
    else if (d.check === 'min_length' && d.minimum !== undefined) min = Math.max(min, d.minimum);
    else if (d.check === 'max_length' && d.maximum !== undefined) max = Math.min(max, d.maximum);
    else if (!(refined && d.check === 'custom')) return null;
  }
  return { min, max, controls };
}

/**
 * An address zod's email pattern accepts as it is, in its commonest shape: dot- or underscore-
 * separated letters and digits, then domain labels of letters, digits and inner hyphens, and a
 * TLD of letters. ASCII without spaces, so also already NFC and trimmed (the text step keeps it).
 */
export const PLAIN_EMAIL =
  /^[a-z0-9]+(?:[._][a-z0-9]+)*@[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*\.[a-z]{2,}$/i;

/** Builds the fast checks of every field of the schema. */
export function makeFieldChecks(schema: RegistrationSchema): FieldChecks {
  const checks = {} as FieldChecks;
  const emailBounds = textBounds(schema, 'email', true);
  for (const key of Object.keys(schema.shape) as FieldKey[]) {
    // An empty cell is the most repeated value of an optional column: its answer is remembered too.
    const full = schemaCheck(schema, key);
    let empty: CheckResult | undefined;
    const slow: Check = (value) => (value === '' ? (empty ??= full('')) : full(value));
    const bounds = textBounds(schema, key);
    if (REPEATED.has(key)) checks[key] = memo(slow, 20_000);
    // The phone schema is the text step, then normalisePhone: a number already in its stored form is accepted as is.
    else if (key === 'phone')
      checks[key] = (value) =>
        typeof value === 'string' && isStoredPhone(value) ? { ok: true, value } : slow(value);
    else if (key === 'email' && emailBounds) {
      // Nearly every row holds a distinct address: zod on each was a tenth of the registry's time.
      const { min, max } = emailBounds;
      checks[key] = (value) =>
        typeof value === 'string' &&
        value.length >= min &&
        value.length <= max &&
        PLAIN_EMAIL.test(value)
          ? { ok: true, value }
          : slow(value);
    } else if (bounds) {
      const { min, max, controls } = bounds;
      checks[key] = (value) =>
        typeof value === 'string' &&
        value.length >= min &&
        value.length <= max &&
        clean(value) === value &&
        !controls?.test(value)
          ? { ok: true, value }
          : slow(value);
    } else checks[key] = slow;
  }
  return checks;
}
