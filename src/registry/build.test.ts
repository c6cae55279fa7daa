import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegistry, countsAddUp } from './build.ts';

const sets = {
  communes: [
    { slug: 'quang-son', name: 'Quảng Sơn', gsoCode: '20899', aliases: [], order: 1 },
    { slug: 'dak-ha', name: 'Đắk Ha', gsoCode: '20905', aliases: ['Đăk Ha'], order: 2 },
  ],
  productGroups: [{ slug: 'thuc-pham', label: 'Thực phẩm' }],
  producerTypes: [{ slug: 'hop-tac-xa', label: 'Hợp tác xã' }],
};
const ctx = {
  sets,
  communes: sets.communes,
  rounds: [{ slug: '2024-dot-1', label: 'Đợt 1', deadline: '2024-03-25T00:00:00+07:00' }],
};
const base = {
  submittedAt: '2024-03-20T09:00:00+07:00',
  round: '2024-dot-1',
  producerName: 'HTX Quảng Sơn',
  producerType: 'hop-tac-xa',
  representative: 'Lê Văn Bình',
  phone: '0912345678',
  commune: 'quang-son',
  address: 'Thôn 2',
  productName: 'Cà phê',
  productGroup: 'thuc-pham',
  productStage: 'da-co',
  consentProcessing: 'có',
  consentPublishName: 'không',
};

describe('buildRegistry', () => {
  it('always counts every row exactly once, whatever the mix of receipts, statuses, reviews and damage', () => {
    const row = fc.record({
      receipt: fc.constantFrom('K7QM-3XPA', 'k7qm3xpa', 'ABCD-EFGH', 'SAI', ''),
      status: fc.constantFrom('da-chon', 'Đã chọn', 'cho-ra-soat', 'rac', '???', ''),
      reviewedAt: fc.constantFrom('', '2024-04-01T08:00:00+07:00', '02/04/2024 08:00', 'hôm qua'),
      commune: fc.constantFrom('quang-son', 'xã Đăk Ha', 'Hà Nội', ''),
      productName: fc.constantFrom('Cà phê', '', '=1+1'),
      phone: fc.constantFrom('0912345678', '912345678', 'abc'),
    });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 8 }), { maxLength: 4 }), (files) => {
        const input = files.map((rows, f) => ({
          file: `f${f}.csv`,
          rows: rows.map((r, i) => ({ line: i + 2, raw: { ...base, ...r } })),
        }));
        const { list, report } = buildRegistry(input, ctx, '2024-07-01T00:00:00+07:00');
        expect(countsAddUp(report)).toBe(true);
        expect(report.read).toBe(files.flat().length);
        const receipts = list.communes.flatMap((c) => c.products.map((p) => p.receipt));
        expect(receipts.length).toBe(report.published);
        expect(new Set(receipts).size).toBe(receipts.length);
      }),
      { numRuns: 300 },
    );
  });

  it('publishes only whitelisted fields, and the name only with consent', () => {
    const { list } = buildRegistry(
      [
        {
          file: 'a.csv',
          rows: [
            {
              line: 2,
              raw: {
                ...base,
                receipt: 'K7QM-3XPA',
                status: 'da-chon',
                email: 'a@b.vn',
                description: 'bí mật',
                reviewNote: 'riêng',
              },
            },
          ],
        },
      ],
      ctx,
      'now',
    );
    expect(list.communes[0]!.products).toEqual([
      {
        receipt: 'K7QM-3XPA',
        productName: 'Cà phê',
        productGroup: 'thuc-pham',
        producerType: 'hop-tac-xa',
        producerName: null,
        round: '2024-dot-1',
      },
    ]);
    expect(list.communes[1]).toEqual({ slug: 'dak-ha', name: 'Đắk Ha', products: [] });
  });

  it('lets the latest review win, a readable review beating an unreadable one', () => {
    const rows = [
      {
        line: 2,
        raw: { ...base, receipt: 'K7QM-3XPA', status: 'da-chon', reviewedAt: '05/04/2024 10:00' },
      },
      {
        line: 3,
        raw: {
          ...base,
          receipt: 'K7QM-3XPA',
          status: 'chua-chon',
          reviewedAt: '2024-04-01T08:00:00+07:00',
        },
      },
      {
        line: 4,
        raw: { ...base, receipt: 'K7QM-3XPA', status: 'chua-chon', reviewedAt: 'hôm qua' },
      },
    ];
    const { report } = buildRegistry([{ file: 'a.csv', rows }], ctx, 'now');
    expect(report).toMatchObject({
      read: 3,
      published: 1,
      duplicates: 2,
      notPublic: 0,
      rejected: 0,
    });
  });

  it('checks the cells of a row only as far as its outcome needs: all of a chosen or rejected row, the review of the rest', () => {
    const raw = { ...base, receipt: 'K7QM-3XPA', phone: 'abc', reviewedAt: 'hôm qua' };
    const run = (status: string) =>
      buildRegistry([{ file: 'a.csv', rows: [{ line: 2, raw: { ...raw, status } }] }], ctx, 'now')
        .report;
    expect(run('cho-ra-soat')).toMatchObject({
      notPublic: 1,
      rows: [{ outcome: 'notPublic', problems: [expect.stringContaining('Thời điểm rà soát')] }],
    });
    expect(run('da-chon').rows[0]!.outcome).toBe('published');
    expect(run('da-chon').rows[0]!.problems.join(' ')).toMatch(
      /Thời điểm rà soát[\s\S]*Số điện thoại không đúng/,
    );
    expect(run('???')).toMatchObject({
      rejected: 1,
      rows: [
        {
          outcome: 'rejected',
          problems: [
            expect.stringContaining('Trạng thái "???"'),
            expect.stringContaining('Thời điểm rà soát'),
            expect.stringContaining('Số điện thoại'),
          ],
        },
      ],
    });
  });
});
