// The database and its backups hold personal data: files the programs create are owner-only.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript } from '../support/process.ts';

const root = mkdtempSync(join(tmpdir(), 'ocop-private-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('file permissions', () => {
  it('creates DATA_DIR, the database and a backup readable by the owner only', () => {
    const dataDir = join(root, 'data');
    const added = runScript('scripts/editor.ts', ['add', 'canbo', '--password-stdin'], {
      env: { DATA_DIR: dataDir },
      input: 'mật khẩu đủ dài 2024\n',
    });
    expect(added.status, added.stderr).toBe(0);
    const backupFile = join(root, 'sao-luu', 'ocop.sqlite');
    const backedUp = runScript('scripts/backup.ts', [backupFile], { env: { DATA_DIR: dataDir } });
    expect(backedUp.status, backedUp.stderr).toBe(0);
    for (const path of [dataDir, join(dataDir, 'ocop.sqlite'), join(root, 'sao-luu'), backupFile]) {
      expect(statSync(path).mode & 0o077, path).toBe(0);
    }
  });
});
