// The two quoting rules of quote.ts: which cells each quotes, and that any cell quoted by either
// reads back as itself through papaparse (the reference reader), in every reading the rule is for.
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { quoteForAnyReading, quoteLikePapaparse } from './quote.ts';

/** Text made of what matters to quoting: delimiters, quotes, line breaks, spaces, a BOM, letters. */
const tricky = fc.string({
  unit: fc.constantFrom(
    ',',
    ';',
    '\t',
    '"',
    '""',
    '\r',
    '\n',
    '\r\n',
    ' ',
    '\uFEFF',
    "'",
    'a',
    'ă',
  ),
  maxLength: 12,
});
const anyText = fc.oneof(tricky, fc.string(), fc.string({ unit: 'binary', maxLength: 12 }));

/** The cells papaparse reads from one row of quoted cells (a row of one empty cell reads as ['']). */
const readBack = (cells: string[], delimiter: string) =>
  Papa.parse<string[]>(cells.join(delimiter), { delimiter, newline: '\r\n' }).data[0];

describe('quoteForAnyReading (the export)', () => {
  it('quotes only cells with a delimiter of any reading, a quote, a line break or edge spaces', () => {
    expect(quoteForAnyReading('abc')).toBe('abc');
    expect(quoteForAnyReading('a,b')).toBe('"a,b"');
    expect(quoteForAnyReading('a;b')).toBe('"a;b"');
    expect(quoteForAnyReading('a\tb')).toBe('"a\tb"');
    expect(quoteForAnyReading('a"b')).toBe('"a""b"');
    expect(quoteForAnyReading('a\nb')).toBe('"a\nb"');
    expect(quoteForAnyReading(' a')).toBe('" a"');
    expect(quoteForAnyReading('a\u00a0')).toBe('"a\u00a0"');
    expect(quoteForAnyReading('')).toBe('');
  });
  it('reads back through papaparse as the same cells with a comma, a semicolon or a tab', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 2, maxLength: 3 }), (cells) => {
        const quoted = cells.map(quoteForAnyReading);
        for (const delimiter of [',', ';', '\t'])
          expect(readBack(quoted, delimiter)).toEqual(cells);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('quoteLikePapaparse (the public list)', () => {
  it("quotes a cell exactly when papaparse's unparse does", () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(quoteLikePapaparse(value)).toBe(Papa.unparse([[value]], { quotes: false }));
      }),
      { numRuns: 2000 },
    );
    expect(quoteLikePapaparse(' a')).toBe('" a"');
    expect(quoteLikePapaparse('a;b')).toBe('a;b');
  });
  it('reads back through papaparse as the same cells with a comma', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 2, maxLength: 3 }), (cells) => {
        expect(readBack(cells.map(quoteLikePapaparse), ',')).toEqual(cells);
      }),
      { numRuns: 2000 },
    );
  });
});
