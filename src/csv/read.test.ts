import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellValues,
  detectDelimiter,
  forEachDataRow,
  matchColumns,
  readCsv,
  textSource,
  type CsvRowValues,
  type Delimiter,
} from './read.ts';
import { utf8BytesSource } from './decode.ts';

describe('detectDelimiter', () => {
  it('picks the delimiter of the header line, ignoring quoted text', () => {
    expect(detectDelimiter('"Địa chỉ (thôn, bon, buôn)";Xã;Đợt\r\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1,2\t3\t4')).toBe('\t');
    expect(detectDelimiter('\n\n"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('only')).toBe(',');
  });
});

describe('readCsv', () => {
  it('reads CRLF, quoted newlines and skips blank rows, numbering rows as a spreadsheet does', () => {
    const t = readCsv('A,B\r\n1,"hai\r\ndòng"\r\n,\r\n\r\n3,4\r\n');
    expect(t.header).toEqual(['A', 'B']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'hai\r\ndòng'] },
      { line: 5, cells: ['3', '4'] },
    ]);
    expect(t.blankRows).toBe(2);
  });
  it('marks a row cut inside a quoted cell as damaged', () => {
    const t = readCsv('A,B\n1,2\n3,"mô tả bị cắt');
    expect(t.rows[0]).toEqual({ line: 2, cells: ['1', '2'] });
    expect(t.rows[1]).toMatchObject({ line: 3, damage: expect.stringContaining('cắt cụt') });
  });
  it('finds the header below leading blank lines', () => {
    const t = readCsv('\n;;\nX;Y\n1;2');
    expect(t).toMatchObject({
      delimiter: ';',
      headerLine: 3,
      header: ['X', 'Y'],
      rows: [{ line: 4, cells: ['1', '2'] }],
    });
  });
});

describe('readCsv a chunk at a time', () => {
  it('reads any text, damaged quotes included, exactly as in one piece, whatever the chunk size', () => {
    const unit = fc.constantFrom('a', 'ă', ',', ';', '"', '""', '\r\n', '\n', '\r', ' ', '');
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (text, chunk) => {
          expect(readCsv(text, chunk)).toEqual(readCsv(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the fast row reader', () => {
  const read = (
    text: string,
    delimiter: Delimiter,
    newline: string,
    chunkSize: number,
    papaparseOnly: boolean,
    bytes = false,
  ) => {
    const rows: CsvRowValues[] = [];
    const source = bytes ? utf8BytesSource(new TextEncoder().encode(text)) : textSource(text);
    const result = forEachDataRow(
      source,
      { delimiter, newline, chunkSize, papaparseOnly },
      0,
      3,
      ({ cells, ...row }) => rows.push({ ...row, cells: cellValues(cells) }),
    );
    return { rows, result };
  };
  it('reads any text, damaged quotes included, exactly as papaparse does, from the text or from its UTF-8 bytes', () => {
    const unit = fc.constantFrom(
      'a',
      'ă',
      'Đắk',
      '😀',
      ',',
      ';',
      '\t',
      '"',
      '""',
      '\r\n',
      '\n',
      '\r',
      ' ',
      '',
      '"a"',
      '"\n"',
      '"ô\r"',
    );
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 60 }),
        fc.constantFrom<Delimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 12 }),
        (text, delimiter, newline, chunk) => {
          const papaparse = read(text, delimiter, newline, chunk, true);
          expect(read(text, delimiter, newline, chunk, false)).toEqual(papaparse);
          expect(read(text, delimiter, newline, chunk, false, true)).toEqual(papaparse);
        },
      ),
      { numRuns: 5000 },
    );
  });
  it('goes on after a damaged row in the middle exactly as papaparse reading the rest, whatever the window', () => {
    // Well-formed rows around damaged ones (a quote after a closed quote, a quote inside a cell,
    // an unclosed quote), byte order marks and combining marks inside.
    const good = fc
      .array(
        fc.oneof(
          fc.constantFrom('a', 'ô', 'e\u0301', '\ufeff', ' ', ''),
          fc.constant('"q,\r\nr""s"'),
        ),
        { maxLength: 3 },
      )
      .map((cells) => cells.join(','));
    const bad = fc.constantFrom('"a"b,c', 'x"y,"z', '"un,closed', 'a,"b"\r\n"c', '"\ufeff"x"');
    const rows = fc.array(fc.oneof(good, good, bad), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        rows,
        fc.constantFrom('', '\r\n'),
        fc.integer({ min: 1, max: 40 }),
        (r, end, chunk) => {
          const text = `h1,h2\r\n${r.join('\r\n')}${end}`;
          expect(read(text, ',', '\r\n', chunk, false)).toEqual(
            read(text, ',', '\r\n', chunk, true),
          );
          if (!/[\u0300-\u036f]/.test(text))
            expect(read(text, ',', '\r\n', chunk, false, true)).toEqual(
              read(text, ',', '\r\n', chunk, true),
            );
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('reads well-formed rows of quoted cells with line breaks and quotes inside', () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'ô', ' ', "'"), maxLength: 4 }),
      fc
        .string({ unit: fc.constantFrom('a', ',', '"', '\r\n', '\n'), maxLength: 5 })
        .map((c) => `"${c.replaceAll('"', '""')}"`),
    );
    const csv = fc
      .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 6 })
      .map((rows) => rows.map((r) => r.join(',')).join('\r\n'));
    fc.assert(
      fc.property(csv, fc.boolean(), (text, endBreak) => {
        const t = endBreak ? `${text}\r\n` : text;
        expect(read(t, ',', '\r\n', 1 << 20, false)).toEqual(read(t, ',', '\r\n', 7, true));
      }),
      { numRuns: 2000 },
    );
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
