// Rows packed by the worker and opened by the registry: exactly the rows as counted, or refused
// when their strings or columns do not add up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountedRow } from './outcome-table.ts';
import { forEachRead, openPacked, rowPacker, type PackedRows } from './packed.ts';

/** Packed rows opened and visited, as rows (null when they do not add up). */
function unpackRows(packed: PackedRows, firstLine: number) {
  const read = openPacked(packed, firstLine);
  if (!read) return null;
  const rows: unknown[] = [];
  // The record is filled again for every row: each is copied.
  forEachRead(read, (row) => rows.push({ ...row }));
  return rows;
}

/** A row as counted, without problems. */
const counted = (
  line: number,
  key: number,
  status: CountedRow['status'],
  reviewedMs: number,
  published: CountedRow['published'],
): CountedRow => ({ line, key, status, reviewedMs, published, problems: [], blocked: false });

const published = {
  productName: 'Cà phê',
  productGroup: 'do-uong',
  producerType: 'ca-nhan',
  producerName: null,
  commune: 'quang-son',
  round: null,
  campaign: '2024',
  receipt: 'K7QM-3XPA',
};

describe("rowPacker and openPacked: the worker's packed rows", () => {
  it('are refused when their strings or columns do not add up to their flags', () => {
    const packer = rowPacker();
    packer.add(counted(0, 7, 'da-chon', NaN, published));
    const packed = packer.finish();
    expect(openPacked(packed, 2)).not.toBeNull();
    expect(openPacked({ ...packed, strings: 'K7QM-3XPA', count: 1 }, 2)).toBeNull();
    expect(
      openPacked({ ...packed, strings: `${packed.strings}\u0000x`, count: packed.count + 1 }, 2),
    ).toBeNull();
    expect(openPacked({ ...packed, keys: [] }, 2)).toBeNull();
    expect(openPacked({ ...packed, flags: [packed.flags[0]! | 7] }, 2)).toBeNull();
  });
  it('keep a row whose only string is empty (it joins to the same text as no string)', () => {
    const packer = rowPacker();
    const empty = {
      productName: '',
      productGroup: '',
      producerType: '',
      producerName: null,
      commune: '',
      round: null,
      campaign: '',
      receipt: '',
    };
    packer.add(counted(0, -1, null, NaN, null));
    packer.add(counted(1, 3, 'da-chon', 5, empty));
    expect(unpackRows(packer.finish(), 2)).toEqual([
      {
        line: 2,
        key: -1,
        status: null,
        reviewedMs: NaN,
        published: null,
        problems: [],
        blocked: false,
      },
      {
        line: 3,
        key: 3,
        status: 'da-chon',
        reviewedMs: 5,
        published: empty,
        problems: [],
        blocked: false,
      },
    ]);
  });
  it('unpack to exactly the rows as counted, whatever is null, missing or damaged', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ô', ',', '\n', '"', ' '), maxLength: 5 });
    const pub = fc.record({
      productName: text,
      productGroup: text,
      producerType: text,
      producerName: fc.option(text),
      commune: text,
      round: fc.option(text),
      campaign: text,
      receipt: text,
    });
    const row = fc.record({
      line: fc.nat(1000),
      key: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 2 ** 40 - 1 })),
      status: fc.option(fc.constantFrom('da-chon', 'chua-chon', 'rac', 'cho-ra-soat' as const)),
      reviewedMs: fc.oneof(fc.constant(NaN), fc.integer({ min: -1e13, max: 1e13 })),
      published: fc.option(pub),
      problems: fc.array(text, { maxLength: 2 }),
      blocked: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.nat(50), (rows, first) => {
        const packer = rowPacker();
        for (const r of rows) packer.add(r);
        const packed = structuredClone(packer.finish());
        expect(unpackRows(packed, first)).toEqual(
          rows.map((r) => ({ ...r, line: first + r.line })),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
