// What the header line tells: the delimiter, and which column holds which field.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, matchColumns } from './header.ts';

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('"Địa chỉ (thôn, bon, buôn)";Xã;Đợt\r\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,2\t3\t4')).toBe('\t');
    expect(detectDelimiter('\n\n"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('only')).toBe(',');
  });
});

describe('matchColumns', () => {
  const names = new Map([
    ['receipt', ['Mã hồ sơ', 'receipt']],
    ['commune', ['Xã']],
  ] as const);
  it('matches regardless of case, diacritics, spacing and order; blank and unknown columns give null', () => {
    const m = matchColumns([' XA ', '', 'ma  ho so', 'Ghi chú riêng', 'Mã hồ sơ'], names);
    expect(m.keys).toEqual(['commune', null, 'receipt', null, null]);
    expect(m.unknown).toEqual(['Ghi chú riêng', 'Mã hồ sơ']);
  });
});
