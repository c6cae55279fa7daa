// npm run editor and npm run backup, run as the commands people type (child processes with DATA_DIR).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/service/app.ts';
import { readConfig } from '../../src/service/config.ts';
import { runScript } from '../support/process.ts';
import { basic, validBody } from './helpers.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ocop-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const PASSWORD = 'mật khẩu của xã Quảng Sơn';
const editor = (dataDir: string, args: string[], input?: string) =>
  runScript('scripts/editor.ts', args, { env: { DATA_DIR: dataDir }, input });

describe('npm run editor', () => {
  it('adds (creating DATA_DIR), lists and removes accounts; the password is stored only as a scrypt hash', async () => {
    const dataDir = join(tempDir(), 'chua-co');
    const added = editor(
      dataDir,
      ['add', 'xa.quangson', '--commune', 'quang-son', '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(editor(dataDir, ['add', 'huyen', '--password-stdin'], `${PASSWORD}\r\n`).status).toBe(0);
    const list = editor(dataDir, ['list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^huyen\t\(all communes\)/m);
    expect(list.stdout).toMatch(/^xa\.quangson\tquang-son/m);

    const db = new DatabaseSync(join(dataDir, 'ocop.sqlite'), { readOnly: true });
    const hashes = db.prepare('SELECT password_hash FROM accounts').all() as {
      password_hash: string;
    }[];
    db.close();
    expect(hashes.every((h) => h.password_hash.startsWith('scrypt$'))).toBe(true);
    for (const f of readdirSync(dataDir))
      expect(readFileSync(join(dataDir, f)).includes(Buffer.from(PASSWORD))).toBe(false);

    // The account works against the service over the same DATA_DIR.
    const app = createApp({ ...readConfig({}), dataDir }, { log: () => {} });
    try {
      expect(
        (await app.request('/api/registrations.csv', { headers: basic('xa.quangson', PASSWORD) }))
          .status,
      ).toBe(200);
      expect(
        (
          await app.request('/api/registrations.csv', {
            headers: basic('xa.quangson', 'wrong password'),
          })
        ).status,
      ).toBe(401);
    } finally {
      app.close();
    }

    const removed = editor(dataDir, ['remove', 'xa.quangson']);
    expect(removed.status).toBe(0);
    expect(editor(dataDir, ['list']).stdout).not.toContain('xa.quangson');
  });

  it('refuses bad input with a clear English message and exit code 1', () => {
    const dataDir = tempDir();
    const cases: [string[], string | undefined, RegExp][] = [
      [['add', 'ngan', '--password-stdin'], 'short\n', /at least 10 characters/],
      [
        ['add', 'x1', '--commune', 'ha-noi', '--password-stdin'],
        `${PASSWORD}\n`,
        /unknown commune "ha-noi"; known communes: quang-son/,
      ],
      [['add', 'x2', '--commune'], undefined, /--commune needs a commune slug/],
      [['add', 'x3'], `${PASSWORD}\n`, /--password-stdin/],
      [['add', 'bad name!', '--password-stdin'], `${PASSWORD}\n`, /invalid account name/],
      [
        ['add', 'x4', '--colour', 'red', '--password-stdin'],
        `${PASSWORD}\n`,
        /unknown option --colour/,
      ],
      [['remove', 'khong-co'], undefined, /no account named "khong-co"/],
      [['rename', 'a'], undefined, /unknown command "rename"/],
    ];
    for (const [args, input, message] of cases) {
      const r = editor(dataDir, args, input);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(editor(dataDir, ['add', 'trung', '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
    const dup = editor(dataDir, ['add', 'TRUNG', '--password-stdin'], `${PASSWORD}\n`);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/already exists/);
  });
});

describe('npm run backup', () => {
  it('writes a consistent copy that passes integrity_check and holds the registrations', async () => {
    const dataDir = tempDir();
    const app = createApp({ ...readConfig({}), dataDir, rateLimit: 0 }, { log: () => {} });
    try {
      for (let i = 0; i < 5; i++) {
        const res = await app.request('/api/registrations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(validBody()),
        });
        expect(res.status).toBe(201);
      }
      const target = join(tempDir(), 'sao-luu', 'ocop-backup.sqlite');
      const r = runScript('scripts/backup.ts', [target], { env: { DATA_DIR: dataDir } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/Backed up 5 registrations/);
      expect(existsSync(`${target}-wal`)).toBe(false);
      const copy = new DatabaseSync(target, { readOnly: true });
      expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(copy.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: 5 });
      copy.close();
    } finally {
      app.close();
    }
    const missing = runScript('scripts/backup.ts', [join(tempDir(), 'x.sqlite')], {
      env: { DATA_DIR: join(tempDir(), 'rong') },
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/no database/);
    expect(runScript('scripts/backup.ts', [], { env: { DATA_DIR: dataDir } }).stderr).toMatch(
      /usage: npm run backup -- FILE/,
    );
  });
});
