// The fast path (fast-rows.ts) against its reference, papaparse as csv/read.ts runs it
// (`papaparseOnly`): the same rows, lines, damage and counts for any text, from the text or from its
// UTF-8 bytes. And the ranges the registry's byte checks read, with their doubled-quotes mark.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, utf8BytesSource, utf8File } from './decode.ts';
import { markDoubledQuotes, type RangeCells } from './cells.ts';
import { fastRows } from './fast-rows.ts';
import { textSource, type Delimiter } from './source.ts';
import {
  cellValues,
  csvLayoutOfPrefix,
  forEachDataRow,
  openCsv,
  openCsvSource,
  type CsvRowValues,
  type CsvStream,
} from './read.ts';

describe('the fast path against papaparse', () => {
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

  const rowsOf = (table: CsvStream) => {
    const rows: CsvRowValues[] = [];
    const read = table.forEachRow(({ cells, ...row }) =>
      rows.push({ ...row, cells: cellValues(cells) }),
    );
    const { header, headerLine, delimiter, newline } = table;
    return { header, headerLine, delimiter, newline, rows, read };
  };
  /**
   * A file's rows from its decoded text (decodeCsv, then openCsv): the text path, held to papaparse
   * above. (Not papaparse alone: Papa.parse takes a byte order mark off the start of its text, and
   * a second one, left after decoding took off the first, is a cell's text to both paths.)
   */
  const reference = (bytes: Uint8Array) => {
    const decoded = decodeCsv(bytes);
    return decoded.ok && decoded.encoding !== 'windows-1258' ? rowsOf(openCsv(decoded.text)) : null;
  };
  /** The same file read by the fast path from its bytes, cell by cell (utf8File, as the registry reads it). */
  const viaBytes = (bytes: Uint8Array) => {
    const file = utf8File(bytes);
    const layout = file && csvLayoutOfPrefix(file.prefix, file.whole);
    return file && layout ? rowsOf(openCsvSource(file.source, layout)) : null;
  };
  // Combining marks (NFC composes them), Greek next to them in the same lead bytes, astral characters,
  // byte order marks, spaces trim() removes, damaged quotes and every delimiter and line break.
  const unit = fc.constantFrom(
    'a',
    'Mã',
    ',',
    ';',
    '\t',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    ' ',
    '\u00a0',
    '\u3000',
    'Cà phê',
    'e\u0301',
    'a\u036f',
    'o\u0300\u0323',
    'Ͱ',
    '\u2126',
    '😀',
    '\ufeff',
    '"x,\ny"',
  );

  it('reads any file decodeCsv reads as UTF-8 from its bytes exactly as from its decoded text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 30 }),
        fc.constantFrom('', '\ufeff', '\ufeff\ufeff'),
        (text, bom) => {
          const bytes = new TextEncoder().encode(bom + text);
          const expected = reference(bytes);
          const got = viaBytes(bytes);
          // Only a file the bytes cannot be trusted for (a header longer than the prefix) is decoded whole.
          if (expected) expect(got).toEqual(expected);
          else expect(got).toBeNull();
        },
      ),
      { numRuns: 4000 },
    );
  });
});

describe('the ranges of a row', () => {
  const rangesOf = (text: string, bytes: boolean) => {
    const source = bytes ? utf8BytesSource(new TextEncoder().encode(text)) : textSource(text);
    const rows: { ranges: number[]; cells: string[] }[] = [];
    const read = fastRows(source, ',', '\r\n', (cells: RangeCells) =>
      rows.push({
        ranges: [...cells.ranges.subarray(0, 2 * cells.length)],
        cells: cellValues(cells),
      }),
    );
    return { rows, read };
  };
  it('marks the end of a quoted cell holding doubled quotes, and reads "" as "', () => {
    for (const bytes of [false, true])
      expect(rangesOf('a,"b""c","d"\r\n', bytes)).toEqual({
        rows: [
          { ranges: [0, 1, 3, markDoubledQuotes(7), 10, 11], cells: ['a', 'b"c', 'd'] },
          { ranges: [14, 14], cells: [''] },
        ],
        read: { end: 14, rows: 2 },
      });
  });
  it('stops at the start of a row it cannot vouch for, the rows before it read', () => {
    for (const bytes of [false, true]) {
      expect(rangesOf('a,b\r\n"c"d,e\r\nf', bytes).read).toEqual({ end: 5, rows: 1 });
      expect(rangesOf('a\r\n"open', bytes).read).toEqual({ end: 3, rows: 1 });
    }
    expect(rangesOf('', false)).toEqual({ rows: [], read: { end: 0, rows: 0 } });
  });
});
