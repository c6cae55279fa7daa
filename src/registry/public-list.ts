/**
 * The public list of chosen products: the ONLY shape in which registrations
 * leave the registry for the site and open data. Its schema, its whitelist (it is built field by
 * field, so personal data cannot slip through by accident) and its order (communes as content
 * lists them, products in Vietnamese collation). publish/list-files.ts writes it as JSON and CSV.
 */
import { z } from 'zod';
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
/** A product with the slug of its commune, as the registry hands it over. */
type ProductOfCommune = PublicProduct & { commune: string };

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

const byReceipt = (a: PublicProduct, b: PublicProduct) => a.receipt.localeCompare(b.receipt);
const compareProducts = (a: PublicProduct, b: PublicProduct) =>
  viCollator.compare(a.productName, b.productName) || byReceipt(a, b);

/** Products in Vietnamese collation of their names (receipt breaks ties, so the order is stable). */
export function sortProducts(products: readonly PublicProduct[]): PublicProduct[] {
  return [...products].sort(compareProducts);
}

/** The list with every commune present, in the given (content) order, empty ones too. */
export function makePublicList(
  communes: readonly { slug: string; name: string }[],
  products: readonly ProductOfCommune[],
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
 * each distinct name is ranked once in Vietnamese collation and all products are sorted at once as
 * numbers (byPackedKeys). Otherwise each commune's products are sorted by the collator.
 */
function byCommuneInOrder(
  products: readonly ProductOfCommune[],
  place: ReadonlyMap<string, number>,
  count: number,
): PublicProduct[][] {
  const names = [...new Set(products.map((p) => p.productName))];
  const keys = new SortKeys(count, names.length, products.length);
  return names.length * 2 > products.length || !keys.exact
    ? byCollator(products, place, count)
    : byPackedKeys(products, place, count, rankNames(names), keys);
}

/** Each commune's products sorted by compareProducts. */
function byCollator(
  products: readonly ProductOfCommune[],
  place: ReadonlyMap<string, number>,
  count: number,
): PublicProduct[][] {
  const lists: PublicProduct[][] = Array.from({ length: count }, () => []);
  for (const p of products) {
    const c = place.get(p.commune);
    if (c !== undefined) lists[c]!.push(toPublicProduct(p));
  }
  for (const list of lists) list.sort(compareProducts);
  return lists;
}

/**
 * Each distinct name's rank in Vietnamese collation: its place among the names sorted, names the
 * collator holds equal sharing the first one's rank.
 */
function rankNames(names: string[]): Map<string, number> {
  names.sort(viCollator.compare);
  const rank = new Map<string, number>();
  names.forEach((name, i) =>
    rank.set(
      name,
      i > 0 && viCollator.compare(names[i - 1]!, name) === 0 ? rank.get(names[i - 1]!)! : i,
    ),
  );
  return rank;
}

/**
 * A product's sort key, one number made of three parts, most significant first: the commune's
 * place, the rank of the product's name, and the product's index in the input. Keys sort as
 * numbers (no comparison function); products with the same commune and rank share a `group`.
 * Each part has room for its largest value: `ranks` names, `indexes` (a power of two) products.
 */
class SortKeys {
  readonly ranks: number;
  readonly indexes: number;
  /** Every key is an integer a double holds exactly. */
  readonly exact: boolean;
  constructor(communes: number, ranks: number, products: number) {
    this.ranks = ranks;
    this.indexes = 2 ** Math.ceil(Math.log2(products + 1));
    this.exact = communes * ranks * this.indexes < Number.MAX_SAFE_INTEGER;
  }
  key(commune: number, rank: number, index: number): number {
    return (commune * this.ranks + rank) * this.indexes + index;
  }
  /** The commune and rank of a key, as one number. */
  group(key: number): number {
    return Math.floor(key / this.indexes);
  }
  communeOfGroup(group: number): number {
    return Math.floor(group / this.ranks);
  }
  index(key: number): number {
    return key % this.indexes;
  }
}

/**
 * sortProducts' order for every commune at once: the products' keys sorted as numbers, then each
 * run of one commune and rank (names the collator holds equal) by receipt. A fast path: its
 * reference is sortProducts, and public-list.test.ts holds the two to the same order.
 */
function byPackedKeys(
  products: readonly ProductOfCommune[],
  place: ReadonlyMap<string, number>,
  count: number,
  rank: ReadonlyMap<string, number>,
  keys: SortKeys,
): PublicProduct[][] {
  const lists: PublicProduct[][] = Array.from({ length: count }, () => []);
  const packed = new Float64Array(products.length);
  let m = 0;
  for (let i = 0; i < products.length; i++) {
    const c = place.get(products[i]!.commune);
    if (c !== undefined) packed[m++] = keys.key(c, rank.get(products[i]!.productName)!, i);
  }
  const sorted = packed.subarray(0, m).sort();
  const productAt = (k: number) => toPublicProduct(products[keys.index(sorted[k]!)]!);
  for (let k = 0; k < m;) {
    const group = keys.group(sorted[k]!);
    let j = k + 1;
    while (j < m && keys.group(sorted[j]!) === group) j++;
    const list = lists[keys.communeOfGroup(group)]!;
    if (j - k === 1) list.push(productAt(k));
    else {
      // One commune, one rank: in the input's order so far, then by receipt (a stable sort, as sortProducts').
      const run: PublicProduct[] = [];
      for (let x = k; x < j; x++) run.push(productAt(x));
      list.push(...run.sort(byReceipt));
    }
    k = j;
  }
  return lists;
}
