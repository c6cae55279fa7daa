/**
 * The authority that runs the campaign, as content: every word the site says about who it is
 * (name, area, brand, footer, consent, open data, calendar). Nothing here names a place: a district
 * in 2024 and a commune in 2027 are two content files of this one shape. The home page's wording is
 * an MDX file beside it (content/authority/trang-chu.mdx, src/domain/home-page.ts).
 */
import { z } from 'zod';

const text = () => z.string().trim().min(1);

export const authoritySchema = z.object({
  /** Full name, as it heads documents: "Ủy ban nhân dân huyện …". */
  name: text(),
  /** Short name used in sentences; the data controller in the consent: "UBND huyện …". */
  shortName: text(),
  /** The parent authority, if any: "Ủy ban nhân dân tỉnh …"; empty when none is shown. */
  parent: z.string().trim().default(''),
  /** The area it serves, as written after "của" / "trên địa bàn": "huyện …", "xã …". */
  area: text(),
  /** The province, as written: "tỉnh …". */
  province: text(),
  /** The header's brand line: "OCOP huyện …". */
  brand: text(),
  /** The end of every page title, after "|": "OCOP …". */
  titleSuffix: text(),
  /** The footer line of every page. */
  footer: text(),
  /** The word for a registration unit, lower case: "xã", "phường", "thôn", "xã, phường"; a campaign may set its own. */
  unitWord: text(),
  /** Who receives registrations in each unit, before the unit's name: "Ủy ban nhân dân xã"; empty: the contact page lists no unit offices. */
  unitOffice: z.string().trim().default(''),
  /** The in-person way to register, on the form page beside the phone: "Hoặc đến Ủy ban nhân dân xã nơi bạn sản xuất." */
  inPerson: text(),
  /** The consent boxes on the form; "{co-quan}" is replaced by shortName, the data controller. */
  consent: z.object({
    processing: text(),
    publishName: text(),
  }),
  /** The open-data package (datapackage.json). */
  openData: z.object({ title: text(), description: text() }),
  /** The name phones show for the deadline calendar (.ics). */
  calendarName: text(),
});

export type Authority = z.infer<typeof authoritySchema>;

/** A unit word as a label: "thôn" → "Thôn". */
export const capitalise = (word: string) => word.charAt(0).toLocaleUpperCase('vi') + word.slice(1);

/** A consent wording with the controller's name put in. */
export function consentText(authority: Authority, wording: string): string {
  return wording.replaceAll('{co-quan}', authority.shortName);
}

/** Text in plain ASCII, for places that take no diacritics (Basic realm, PRODID, identifiers). */
export function asciiText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9 .-]/g, '')
    .trim();
}
