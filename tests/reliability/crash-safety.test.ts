// Nothing is lost: the real service on a real database, killed with SIGKILL mid-stream and
// restarted, keeps every registration it acknowledged exactly once; backups taken under load restore.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/export/format.ts';
import { runLoad } from '../support/load.ts';
import {
  freePort,
  runScript,
  startServiceProcess,
  type ServiceProcess,
} from '../support/process.ts';
import { ROOT } from '../support/server.ts';

const PASSWORD = 'mật khẩu thử nghiệm dài';
const dirs: string[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-crash-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function addEditor(dataDir: string) {
  const r = runScript('scripts/editor.ts', ['add', 'kiemtra', '--password-stdin'], {
    env: { DATA_DIR: dataDir },
    input: PASSWORD + '\n',
  });
  expect(r.status, r.stderr).toBe(0);
}

/** Receipts in the export, with how many times each appears. */
async function exportedReceipts(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/api/registrations.csv`, {
    headers: { Authorization: 'Basic ' + Buffer.from(`kiemtra:${PASSWORD}`).toString('base64') },
  });
  expect(res.status).toBe(200);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  const rows = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
  }).data;
  const counts = new Map<string, number>();
  for (const row of rows) {
    const receipt = row[EXPORT_COLUMNS[0]!.header]!;
    counts.set(receipt, (counts.get(receipt) ?? 0) + 1);
  }
  return counts;
}

function integrity(file: string): string {
  const db = new DatabaseSync(file, { readOnly: true });
  try {
    return String(
      (db.prepare('PRAGMA integrity_check').get() as Record<string, unknown>).integrity_check,
    );
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it('keeps every acknowledged registration exactly once across repeated SIGKILLs', async () => {
    const dataDir = newDataDir();
    addEditor(dataDir);
    const port = await freePort();
    let svc: ServiceProcess = await startServiceProcess({ DATA_DIR: dataDir }, port);
    let stop = false;
    const load = runLoad(
      () => svc.url,
      24,
      () => stop,
      'crash',
    );
    for (let kill = 0; kill < 4; kill++) {
      await sleep(500 + Math.random() * 500);
      await svc.stop('SIGKILL');
      svc = await startServiceProcess({ DATA_DIR: dataDir }, port);
    }
    await sleep(500);
    stop = true;
    const result = await load;
    expect(result.acknowledged.size).toBeGreaterThan(100);
    expect(result.failures).toBeGreaterThan(0); // the kills really interrupted requests

    const exported = await exportedReceipts(svc.url);
    const missing = [...result.acknowledged.values()].filter((r) => !exported.has(r));
    const repeated = [...exported].filter(([, n]) => n > 1);
    expect(missing).toEqual([]);
    expect(repeated).toEqual([]);
    expect(exported.size).toBe(result.acknowledged.size);
    await svc.stop();
    expect(integrity(join(dataDir, 'ocop.sqlite'))).toBe('ok');
  }, 120_000);

  it('takes consistent backups under load, and a backup restores', async () => {
    const dataDir = newDataDir();
    addEditor(dataDir);
    const svc = await startServiceProcess({ DATA_DIR: dataDir });
    let stop = false;
    const load = runLoad(
      () => svc.url,
      16,
      () => stop,
      'backup',
    );
    await sleep(700);
    const backupFile = join(newDataDir(), 'sao-luu.sqlite');
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts/backup.ts'), backupFile],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir } },
    );
    await sleep(500);
    stop = true;
    await load;
    const live = await exportedReceipts(svc.url);
    await svc.stop();
    expect(stderr).not.toMatch(/error/i);
    expect(integrity(backupFile)).toBe('ok');

    const restoredDir = newDataDir();
    copyFileSync(backupFile, join(restoredDir, 'ocop.sqlite'));
    const restored = await startServiceProcess({ DATA_DIR: restoredDir });
    const fromBackup = await exportedReceipts(restored.url);
    await restored.stop();
    expect(fromBackup.size).toBeGreaterThan(0);
    expect(fromBackup.size).toBeLessThanOrEqual(live.size);
    expect([...fromBackup.keys()].filter((r) => !live.has(r))).toEqual([]);
  }, 120_000);
});
