// The registry's outcome table: review times in ms, the columns, and the
// whole registry held to the rule it implements (a reference written with objects and a Map).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildRegistry, type Outcome } from './build.ts';
import { RECEIPT_ALPHABET, receiptKey } from '../domain/receipt.ts';
import { countReadRow, instantMs, newCountedRow, RowTable, STATUS_LIST } from './outcome-table.ts';
import { openPacked, rowPacker, type ReadRows } from './packed.ts';
import type { PublicFields, ReadRow } from './row.ts';
import { toVnIso } from '../domain/time.ts';

const receipt = fc
  .array(fc.constantFrom(...RECEIPT_ALPHABET), { minLength: 8, maxLength: 8 })
  .map((c) => `${c.slice(0, 4).join('')}-${c.slice(4).join('')}`);

describe('instantMs', () => {
  it('is Date.parse of a review time as the registry reads it, and NaN for none', () => {
    const instant = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2999-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const iso = toVnIso(d);
        expect(instantMs(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 3000 },
    );
    const two = fc.integer({ min: 0, max: 99 }).map((v) => String(v).padStart(2, '0'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        two,
        two,
        two,
        two,
        two,
        (y, mo, d, h, mi, s) => {
          const iso = `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
          expect(Object.is(instantMs(iso), Date.parse(iso))).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
    expect(instantMs(null)).toBeNaN();
    expect(instantMs('2024-03-25T08:05:00Z')).toBe(Date.parse('2024-03-25T08:05:00Z'));
  });
});

describe('RowTable', () => {
  it('gives back every row as added, through every growth', () => {
    const row = fc.record({
      file: fc.nat(9),
      line: fc.nat(100_000),
      key: fc.oneof(fc.constant(-1), receipt.map(receiptKey)),
      status: fc.option(fc.constantFrom(...STATUS_LIST)),
      reviewed: fc.oneof(fc.constant(NaN), fc.integer({ min: 0, max: 2e12 })),
      blocked: fc.boolean(),
      problems: fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), fc.constantFrom(1, 3, 64), (rows, room) => {
        const log = new RowTable(room);
        const record = newCountedRow();
        rows.forEach((r, i) => {
          Object.assign(record, {
            line: r.line,
            key: r.key,
            status: r.status,
            reviewedMs: r.reviewed,
            published: null,
            problems: r.problems,
            blocked: r.blocked,
          });
          expect(log.add(r.file, record)).toBe(i);
        });
        expect(log.length).toBe(rows.length);
        rows.forEach((r, i) => {
          expect([
            log.file[i],
            log.line[i],
            log.key[i],
            log.statusOf(i),
            log.reviewed[i],
            log.blocked[i] === 1,
          ]).toEqual([r.file, r.line, r.key, r.status, r.reviewed, r.blocked]);
          expect(log.problemsOf(i)).toEqual(r.problems);
          expect(log.publicOf(i)).toBeNull();
        });
      }),
      { numRuns: 100 },
    );
  });
});

// The registry's rule, as it was first written: each row an object, the winners in a Map.
interface Ref {
  file: string;
  line: number;
  order: number;
  read: ReadRow;
  damage?: string;
  outcome: Outcome;
}
function reference(
  files: { file: string; rows: { line: number; read: ReadRow; damage?: string }[] }[],
) {
  const newer = (a: Ref, b: Ref) => {
    const [x, y] = [a.read.reviewedAt, b.read.reviewedAt];
    if (x === y) return a.order > b.order;
    if (x === null) return false;
    if (y === null) return true;
    return Date.parse(x) > Date.parse(y);
  };
  const all: Ref[] = [];
  const winners = new Map<string, Ref>();
  for (const f of files)
    for (const r of f.rows) {
      const row: Ref = {
        file: f.file,
        line: r.line,
        order: all.length,
        read: r.read,
        damage: r.damage,
        outcome: 'rejected',
      };
      all.push(row);
      if (!r.read.receipt) continue;
      const current = winners.get(r.read.receipt);
      if (!current) winners.set(r.read.receipt, row);
      else if (newer(row, current))
        ((current.outcome = 'duplicate'), winners.set(r.read.receipt, row));
      else row.outcome = 'duplicate';
    }
  const published: (PublicFields & { receipt: string })[] = [];
  for (const [receipt, row] of winners) {
    const blocked = row.damage !== undefined || row.read.blocking.length > 0;
    const pub = row.read.status === 'da-chon' ? row.read.publicFields : null;
    if (blocked) row.outcome = 'rejected';
    else if (pub) ((row.outcome = 'published'), published.push({ ...pub, receipt }));
    else row.outcome = 'notPublic';
  }
  const rows = [];
  for (const row of all) {
    let problems = row.damage ? [row.damage, ...row.read.problems] : row.read.problems;
    if (row.outcome === 'duplicate') {
      const final = winners.get(row.read.receipt!)!;
      problems = [
        `Trùng mã hồ sơ với ${final.file} dòng ${final.line}; bản đó được dùng (rà soát mới nhất, hoặc đọc sau nếu bằng nhau)`,
        ...problems,
      ];
    }
    const quietSpam = row.outcome === 'notPublic' && row.read.status === 'rac';
    if (problems.length > 0 && !quietSpam)
      rows.push({
        file: row.file,
        line: row.line,
        receipt: row.read.receipt,
        outcome: row.outcome,
        problems,
      });
  }
  const count = (o: Outcome) => all.filter((r) => r.outcome === o).length;
  return {
    read: all.length,
    published: count('published'),
    notPublic: count('notPublic'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    rows,
    publishedReceipts: published.map((p) => p.receipt).sort(),
  };
}

describe('buildRegistry', () => {
  const communes = [
    { slug: 'a', name: 'A' },
    { slug: 'b', name: 'B' },
  ];
  const ctx = {
    sets: { communes: [], productGroups: [], producerTypes: [] },
    communes,
    rounds: [],
  };
  const fields = fc.record({
    productName: fc.constantFrom('Cà phê', 'Mật ong'),
    productGroup: fc.constant('g'),
    producerType: fc.constant('t'),
    producerName: fc.option(fc.constant('HTX')),
    commune: fc.constantFrom('a', 'b'),
    round: fc.option(fc.constant('r')),
    campaign: fc.constantFrom('', 'k'),
  });
  const read: fc.Arbitrary<ReadRow> = fc.record({
    receipt: fc.option(fc.constantFrom('K7QM-3XPA', 'ABCD-EFGH', '2345-6789', 'ZZZZ-ZZZZ')),
    status: fc.option(
      fc.constantFrom('da-chon', 'cho-ra-soat', 'chua-chon', 'rac') as fc.Arbitrary<
        ReadRow['status'] & string
      >,
    ),
    reviewedAt: fc.option(
      fc.constantFrom(
        '2024-04-01T08:00:00+07:00',
        '2024-04-01T08:00:01+07:00',
        '2024-03-31T23:59:59+07:00',
        '2024-04-30T10:00:00+07:00',
      ),
    ),
    publicFields: fc.option(fields),
    problems: fc.constantFrom([], ['Số điện thoại không đúng']),
    blocking: fc.constantFrom([], ['Thiếu tên sản phẩm']),
  });
  const row = fc.record({
    read,
    damage: fc.option(fc.constant('Dòng bị hỏng'), { nil: undefined }),
  });

  it('gives every row the outcome the reference gives it, and reports the same rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 12 }), { maxLength: 3 }), (parts) => {
        const files = parts.map((rows, f) => ({
          file: `f${f}.csv`,
          rows: rows.map((r, i) => ({
            line: i + 2,
            read: r.read,
            ...(r.damage ? { damage: r.damage } : {}),
          })),
        }));
        // Each file's rows as counted, handed over as another thread hands them (packed).
        const input = files.map((f) => {
          const packer = rowPacker();
          const record = newCountedRow();
          for (const r of f.rows) packer.add(countReadRow(record, r.line, r.read, r.damage));
          const counted = openPacked(structuredClone(packer.finish()), 0)!;
          return {
            file: f.file,
            rows: {
              forEach: (_visit: unknown, visitRead?: (rows: ReadRows) => void) =>
                visitRead!(counted),
            },
          };
        });
        const { list, report } = buildRegistry(input, ctx, 'now');
        const { publishedReceipts, ...expected } = reference(files);
        expect(report).toEqual(expected);
        expect(list.communes.flatMap((c) => c.products.map((p) => p.receipt)).sort()).toEqual(
          publishedReceipts,
        );
      }),
      { numRuns: 1000 },
    );
  });
});
