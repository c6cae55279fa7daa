// The review search's folding: what a person types finds the stored text whatever the accents, case, dash or tone-mark placement.
import { describe, expect, it } from 'vitest';
import { SEARCH_MAX_WORDS, searchText, searchWords } from './search-text.ts';

/** True when every word of the query is in the registration's text, as the SQL (instr) checks it. */
const finds = (query: string, receipt: string, product: string, producer: string) =>
  searchWords(query).every((w) => searchText(receipt, product, producer).includes(w));

describe('searchWords and searchText', () => {
  it('find a product or producer without accents, in any case, with đ as d, either tone-mark placement, NFD', () => {
    expect(finds('ca phe', 'ABCD-EFGH', 'Cà phê bột', 'HTX A')).toBe(true);
    expect(finds('CÀ  PHÊ', 'ABCD-EFGH', 'Cà phê bột', 'HTX A')).toBe(true);
    expect(finds('dak', 'ABCD-EFGH', 'Mật ong', 'Hộ ông Đắk')).toBe(true);
    expect(finds('quảng hòa', 'ABCD-EFGH', 'Mật ong', 'HTX Quảng Hoà')).toBe(true);
    expect(finds('Cà phê'.normalize('NFD'), 'ABCD-EFGH', 'Cà phê', 'HTX')).toBe(true);
    expect(finds('phe bot', 'ABCD-EFGH', 'Cà phê bột', 'HTX')).toBe(true);
  });

  it('find a receipt with or without its dash, in any case, or by its first half', () => {
    for (const q of ['ABCD-EFGH', 'abcdefgh', 'abcd efgh', 'abcd'])
      expect(finds(q, 'ABCD-EFGH', 'Mật ong', 'HTX'), q).toBe(true);
  });

  it('need every word, and match nothing across two fields', () => {
    expect(finds('ca phe tra', 'ABCD-EFGH', 'Cà phê', 'HTX')).toBe(false);
    expect(finds('efgh ca', 'ABCD-EFGH', 'Cà phê', 'HTX')).toBe(true);
    expect(searchText('ABCD-EFGH', 'Cà phê', 'HTX').includes('phe htx')).toBe(false);
  });

  it('keep a bounded number of distinct words; nothing typed is no search', () => {
    expect(searchWords('a b c d e f g h i j k a')).toHaveLength(SEARCH_MAX_WORDS);
    expect(searchWords('ca ca ca')).toEqual(['ca']);
    expect(searchWords('   ')).toEqual([]);
  });
});
