/**
 * The public list of chosen products: the ONLY shape in which registrations
 * leave the registry for the site and open data. It is built field by field
 * from a whitelist, so personal data cannot slip through by accident.
 */
import { z } from 'zod';
import { neutraliseStart } from '../export/format.ts';
import { viCollator } from '../domain/text.ts';

/** The public fields of one product (Luật 91/2025/QH15: the producer's name only with consent). */
export const publicProductSchema = z.strictObject({
  receipt: z.string(),
  productName: z.string(),
  productGroup: z.string(),
  producerType: z.string(),
  producerName: z.string().nullable(),
  round: z.string().nullable(),
});
export type PublicProduct = z.infer<typeof publicProductSchema>;

export const publicListSchema = z.strictObject({
  generatedAt: z.string(),
  /** Present (true) only when the list was built from the invented sample exports (npm run demo). */
  sample: z.optional(z.literal(true)),
  communes: z.array(
    z.strictObject({ slug: z.string(), name: z.string(), products: z.array(publicProductSchema) }),
  ),
});
export type PublicList = z.infer<typeof publicListSchema>;

/** Copies exactly the whitelisted fields, whatever else the source object holds. */
export function toPublicProduct(source: PublicProduct): PublicProduct {
  return {
    receipt: source.receipt,
    productName: source.productName,
    productGroup: source.productGroup,
    producerType: source.producerType,
    producerName: source.producerName,
    round: source.round,
  };
}

/** Products in Vietnamese collation of their names (receipt breaks ties, so the order is stable). */
export function sortProducts(products: readonly PublicProduct[]): PublicProduct[] {
  return [...products].sort(compareProducts);
}

const byReceipt = (a: PublicProduct, b: PublicProduct) => a.receipt.localeCompare(b.receipt);
const compareProducts = (a: PublicProduct, b: PublicProduct) =>
  viCollator.compare(a.productName, b.productName) || byReceipt(a, b);

/** The list with every commune present, in the given (content) order, empty ones too. */
export function makePublicList(
  communes: readonly { slug: string; name: string }[],
  products: readonly (PublicProduct & { commune: string })[],
  generatedAt: string,
): PublicList {
  const place = new Map(communes.map((c, i) => [c.slug, i]));
  const lists = byCommuneInOrder(products, place, communes.length);
  return {
    generatedAt,
    communes: communes.map((c, i) => ({ slug: c.slug, name: c.name, products: lists[i]! })),
  };
}

/**
 * Each commune's products, whitelisted fields only, in the order of sortProducts (a product of a
 * commune not in `place` is left out). Names repeat across communes ("Cà phê bột"): when they do,
 * each distinct name is ranked once in Vietnamese collation (names the collator holds equal share
 * a rank), and all products are sorted at once as numbers (commune, rank and place in one number
 * each, no comparison function), then each run of one commune and rank by receipt. Otherwise
 * each commune's products are sorted by the collator.
 */
function byCommuneInOrder(
  products: readonly (PublicProduct & { commune: string })[],
  place: ReadonlyMap<string, number>,
  count: number,
): PublicProduct[][] {
  const lists: PublicProduct[][] = Array.from({ length: count }, () => []);
  const names = [...new Set(products.map((p) => p.productName))];
  const places = 2 ** Math.ceil(Math.log2(products.length + 1));
  if (
    names.length * 2 > products.length ||
    count * names.length * places >= Number.MAX_SAFE_INTEGER
  ) {
    for (const p of products) {
      const c = place.get(p.commune);
      if (c !== undefined) lists[c]!.push(toPublicProduct(p));
    }
    for (const list of lists) list.sort(compareProducts);
    return lists;
  }
  names.sort(viCollator.compare);
  const rank = new Map<string, number>();
  names.forEach((name, i) =>
    rank.set(
      name,
      i > 0 && viCollator.compare(names[i - 1]!, name) === 0 ? rank.get(names[i - 1]!)! : i,
    ),
  );
  const ranks = names.length;
  const keys = new Float64Array(products.length);
  let m = 0;
  for (let i = 0; i < products.length; i++) {
    const c = place.get(products[i]!.commune);
    if (c !== undefined) keys[m++] = (c * ranks + rank.get(products[i]!.productName)!) * places + i;
  }
  const sorted = keys.subarray(0, m).sort();
  for (let k = 0; k < m;) {
    const group = Math.floor(sorted[k]! / places);
    let j = k + 1;
    while (j < m && Math.floor(sorted[j]! / places) === group) j++;
    const list = lists[Math.floor(group / ranks)]!;
    if (j - k === 1) list.push(toPublicProduct(products[sorted[k]! % places]!));
    else {
      // One commune, one rank: in the input's order so far, then by receipt (a stable sort, as sortProducts').
      const run: PublicProduct[] = [];
      for (let x = k; x < j; x++) run.push(toPublicProduct(products[sorted[x]! % places]!));
      list.push(...run.sort(byReceipt));
    }
    k = j;
  }
  return lists;
}
