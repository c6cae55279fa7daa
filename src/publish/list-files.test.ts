// The public list's writers: the hand-built CSV (the fast path) is byte for byte what papaparse's
// unparse wrote (the reference, kept here), and the compact JSON is JSON.stringify of the list.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutraliseStart } from '../export/format.ts';
import {
  PUBLIC_CSV_COLUMNS,
  publicListCsv,
  publicListJson,
  type PublicLabels,
} from './list-files.ts';
import { makePublicList, type PublicList } from '../registry/public-list.ts';

/** The reference: the writer before the fast path, papaparse, every row as an array of cells. */
function referenceCsv(list: PublicList, labels: PublicLabels): string {
  const label = (items: readonly { slug: string; label: string }[]) => {
    const map = new Map(items.map((i) => [i.slug, i.label]));
    return (slug: string | null) => (slug == null ? '' : (map.get(slug) ?? slug));
  };
  const [group, type, round] = [
    label(labels.productGroups),
    label(labels.producerTypes),
    label(labels.rounds),
  ];
  const rows = list.communes.flatMap((c) =>
    c.products.map((p) =>
      [
        c.slug,
        c.name,
        p.receipt,
        p.productName,
        p.productGroup,
        group(p.productGroup),
        p.producerType,
        type(p.producerType),
        p.producerName ?? '',
        round(p.round),
      ].map(neutraliseStart),
    ),
  );
  return `\uFEFF${Papa.unparse({ fields: PUBLIC_CSV_COLUMNS.map((c) => c.name), data: rows }, { newline: '\r\n', quotes: false })}\r\n`;
}

// Text with every character that matters to quoting or to the formula guard.
const text = fc
  .array(
    fc.constantFrom(
      'a',
      'Cà phê',
      ' ',
      ',',
      '"',
      '\r',
      '\n',
      '\uFEFF',
      '=',
      '+',
      '-',
      '@',
      '\t',
      ';',
      "'",
      'x y',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));
const slugs = ['a', 'b', 'c'];
const labels: PublicLabels = {
  productGroups: [
    { slug: 'a', label: 'Thực phẩm' },
    { slug: 'b', label: '=Đồ uống, "ngon"' },
  ],
  producerTypes: [{ slug: 'a', label: ' Hộ ' }],
  rounds: [
    { slug: 'a', label: 'Đợt 1' },
    { slug: 'c', label: '@đợt' },
  ],
};
const product = fc.record({
  receipt: text,
  productName: text,
  productGroup: fc.oneof(fc.constantFrom(...slugs), text),
  producerType: fc.oneof(fc.constantFrom(...slugs), text),
  producerName: fc.option(text),
  round: fc.option(fc.oneof(fc.constantFrom(...slugs), text)),
});
const list = fc.record({
  generatedAt: fc.constant('2026-01-01T07:00:00+07:00'),
  communes: fc.array(
    fc.record({ slug: text, name: text, products: fc.array(product, { maxLength: 4 }) }),
    { maxLength: 4 },
  ),
});

describe('publicListCsv', () => {
  it('writes every list byte for byte as papaparse did', () => {
    fc.assert(
      fc.property(list, (l) => {
        expect(publicListCsv(l, labels)).toBe(referenceCsv(l, labels));
      }),
      { numRuns: 500 },
    );
  });
  it('writes the header alone for an empty list', () => {
    const empty = { generatedAt: 'x', communes: [{ slug: 'a', name: 'A', products: [] }] };
    expect(publicListCsv(empty, labels)).toBe(referenceCsv(empty, labels));
  });
});

describe('publicListJson', () => {
  const anyText = fc.oneof(
    text,
    fc.string({ unit: 'binary' }),
    fc.constantFrom('\ud800', 'a\udc00b', '😀', '\\', '\u2028', '\u007f'),
  );
  it('is JSON.stringify of the list, byte for byte', () => {
    const someList = fc.record({
      generatedAt: anyText,
      communes: fc.array(
        fc.record({
          slug: anyText,
          name: anyText,
          products: fc.array(
            fc.record({
              receipt: anyText,
              productName: anyText,
              productGroup: anyText,
              producerType: anyText,
              producerName: fc.option(anyText),
              round: fc.option(anyText),
            }),
            { maxLength: 3 },
          ),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(someList, (l) => {
        expect(publicListJson(l)).toBe(`${JSON.stringify(l)}\n`);
      }),
      { numRuns: 1000 },
    );
  });
  it('holds only the whitelisted fields of a list makePublicList built (JSON.stringify writes every key)', () => {
    const product = {
      receipt: 'R',
      productName: 'P',
      productGroup: 'g',
      producerType: 't',
      producerName: null,
      round: null,
      commune: 'a',
    };
    const withPersonal = {
      ...product,
      phone: '0912345678',
      email: 'a@b.vn',
      representative: 'Nguyễn Văn A',
    };
    const json = publicListJson(makePublicList([{ slug: 'a', name: 'A' }], [withPersonal], 'now'));
    expect(json).toBe(
      `${JSON.stringify({ generatedAt: 'now', communes: [{ slug: 'a', name: 'A', products: [{ receipt: 'R', productName: 'P', productGroup: 'g', producerType: 't', producerName: null, round: null }] }] })}\n`,
    );
  });
  it('reads back as the same list, one line', () => {
    fc.assert(
      fc.property(list, (l) => {
        const json = publicListJson(l);
        expect(JSON.parse(json)).toEqual(l);
        expect(json.endsWith('\n') && !json.slice(0, -1).includes('\n')).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
