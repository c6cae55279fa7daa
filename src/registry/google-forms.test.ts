import { describe, expect, it } from 'vitest';
import { completeFormRow, deriveReceipt, parseFormMapping } from './google-forms.ts';

const row = {
  submittedAt: '25/03/2024 8:05:12',
  productName: 'Cà phê bột Quảng Sơn',
  phone: '0912345678',
  commune: 'Quảng Sơn',
};

describe('Google Forms mapping', () => {
  it('derives the same receipt from the same response, even re-saved by a spreadsheet', () => {
    const a = deriveReceipt(row);
    expect(a).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(
      deriveReceipt({
        ...row,
        submittedAt: '25/03/2024 08:05',
        phone: '912345678',
        productName: ' Cà phê bột Quảng Sơn'.normalize('NFD'),
      }),
    ).toBe(a);
    expect(deriveReceipt({ ...row, status: 'Đã chọn', reviewNote: 'x' } as typeof row)).toBe(a);
    expect(deriveReceipt({ ...row, productName: 'Cà phê hạt' })).not.toBe(a);
  });
  it('fills defaults and the receipt, keeping what the sheet has', () => {
    const mapping = { columns: {}, defaults: { status: 'cho-ra-soat' } } as const;
    expect(completeFormRow({ ...row, status: '' }, mapping)).toMatchObject({
      status: 'cho-ra-soat',
      receipt: deriveReceipt(row),
    });
    expect(
      completeFormRow({ ...row, status: 'Đã chọn', receipt: 'K7QM-3XPA' }, mapping),
    ).toMatchObject({ status: 'Đã chọn', receipt: 'K7QM-3XPA' });
  });
  it('explains a wrong mapping file', () => {
    expect(parseFormMapping('{')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not valid JSON'),
    });
    expect(parseFormMapping('{"columns":{"Tên":"tenSanPham"}}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"tenSanPham" is not a field key'),
    });
    expect(parseFormMapping('{"columns":{"Tên sản phẩm":"productName"}}')).toEqual({
      ok: true,
      mapping: { columns: { 'Tên sản phẩm': 'productName' }, defaults: {} },
    });
  });
});
