// Property-based tests: the phone and commune normalisers and the registration schema never
// throw, and every way people write a valid value gives the same stored value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from './content-files-node.ts';
import { communeResolver } from './commune.ts';
import { normalisePhone } from './phone.ts';
import { makeRegistrationSchema, parseRegistration } from './registration.ts';
import { clean, fold } from './text.ts';

const content = readSiteContent();
const schema = makeRegistrationSchema(content);
const resolve = communeResolver(content.communes);
const STORED_PHONE = /^0(?:[35789]\d{8}|2\d{9})$/;

const mobile = fc
  .tuple(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/))
  .map(([p, rest]) => `0${p}${rest}`);
const separators = fc.array(fc.constantFrom(' ', '.', '-', ''), { minLength: 10, maxLength: 10 });

describe('normalisePhone', () => {
  it('stores every formatting of a mobile number as its 10 digits', () => {
    fc.assert(
      fc.property(
        mobile,
        separators,
        fc.constantFrom('', '+84', '+84 ', '84', '(+84) ', '0084'),
        (digits, seps, prefix) => {
          const national = prefix ? digits.slice(1) : digits;
          const written = prefix + [...national].map((d, i) => d + (seps[i] ?? '')).join('');
          expect(normalisePhone(written)).toBe(digits);
        },
      ),
    );
  });

  it('never throws and returns only stored-form numbers', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const out = normalisePhone(s);
        expect(out === null || STORED_PHONE.test(out)).toBe(true);
      }),
    );
  });
});

const casing = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.toUpperCase(),
  (s: string) => s.toLowerCase(),
);
const form = fc.constantFrom(
  (s: string) => s,
  (s: string) => s.normalize('NFD'),
  (s: string) => fold(s),
);
const prefix = fc.constantFrom('', 'xã ', 'Xã ', 'XÃ ', 'xa ', '  ');

describe('communeResolver', () => {
  it('resolves every written variant of every commune to its slug', () => {
    const names = content.communes.flatMap((c) =>
      [c.name, ...c.aliases].map((n) => [n, c.slug] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        casing,
        form,
        prefix,
        fc.constantFrom('', ' ', '  '),
        ([name, slug], c, f, p, tail) => {
          expect(resolve(p + c(f(name)) + tail)?.slug).toBe(slug);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => void resolve(s)));
  });
});

const validInput = fc.record({
  producerName: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''),
  producerType: fc.constantFrom(...content.producerTypes.map((t) => t.slug)),
  representative: fc.constantFrom('Nguyễn Văn An', 'H’Hen Niê', 'Y Bhin', 'Trần Thị Bích'),
  phone: mobile,
  commune: fc.constantFrom(...content.communes.flatMap((c) => [c.slug, c.name, ...c.aliases])),
  address: fc.constantFrom('Thôn 1', 'Bon Bu Prăng', 'Bon R’Bút'.normalize('NFD')),
  productName: fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ''),
  productGroup: fc.constantFrom(...content.productGroups.map((g) => g.slug)),
  productStage: fc.constantFrom('y-tuong', 'da-co'),
  consentProcessing: fc.constantFrom('on', 'true', '1', true),
  supportNeeds: fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 50 }),
    fc.array(fc.string({ maxLength: 50 }), { maxLength: 5 }),
  ),
});

describe('the registration schema', () => {
  it('accepts valid input and stores NFC, trimmed text and a normalised phone', () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const result = parseRegistration(schema, input);
        if (!result.ok) throw new Error(JSON.stringify(result.errors));
        const v = result.value;
        expect(STORED_PHONE.test(v.phone)).toBe(true);
        for (const s of [v.producerName, v.representative, v.address, v.productName]) {
          expect(s).toBe(s.normalize('NFC').trim());
        }
        expect(content.communes.some((c) => c.slug === v.commune)).toBe(true);
        // Storing is idempotent: the stored value parses to itself.
        const again = parseRegistration(schema, v);
        expect(again.ok && again.value).toEqual(v);
      }),
    );
  });

  it('never throws on arbitrary input and names only known fields in errors', () => {
    const fields = new Set([...Object.keys(schema.shape)]);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom(...fields, 'website', 'x'), fc.anything()),
        ),
        (input) => {
          const result = parseRegistration(schema, input);
          if (!result.ok) for (const e of result.errors) expect(fields.has(e.field)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('clean', () => {
  it('is NFC then trim, for any text (the fast path for text already in NFC included)', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        'a',
        ' ',
        'Ừ',
        'ắ',
        'e\u0301',
        'a\u0323\u0302',
        'Ω',
        '\u2126',
        '\u212b',
        'Å',
        '\u0344',
        'ǅ',
        '\u1e9b\u0323',
        '\u1ea0',
        '\u02ff',
        '\u0300',
        '\ufeff',
        '\u00a0',
      ),
      fc.string({ unit: 'grapheme', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        expect(clean(text)).toBe(text.normalize('NFC').trim());
      }),
      { numRuns: 3000 },
    );
  });
});
