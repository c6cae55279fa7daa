// A NUL stored in one registration (before control characters were refused) costs that row only:
// the registry rejects it with its line and publishes every other row of the file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsv } from '../../src/export/csv.ts';
import { makeRecord, seeded } from './fixtures/people.ts';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'registry-nul-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an export holding a NUL in one row', () => {
  it('rejects that row, names its line, and publishes the others', () => {
    const rnd = seeded(13);
    const records = Array.from({ length: 4 }, (_, i) =>
      makeRecord(i, rnd, { communes: ['quang-son', 'dak-som'], status: 'da-chon' }),
    );
    records[2] = { ...records[2]!, supportNeeds: ['\u0000=1+1'] };
    const file = join(dir, 'xuat-co-nul.csv');
    writeFileSync(file, exportCsv(records));
    expect(readFileSync(file).includes(0)).toBe(true);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/registry.ts'), file, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'bao-cao.json'), 'utf8'));
    expect(report).toMatchObject({ read: 4, published: 3, rejected: 1 });
    // The header is line 1: the third record is on line 4.
    expect(report.rows).toEqual([
      expect.objectContaining({
        file: expect.stringContaining('xuat-co-nul.csv'),
        line: 4,
        receipt: records[2]!.receipt,
        problems: [expect.stringContaining('ký tự điều khiển')],
      }),
    ]);
    const published = JSON.parse(
      readFileSync(join(out, 'danh-sach-ocop.json'), 'utf8'),
    ).communes.flatMap((c: { products: { receipt: string }[] }) =>
      c.products.map((p) => p.receipt),
    );
    expect(published.sort()).toEqual([0, 1, 3].map((i) => records[i]!.receipt).sort());
  });
});
