// node/parallel.ts and its worker (node/worker.ts): a large file read by two threads gives exactly
// what one thread gives (every cut, every messy fixture), and runRegistry with them too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCsvText } from '../../export/csv.ts';
import { readRegistryFile } from '../file.ts';
import { buildRegistry } from '../build.ts';
import { readSiteContent } from '../../domain/content-files-node.ts';
import {
  findCut,
  PARALLEL_MIN_BYTES,
  parallelMinBytes,
  readRegistryFileInParallel,
  SplitFailed,
} from './parallel.ts';
import { runRegistry } from './run.ts';
import { makeRecord, seeded } from '../../../tests/registry/fixtures/people.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/registry/fixtures');
const content = readSiteContent();
const ctx = {
  sets: content,
  rounds: content.rounds.map((r) => ({ slug: r.slug, label: r.label, deadline: r.deadline })),
  communes: content.communes,
};
const now = new Date('2024-07-01T03:00:00Z');
const tmp = mkdtempSync(join(tmpdir(), 'registry-parallel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An export with a damaged tail end, blank rows and a duplicate, so the parts meet every kind of row. */
function messyExport(strayQuote = false): Uint8Array {
  const rnd = seeded(11);
  const records = Array.from({ length: 60 }, (_, i) =>
    makeRecord(i, rnd, { communes: content.communes.map((c) => c.slug) }),
  );
  const [header, ...lines] = exportCsvText(records).split('\r\n');
  lines.splice(20, 0, '', ',,,', lines[5]!);
  lines.splice(40, 0, lines[41]!.replace(/,da-chon,|,cho-ra-soat,/, ',"sai ""trạng thái"""x,'));
  // A stray quote in an unquoted cell, then quoted cells holding line breaks: counting quotes alone
  // now cuts inside a quoted cell, which the first part must find out.
  if (strayQuote) lines[0] = lines[0]!.replace(/^[^,]*/, (receipt) => `${receipt}"`);
  for (let k = 9; k < lines.length; k += 3)
    lines[k] = lines[k]!.replace('Sản xuất từ', 'Sản xuất\r\ntừ');
  return new TextEncoder().encode([header, ...lines].join('\r\n') + '\r\n"K7QM-3XPA,cắt cụt');
}

const run = (source: ReturnType<typeof readRegistryFile>) => {
  if (!source?.ok) throw new Error('unreadable');
  return {
    ...buildRegistry([{ file: 'x.csv', rows: source.rows }], ctx, 'now'),
    info: source.info,
  };
};

describe('parallelMinBytes', () => {
  it('reads by two threads from four cores up, or as REGISTRY_THREADS says', () => {
    expect(parallelMinBytes({}, 2)).toBeUndefined();
    expect(parallelMinBytes({}, 4)).toBe(PARALLEL_MIN_BYTES);
    expect(parallelMinBytes({ REGISTRY_THREADS: '2' }, 2)).toBe(PARALLEL_MIN_BYTES);
    expect(parallelMinBytes({ REGISTRY_THREADS: '1' }, 8)).toBeUndefined();
  });
});

describe('readRegistryFileInParallel', () => {
  it('cuts only after a line feed with an even count of quotes before it', () => {
    const bytes = new TextEncoder().encode('a,"b\nc"\nd\ne');
    expect(findCut(bytes, 3)).toBe(8);
    expect(findCut(bytes, 9)).toBe(10);
    expect(findCut(bytes, 10)).toBe(-1);
  });

  it('reads the same rows, lines, problems and blank rows as one thread, wherever the file is cut', () => {
    for (const strayQuote of [false, true]) {
      const bytes = messyExport(strayQuote);
      const whole = run(readRegistryFile('x.csv', bytes));
      let [cuts, failed] = [0, 0];
      for (let at = 200; at < bytes.length; at += Math.floor(bytes.length / 23)) {
        const parallel = readRegistryFileInParallel('x.csv', bytes, ctx, at);
        if (!parallel) continue;
        try {
          expect(run(parallel)).toEqual(whole);
          cuts++;
        } catch (err) {
          if (!(err instanceof SplitFailed)) throw err;
          failed++; // runRegistry then reads the file whole
        }
      }
      if (strayQuote) expect(failed).toBeGreaterThan(0);
      else expect(cuts).toBeGreaterThan(15);
    }
  });

  it('gives runRegistry the same result with two threads as with one, for every messy fixture and a large export', () => {
    writeFileSync(join(tmp, 'lon.csv'), messyExport());
    writeFileSync(join(tmp, 'lech.csv'), messyExport(true));
    for (const paths of [
      [join(FIXTURES, 'readable')],
      [join(tmp, 'lon.csv')],
      [join(tmp, 'lech.csv')],
    ]) {
      const one = runRegistry({ paths, now });
      const two = runRegistry({ paths, now, parallelMinBytes: 0 });
      expect(two).toEqual(one);
    }
    expect(readFileSync(join(tmp, 'lon.csv')).length).toBeGreaterThan(1000);
  });
});
