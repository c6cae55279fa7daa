// The public list's model: every commune in content order, each one's products in sortProducts'
// order whichever way makePublicList sorts them, and only the whitelisted fields.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  makePublicList,
  publicListSchema,
  publicProductSchema,
  sortProducts,
  toPublicProduct,
} from './public-list.ts';

const product = {
  receipt: 'R',
  productName: 'P',
  productGroup: 'g',
  producerType: 't',
  producerName: null,
  round: null,
};
/** A product as the registry holds it: the commune and personal data beside the public fields. */
const withPersonal = {
  ...product,
  commune: 'a',
  phone: '0912345678',
  email: 'a@b.vn',
  representative: 'Nguyễn Văn A',
};

describe('the whitelist', () => {
  it('copies exactly the public fields, whatever else a product holds', () => {
    expect(toPublicProduct(withPersonal)).toEqual(product);
    expect(Object.keys(toPublicProduct(withPersonal))).toEqual(
      Object.keys(publicProductSchema.shape),
    );
  });
  it('builds a list the schema accepts, every commune present, empty ones too', () => {
    const list = makePublicList(
      [
        { slug: 'a', name: 'A' },
        { slug: 'b', name: 'B' },
      ],
      [withPersonal, { ...withPersonal, commune: 'not-listed' }],
      'now',
    );
    expect(publicListSchema.parse(list)).toEqual(list);
    expect(list).toEqual({
      generatedAt: 'now',
      communes: [
        { slug: 'a', name: 'A', products: [product] },
        { slug: 'b', name: 'B', products: [] },
      ],
    });
  });
});

describe('makePublicList', () => {
  it("orders each commune's products exactly as sortProducts does, names repeated or not", () => {
    // Names that differ only in case, tone marks, spacing or digits, which the collator may hold equal.
    const name = fc.constantFrom(
      'Cà phê',
      'cà phê',
      'Ca phe',
      'Cà phê 2',
      'Cà phê 10',
      'Mật ong',
      'mật ong',
      'Đậu',
      'Dau',
      ' Hồ tiêu',
      'Hồ tiêu',
    );
    const product = fc.record({
      receipt: fc.string({ unit: fc.constantFrom('A', 'b', '2', '-'), maxLength: 4 }),
      productName: name,
      productGroup: fc.constant('g'),
      producerType: fc.constant('t'),
      producerName: fc.constant(null),
      round: fc.constant(null),
      commune: fc.constantFrom('a', 'b', 'c', 'khac'),
    });
    const communes = [
      { slug: 'c', name: 'C' },
      { slug: 'a', name: 'A' },
      { slug: 'b', name: 'B' },
    ];
    fc.assert(
      fc.property(fc.array(product, { maxLength: 60 }), (products) => {
        const list = makePublicList(communes, products, 'now');
        expect(list.communes.map((c) => c.slug)).toEqual(['c', 'a', 'b']);
        for (const c of list.communes)
          expect(c.products).toEqual(
            sortProducts(
              products.filter((p) => p.commune === c.slug).map(({ commune: _, ...p }) => p),
            ),
          );
      }),
      { numRuns: 1000 },
    );
  });
});
