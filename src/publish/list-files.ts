/**
 * The public list's two open-data files, written as the registry command and the site build
 * publish them: JSON (compact, the schema's keys in order) and CSV (UTF-8 with BOM, CRLF,
 * Vietnamese headers, cells neutralised against formulas). Both stream one piece at a time, so
 * 40,000 products are never held as one text. The CSV is written by hand, a fast path; its
 * reference, papaparse's unparse as it first wrote the file, is kept in list-files.test.ts.
 */
import { quoteLikePapaparse } from '../csv/quote.ts';
import { neutraliseStart } from '../export/format.ts';
import type { PublicList } from '../registry/public-list.ts';

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
  for (let i = 0; i < communes.length; i++)
    yield i === 0 ? JSON.stringify(communes[i]) : `,${JSON.stringify(communes[i])}`;
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
  {
    name: 'Tên chủ thể',
    description: 'Tên tổ chức hoặc cá nhân sản xuất; trống khi chủ thể không đồng ý công khai',
  },
  { name: 'Đợt', description: 'Đợt đăng ký; trống khi đăng ký sau đợt cuối' },
] as const;

/** A cell that neither neutraliseStart nor quoteLikePapaparse changes: no formula start, nothing to quote, no space at either end. */
const PLAIN_CELL = /^(?![=+\-@\t\r ])[^,"\r\n\uFEFF]*(?<! )$/;

/** The list as CSV: UTF-8 with BOM, CRLF, Vietnamese headers, cells neutralised against formulas. */
export function publicListCsv(list: PublicList, labels: PublicLabels): string {
  return [...publicListCsvParts(list, labels)].join('');
}

/** publicListCsv in pieces (the header, then a row each), for writing a large list without holding its whole text. */
export function* publicListCsvParts(list: PublicList, labels: PublicLabels): Generator<string> {
  // Nearly every cell is plain (one regex says so); the others are neutralised and quoted.
  const cell = (value: string) =>
    PLAIN_CELL.test(value) ? value : quoteLikePapaparse(neutraliseStart(value));
  // A value-set slug and its label, the two cells side by side, made once per slug.
  const slugAndLabel = (items: readonly { slug: string; label: string }[]) => {
    const map = new Map(items.map((i) => [i.slug, `${cell(i.slug)},${cell(i.label)}`]));
    return (slug: string) => map.get(slug) ?? `${cell(slug)},${cell(slug)}`;
  };
  const [group, type] = [slugAndLabel(labels.productGroups), slugAndLabel(labels.producerTypes)];
  const roundLabels = new Map(labels.rounds.map((r) => [r.slug, cell(r.label)]));
  const round = (slug: string | null) =>
    slug == null ? '' : (roundLabels.get(slug) ?? cell(slug));
  yield `\uFEFF${PUBLIC_CSV_COLUMNS.map((c) => quoteLikePapaparse(c.name)).join(',')}\r\n`;
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
