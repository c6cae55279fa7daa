// The registry's three output files: written with the list writers, and read back by the site
// build (loadPublicList, publicListFileText) as the same list and the same bytes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRegistry, type RegistryRun } from '../../registry/node/run.ts';
import { publicListCsv, publicListJson } from '../list-files.ts';
import {
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
  const result = runRegistry({ paths: [FIXTURES], now: new Date('2024-07-01T03:00:00Z') });
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
});
