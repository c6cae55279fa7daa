// The fast field checks never answer otherwise than the shared schema's own field schemas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from './content-files-node.ts';
import {
  makeFieldChecks,
  PLAIN_EMAIL,
  schemaChecks,
  textBounds,
  type FieldKey,
} from './field-checks.ts';
import { makeRegistrationSchema } from './registration.ts';
import { BLOCK_CONTROLS, LINE_CONTROLS } from './text.ts';

const content = readSiteContent();
const schema = makeRegistrationSchema(content);
const keys = Object.keys(schema.shape) as FieldKey[];

/** Text as cells hold it: Vietnamese in NFC and NFD, spaces, digits, phone-like, long, empty. */
const cellText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'Cà phê',
    'Cà phê'.normalize('NFD'),
    ' Cà phê ',
    '0912345678',
    '912345678',
    '+84 912 345 678',
    'a@b.vn',
    'không',
    'có',
    'x',
    'thuc-pham',
    'do-uong',
    'da-co',
    'Đắk Ha',
    'xã Đăk Ha',
    '\u212b',
    'Ω',
  ),
  fc.string({
    unit: fc.constantFrom(
      'a',
      'ă',
      'ạ',
      'ạ'.normalize('NFD'),
      ' ',
      '\t',
      '0',
      '9',
      '@',
      '.',
      '-',
      '\u0301',
      'Đ',
      '\u00a0',
      '\u2126',
      '\u0000',
      '\n',
      '\u007f',
    ),
    maxLength: 12,
  }),
  fc.integer({ min: 0, max: 2100 }).map((n) => 'x'.repeat(n)),
  fc.stringMatching(/^0[2-9]\d{8,9}$/),
);
const anyInput = fc.oneof(
  cellText,
  fc.boolean(),
  fc.array(cellText, { maxLength: 3 }),
  fc.constant(undefined),
);

describe('makeFieldChecks', () => {
  const fast = makeFieldChecks(schema);
  const reference = schemaChecks(schema);

  it('reads the length bounds from the schema itself, and finds none where other rules apply', () => {
    expect(textBounds(schema, 'productName')).toEqual({
      min: 1,
      max: 200,
      controls: LINE_CONTROLS,
    });
    expect(textBounds(schema, 'description')).toEqual({
      min: 0,
      max: 2000,
      controls: BLOCK_CONTROLS,
    });
    expect(textBounds(schema, 'representative')).toEqual({
      min: 1,
      max: 120,
      controls: LINE_CONTROLS,
    });
    expect(textBounds(schema, 'email', true)).toEqual({
      min: 0,
      max: 200,
      controls: LINE_CONTROLS,
    });
    for (const key of [
      'email',
      'phone',
      'commune',
      'productGroup',
      'supportNeeds',
      'consentProcessing',
    ] as const)
      expect(textBounds(schema, key)).toBeNull();
  });

  it('gives the same answer (value or message) as the field schema for any value, twice in a row', () => {
    fc.assert(
      fc.property(fc.constantFrom(...keys), anyInput, (key, value) => {
        const expected = reference[key](value);
        expect(fast[key](value)).toEqual(expected);
        expect(fast[key](value)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees at the length bounds', () => {
    for (const n of [0, 1, 199, 200, 201, 2000, 2001]) {
      for (const key of ['productName', 'description', 'businessId'] as const)
        expect(fast[key]('ạ'.repeat(n))).toEqual(reference[key]('ạ'.repeat(n)));
    }
  });

  it('answers for an email as the schema does: plain addresses, near misses and long ones', () => {
    // Built from the characters that matter at the edges of the email pattern.
    const part = fc.string({
      unit: fc.constantFrom('a', 'Z', '0', '.', '_', '-', '+', "'", ' ', 'ă', '@'),
      minLength: 0,
      maxLength: 8,
    });
    const label = fc.oneof(part, fc.constantFrom('gmail', 'x-y', 'b', '-b', 'b-'));
    const tld = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'V', 'n', '1', '-'), maxLength: 4 }),
      fc.constantFrom('com', 'vn'),
    );
    const near = fc
      .tuple(part, label, label, tld)
      .map(([l, d1, d2, t]) => `${l}@${d1}${d2 ? `.${d2}` : ''}.${t}`);
    const long = fc.integer({ min: 180, max: 220 }).map((n) => `${'a'.repeat(n)}@b.vn`);
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), near, long, cellText), (value) => {
        expect(fast.email(value)).toEqual(reference.email(value));
      }),
      { numRuns: 5000 },
    );
    for (const value of ['nguoisanxuat.000001@gmail.com', 'a_b@x-y.com.vn', 'A@B.VN']) {
      expect(PLAIN_EMAIL.test(value)).toBe(true);
      expect(reference.email(value)).toEqual({ ok: true, value });
    }
  });
});
