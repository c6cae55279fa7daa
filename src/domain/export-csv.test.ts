import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportCsvText, quoteCell } from './export-csv.ts';
import { EXPORT_COLUMNS, restoreCell, type RegistrationRecord } from './export-format.ts';

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
    expect(text.startsWith('\uFEFFMã hồ sơ,Thời điểm gửi,Thời điểm rà soát,Đợt,Trạng thái,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(exportCsvText([])).toBe('\uFEFF' + EXPORT_COLUMNS.map((c) => quoteCell(c.header)).join(',') + '\r\n');
  });

  it('neutralises formulas, quotes what needs it, and reads back to the same cells', () => {
    const rows = Papa.parse<string[]>(exportCsvText([record]).slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map((c) => c.header));
    const cells = Object.fromEntries(EXPORT_COLUMNS.map((c, i) => [c.key, rows[1]![i]!]));
    expect(cells.producerName).toBe(`'=cmd|" /C calc"!A0`);
    expect(cells.businessId).toBe("'+84");
    expect(cells.reviewedAt).toBe('');
    expect(cells.productName).toBe(' Cà phê ');
    expect(cells.description).toBe('dòng 1\r\ndòng "2"');
    expect(cells.supportNeeds).toBe('Bao bì, nhãn mác; -x');
    expect(cells.consentPublishName).toBe('không');
    expect(restoreCell(cells.producerName!)).toBe(record.producerName);
  });

  it('quotes only cells with a delimiter, a quote, a line break or edge spaces', () => {
    expect(quoteCell('abc')).toBe('abc');
    expect(quoteCell('a,b')).toBe('"a,b"');
    expect(quoteCell('a"b')).toBe('"a""b"');
    expect(quoteCell('a\nb')).toBe('"a\nb"');
    expect(quoteCell(' a')).toBe('" a"');
    expect(quoteCell('')).toBe('');
  });
});
