/**
 * The public list of chosen products: the ONLY shape in which registrations
 * leave the registry for the site and open data. It is built field by field
 * from a whitelist, so personal data cannot slip through by accident.
 */
import { z } from 'zod';
import { neutraliseStart } from './export-format.ts';
import { viCollator } from './text.ts';

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
  communes: z.array(z.strictObject({ slug: z.string(), name: z.string(), products: z.array(publicProductSchema) })),
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
const compareProducts = (a: PublicProduct, b: PublicProduct) => viCollator.compare(a.productName, b.productName) || byReceipt(a, b);

/** The list with every commune present, in the given (content) order, empty ones too. */
export function makePublicList(
  communes: readonly { slug: string; name: string }[],
  products: readonly (PublicProduct & { commune: string })[],
  generatedAt: string,
): PublicList {
  const place = new Map(communes.map((c, i) => [c.slug, i]));
  const lists = byCommuneInOrder(products, place, communes.length);
  return { generatedAt, communes: communes.map((c, i) => ({ slug: c.slug, name: c.name, products: lists[i]! })) };
}

/**
 * Each commune's products, whitelisted fields only, in the order of sortProducts (a product of a
 * commune not in `place` is left out). Names repeat across communes ("Cà phê bột"): when they do,
 * each distinct name is ranked once in Vietnamese collation (names the collator holds equal share
 * a rank), and all products are sorted at once as numbers (commune, rank and place in one number
 * each, no comparison function), then each run of one commune and rank by receipt. Otherwise
 * each commune's products are sorted by the collator.
 */
function byCommuneInOrder(products: readonly (PublicProduct & { commune: string })[], place: ReadonlyMap<string, number>, count: number): PublicProduct[][] {
  const lists: PublicProduct[][] = Array.from({ length: count }, () => []);
  const names = [...new Set(products.map((p) => p.productName))];
  const places = 2 ** Math.ceil(Math.log2(products.length + 1));
  if (names.length * 2 > products.length || count * names.length * places >= Number.MAX_SAFE_INTEGER) {
    for (const p of products) {
      const c = place.get(p.commune);
      if (c !== undefined) lists[c]!.push(toPublicProduct(p));
    }
    for (const list of lists) list.sort(compareProducts);
    return lists;
  }
  names.sort(viCollator.compare);
  const rank = new Map<string, number>();
  names.forEach((name, i) => rank.set(name, i > 0 && viCollator.compare(names[i - 1]!, name) === 0 ? rank.get(names[i - 1]!)! : i));
  const ranks = names.length;
  const keys = new Float64Array(products.length);
  let m = 0;
  for (let i = 0; i < products.length; i++) {
    const c = place.get(products[i]!.commune);
    if (c !== undefined) keys[m++] = (c * ranks + rank.get(products[i]!.productName)!) * places + i;
  }
  const sorted = keys.subarray(0, m).sort();
  for (let k = 0; k < m; ) {
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


/**
 * The list as JSON, without indentation (40,000 products indented cost a third more bytes and every
 * reader parses it): JSON.stringify of the list, byte for byte. The list holds exactly the schema's
 * keys in its order, as makePublicList builds it field by field from the whitelist.
 */
export function publicListJson(list: PublicList): string {
  return [...publicListJsonParts(list)].join('');
}

/**
 * publicListJson in pieces, one commune each, for writing a large list without holding its whole
 * text: JSON.stringify of each commune (Node 24's fast path for plain objects of strings beats text
 * written by hand), between the list's own opening and closing.
 */
export function* publicListJsonParts(list: PublicList): Generator<string> {
  const { generatedAt, sample, communes } = list;
  yield `${JSON.stringify(sample ? { generatedAt, sample } : { generatedAt }).slice(0, -1)},"communes":[`;
  for (let i = 0; i < communes.length; i++) yield i === 0 ? JSON.stringify(communes[i]) : `,${JSON.stringify(communes[i])}`;
  yield ']}\n';
}

export interface PublicLabels {
  productGroups: readonly { slug: string; label: string }[];
  producerTypes: readonly { slug: string; label: string }[];
  rounds: readonly { slug: string; label: string }[];
}

/** Columns of the open-data CSV: name (Vietnamese header) and a description, shared with datapackage.json. */
export const PUBLIC_CSV_COLUMNS = [
  { name: 'Mã xã', description: 'Mã định danh của xã (slug)' },
  { name: 'Xã', description: 'Tên xã' },
  { name: 'Mã hồ sơ', description: 'Mã hồ sơ đăng ký' },
  { name: 'Tên sản phẩm', description: 'Tên sản phẩm' },
  { name: 'Mã nhóm sản phẩm', description: 'Mã định danh nhóm sản phẩm (Quyết định 148/QĐ-TTg)' },
  { name: 'Nhóm sản phẩm', description: 'Tên nhóm sản phẩm' },
  { name: 'Mã loại hình chủ thể', description: 'Mã định danh loại hình chủ thể' },
  { name: 'Loại hình chủ thể', description: 'Tên loại hình chủ thể' },
  { name: 'Tên chủ thể', description: 'Tên tổ chức hoặc cá nhân sản xuất; trống khi chủ thể không đồng ý công khai' },
  { name: 'Đợt', description: 'Đợt đăng ký; trống khi đăng ký sau đợt cuối' },
] as const;

/**
 * A cell quoted exactly when papaparse's unparse (quotes: false, `,`) quotes it, so the file stays
 * byte for byte what it was: a delimiter, quote, line break or BOM inside, or a space at either end.
 */
export function csvCell(value: string): string {
  const quote = NEEDS_QUOTES.test(value) || value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32;
  return quote ? `"${value.replaceAll('"', '""')}"` : value;
}
const NEEDS_QUOTES = /[,"\r\n\uFEFF]/;
/** A cell that neither neutraliseStart nor csvCell changes: no formula start, nothing to quote, no space at either end. */
const PLAIN_CELL = /^(?![=+\-@\t\r ])[^,"\r\n\uFEFF]*(?<! )$/;

/** The list as CSV: UTF-8 with BOM, CRLF, Vietnamese headers, cells neutralised against formulas. */
export function publicListCsv(list: PublicList, labels: PublicLabels): string {
  return [...publicListCsvParts(list, labels)].join('');
}

/** publicListCsv in pieces (the header, then a row each), for writing a large list without holding its whole text. */
export function* publicListCsvParts(list: PublicList, labels: PublicLabels): Generator<string> {
  // Nearly every cell is plain (one regex says so); the others are neutralised and quoted.
  const cell = (value: string) => (PLAIN_CELL.test(value) ? value : csvCell(neutraliseStart(value)));
  // A value-set slug and its label, the two cells side by side, made once per slug.
  const slugAndLabel = (items: readonly { slug: string; label: string }[]) => {
    const map = new Map(items.map((i) => [i.slug, `${cell(i.slug)},${cell(i.label)}`]));
    return (slug: string) => map.get(slug) ?? `${cell(slug)},${cell(slug)}`;
  };
  const [group, type] = [slugAndLabel(labels.productGroups), slugAndLabel(labels.producerTypes)];
  const roundLabels = new Map(labels.rounds.map((r) => [r.slug, cell(r.label)]));
  const round = (slug: string | null) => (slug == null ? '' : (roundLabels.get(slug) ?? cell(slug)));
  yield `\uFEFF${PUBLIC_CSV_COLUMNS.map((c) => csvCell(c.name)).join(',')}\r\n`;
  let rows = 0;
  for (const c of list.communes) {
    if (c.products.length === 0) continue;
    const commune = `${cell(c.slug)},${cell(c.name)},`;
    for (const p of c.products) {
      rows++;
      yield `${commune}${cell(p.receipt)},${cell(p.productName)},${group(p.productGroup)},${type(p.producerType)},${p.producerName === null ? '' : cell(p.producerName)},${round(p.round)}\r\n`;
    }
  }
  // Papaparse ended a list without products with a blank line; kept, so the file does not change.
  if (rows === 0) yield '\r\n';
}
