// The registry's three output files: written with the list writers, and read back by the site
// build (loadPublicList, publicListFileText) as the same list and the same bytes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { makeRecord, seeded } from '../../../tests/registry/fixtures/people.ts';
import { exportCsvText } from '../../export/csv.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegistry, type RegistryRun } from '../../registry/node/run.ts';
import { publicListCsv, publicListJson } from '../list-files.ts';
import {
  CAMPAIGNS_JSON,
  loadProductCampaigns,
  LIST_CSV,
  LIST_JSON,
  REPORT_JSON,
  loadPublicList,
  publicListFileText,
  writeRegistryOutputs,
} from './outputs.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/registry/fixtures/readable');
const dir = mkdtempSync(join(tmpdir(), 'registry-outputs-'));
const registryDir = process.env.REGISTRY_DIR;
let run: RegistryRun;

beforeAll(() => {
  // Beside the fixtures, two chosen registrations sent after the last 2024 round (no round).
  const rnd = seeded(7);
  const late = [0, 1].map((i) => ({
    ...makeRecord(90_000 + i, rnd, { communes: ['dak-ha'], status: 'da-chon' }),
    submittedAt: '2024-07-10T09:00:00+07:00',
    reviewedAt: '2024-08-01T09:00:00+07:00',
    round: null,
  }));
  mkdirSync(join(dir, 'late'));
  writeFileSync(join(dir, 'late/muon.csv'), exportCsvText(late));
  const result = runRegistry({
    paths: [FIXTURES, join(dir, 'late')],
    now: new Date('2024-07-01T03:00:00Z'),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  run = result.run;
  writeRegistryOutputs(join(dir, 'out'), run);
});
afterAll(() => {
  if (registryDir === undefined) delete process.env.REGISTRY_DIR;
  else process.env.REGISTRY_DIR = registryDir;
  rmSync(dir, { recursive: true, force: true });
});

describe('writeRegistryOutputs', () => {
  it('writes the list as JSON and CSV with the list writers, and the private report with its files', () => {
    const read = (name: string) => readFileSync(join(dir, 'out', name), 'utf8');
    expect(run.list.communes.some((c) => c.products.length > 0)).toBe(true);
    expect(read(LIST_JSON)).toBe(publicListJson(run.list));
    expect(read(LIST_CSV)).toBe(publicListCsv(run.list, run.content));
    const report = JSON.parse(read(REPORT_JSON));
    expect(report.files).toEqual(JSON.parse(JSON.stringify(run.files)));
    expect(report.rows.length).toBe(run.report.rows.length);
  });
  it('is read back by the site build from REGISTRY_DIR: the same list, the files as written', () => {
    process.env.REGISTRY_DIR = join(dir, 'out');
    expect(loadPublicList()).toEqual(run.list);
    expect(publicListFileText(LIST_CSV)).toBe(publicListCsv(run.list, run.content));
    expect(publicListFileText(LIST_JSON)).toBe(publicListJson(run.list));
  });
  it("keeps each listed late product's campaign beside the list, for the site only", () => {
    const late = run.list.communes.flatMap((c) =>
      c.products.filter((p) => p.round === null).map((p) => p.receipt),
    );
    // The two late rows; the 2024 content has one campaign, so they are in it.
    expect(late.length).toBe(2);
    expect(Object.keys(run.campaigns)).toEqual(['2024']);
    expect([...run.campaigns['2024']!].sort()).toEqual([...late].sort());
    const written = JSON.parse(readFileSync(join(dir, 'out', CAMPAIGNS_JSON), 'utf8'));
    expect(written).toEqual(run.campaigns);
    process.env.REGISTRY_DIR = join(dir, 'out');
    const placed = loadProductCampaigns();
    expect([...placed.keys()].sort()).toEqual([...late].sort());
    expect(new Set(placed.values())).toEqual(new Set(['2024']));
  });
});
