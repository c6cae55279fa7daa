// The reference reader (papaparse behind csv/read.ts); fast-rows.test.ts holds the fast path to it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './read.ts';

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
