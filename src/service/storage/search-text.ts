/**
 * The review list's search: one folded text per registration (receipt with and
 * without its dash, product name, producer name; lower case, no diacritics,
 * đ → d), stored beside the row so SQLite finds "ca phe" in "Cà phê" with
 * instr() and no function call per row. A query is folded the same way and
 * split into words; a row matches when it holds every word.
 *
 * @example
 * searchText('NZQJ-HG3R', 'Cà phê bột', 'HTX Đắk') // "nzqjhg3r\nnzqj-hg3r\nca phe bot\nhtx dak"
 * searchWords('  Cà  PHÊ ') // ["ca", "phe"]
 */
import { fold } from '../../domain/text.ts';

/** Longest query kept, in characters; anything longer is cut (a receipt or a name fits well within). */
export const SEARCH_MAX_CHARS = 100;
/** At most this many words are matched; more narrows nothing a person types. */
export const SEARCH_MAX_WORDS = 8;

/** The stored folded text of a registration. */
export function searchText(receipt: string, productName: string, producerName: string): string {
  const code = receipt.toLowerCase();
  return [code.replace(/-/g, ''), code, fold(productName), fold(producerName)].join('\n');
}

/** The folded words of what a person typed ([] for nothing to search). */
export function searchWords(query: string): string[] {
  const words = fold(query.slice(0, SEARCH_MAX_CHARS)).split(' ').filter(Boolean);
  return [...new Set(words)].slice(0, SEARCH_MAX_WORDS);
}
