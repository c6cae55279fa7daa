// npm run retention as people run it (a child process with DATA_DIR and a fixed clock): the dry run lists what
// is past the period in content/privacy/retention.json and changes nothing; --apply erases exactly those, logs
// each as account "retention", and a second --apply finds nothing left.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/service/app.ts';
import { readConfig } from '../../src/service/config.ts';
import { runScript } from '../support/process.ts';
import { basic, validBody } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'ocop-retention-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const dataDir = join(root, 'data');
const retention = (...args: string[]) =>
  runScript('scripts/retention.ts', args, { env: { DATA_DIR: dataDir } });

describe('npm run retention', () => {
  it('lists, then erases, what is past its period; chosen ones are kept longer', async () => {
    let clock = new Date('2024-03-20T10:00:00+07:00');
    const app = createApp(
      { ...readConfig({}), dataDir, rateLimit: 0 },
      { log: () => {}, now: () => clock },
    );
    const receipts: Record<string, string> = {};
    try {
      await app.deps.accounts.add('huyen', 'mật khẩu đủ dài 123', null);
      for (const name of ['chosen', 'notChosen', 'late']) {
        if (name === 'late') clock = new Date('2024-08-01T08:00:00+07:00');
        const res = await app.request('/api/registrations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(validBody({ representative: `Người ${name}` })),
        });
        receipts[name] = ((await res.json()) as { receipt: string }).receipt;
      }
      const review = (receipt: string, status: string) =>
        app.request(`/api/registrations/${receipt}/status`, {
          method: 'POST',
          headers: { ...basic('huyen', 'mật khẩu đủ dài 123'), 'Content-Type': 'application/json' },
          body: JSON.stringify({ status }),
        });
      expect((await review(receipts.chosen!, 'da-chon')).status).toBe(200);
      expect((await review(receipts.notChosen!, 'chua-chon')).status).toBe(200);
    } finally {
      app.close();
    }
    const representative = (receipt: string) => {
      const db = new DatabaseSync(join(dataDir, 'ocop.sqlite'), { readOnly: true });
      try {
        return (
          db.prepare('SELECT representative FROM registrations WHERE receipt = ?').get(receipt) as {
            representative: string;
          }
        ).representative;
      } finally {
        db.close();
      }
    };

    // 2025-07-01: 12 months after the last round (25/6/2024) have passed; not for the late one (1/8/2024).
    const dry = retention('--now', '2025-07-01T00:00:00+07:00');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(receipts.notChosen!);
    expect(dry.stdout).not.toContain(receipts.chosen!);
    expect(dry.stdout).not.toContain(receipts.late!);
    expect(dry.stdout).toContain('1 hồ sơ đã quá thời hạn lưu trữ');
    expect(representative(receipts.notChosen!)).toBe('Người notChosen');

    const applied = retention('--apply', '--now', '2025-07-01T00:00:00+07:00');
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('Đã xóa dữ liệu cá nhân của 1 hồ sơ');
    expect(representative(receipts.notChosen!)).toBe('');
    expect(representative(receipts.chosen!)).toBe('Người chosen');
    expect(representative(receipts.late!)).toBe('Người late');
    expect(retention('--apply', '--now', '2025-07-01T00:00:00+07:00').stdout).toContain(
      'Đã xóa dữ liệu cá nhân của 0 hồ sơ',
    );

    const db = new DatabaseSync(join(dataDir, 'ocop.sqlite'), { readOnly: true });
    try {
      const log = db
        .prepare("SELECT account, receipt FROM audit_log WHERE action = 'retention'")
        .all();
      expect(log).toEqual([{ account: 'retention', receipt: receipts.notChosen }]);
    } finally {
      db.close();
    }
  });

  it('answers a bad argument or clock on stderr with exit 1', () => {
    expect(retention('--now', 'hôm qua').status).toBe(1);
    const bad = retention('--xoa');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('usage: npm run retention');
  });
});
