import fc from 'fast-check';
import type { RegistrationRecord } from '../domain/registration.ts';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { trickyCell } from '../../tests/support/tricky-cells.ts';
import { quoteForAnyReading as quoteCell } from '../csv/quote.ts';
import { exportCsv, exportCsvText } from './csv.ts';
import { EXPORT_COLUMNS, restoreCell } from './format.ts';

const record: RegistrationRecord = {
  receipt: 'ABCD-EFGH',
  submittedAt: '2024-03-20T10:00:00+07:00',
  reviewedAt: null,
  round: '2024-dot-1',
  status: 'cho-ra-soat',
  reviewNote: '',
  producerName: '=cmd|" /C calc"!A0',
  producerType: 'hop-tac-xa',
  representative: 'Nguyễn Thị Hoà',
  phone: '0912345678',
  email: '',
  commune: 'quang-hoa',
  address: 'Thôn 1, bon Ja Ráh',
  businessId: '+84',
  productName: ' Cà phê ',
  productGroup: 'thuc-pham',
  productStage: 'da-co',
  description: 'dòng 1\r\ndòng "2"',
  supportNeeds: ['Bao bì, nhãn mác', '-x'],
  consentProcessing: true,
  consentPublishName: false,
};

describe('export CSV', () => {
  it('is UTF-8 with BOM, CRLF line ends, the Vietnamese header row', () => {
    const bytes = exportCsv([record]);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = exportCsvText([record]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
    expect(text.startsWith('\uFEFFMã hồ sơ,Thời điểm gửi,Thời điểm rà soát,Đợt,Trạng thái,')).toBe(
      true,
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(exportCsvText([])).toBe(
      '\uFEFF' + EXPORT_COLUMNS.map((c) => quoteCell(c.header)).join(',') + '\r\n',
    );
  });

  it('neutralises formulas, quotes what needs it, and reads back to the same cells', () => {
    const rows = Papa.parse<string[]>(exportCsvText([record]).slice(1), {
      newline: '\r\n',
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const cells = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.key, rows[1]![i]!]));
    expect(cells.producerName).toBe(`'=cmd|" /C calc"!A0`);
    expect(cells.businessId).toBe("'+84");
    expect(cells.reviewedAt).toBe('');
    expect(cells.productName).toBe(' Cà phê ');
    expect(cells.description).toBe('dòng 1\r\ndòng "2"');
    expect(cells.supportNeeds).toBe("Bao bì, nhãn mác;' -x");
    expect(restoreCell(cells.supportNeeds!)).toBe('Bao bì, nhãn mác; -x');
    expect(cells.consentPublishName).toBe('không');
    expect(restoreCell(cells.producerName!)).toBe(record.producerName);
  });
});

/** What a spreadsheet shows in each cell of a row read with this delimiter (papaparse reads quotes as Excel does). */
const readingOf = (text: string, delimiter: string) =>
  Papa.parse<string[]>(text, { delimiter, newline: '\r\n', skipEmptyLines: true }).data;
const FORMULA = /^[=+\-@\t\r]/;
/** In another reading the row's own line break may land at a cell's start: what matters is a formula after it. */
const FORMULA_AFTER_SPACE = /^\s*[=+\-@]/;

describe('export CSV against formulas, in every reading', () => {
  it('guards "Trà;=1+1;x" in a semicolon reading too (Excel with Vietnamese regional settings)', () => {
    const text = exportCsvText([
      { ...record, producerName: 'HTX', productName: 'Trà;=1+1;x', description: 'a,@SUM(1)\n-2' },
    ]).slice(1);
    expect(text).toContain(`"Trà;'=1+1;x"`);
    for (const delimiter of [',', ';', '\t'])
      for (const cell of readingOf(text, delimiter).flat())
        expect(cell).not.toMatch(FORMULA_AFTER_SPACE);
  });

  it('leaves no cell that opens a formula in a comma, semicolon or tab reading, and reads back to the same text', () => {
    fc.assert(
      fc.property(fc.array(trickyCell, { minLength: 1, maxLength: 4 }), (values) => {
        const [productName, description = '', reviewNote = '', address = 'x'] = values;
        const text = exportCsvText([
          { ...record, productName: productName!, description, reviewNote, address },
        ]).slice(1);
        for (const delimiter of [';', '\t'])
          for (const cell of readingOf(text, delimiter).flat())
            expect(cell).not.toMatch(FORMULA_AFTER_SPACE);
        const row = readingOf(text, ',')[1]!;
        const cell = (key: string) => row[EXPORT_COLUMNS.findIndex((c) => c.key === key)]!;
        for (const cellText of row) expect(cellText).not.toMatch(FORMULA);
        expect(
          [cell('productName'), cell('description'), cell('reviewNote'), cell('address')].map(
            restoreCell,
          ),
        ).toEqual([productName, description, reviewNote, address]);
      }),
      { numRuns: 3000 },
    );
  });
});
