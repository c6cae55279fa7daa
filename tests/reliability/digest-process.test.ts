// The digest in the real service process and the real CLIs, against a real SMTP server on loopback:
// addresses set with `npm run editor`, digests sent on the service's schedule, no duplicate after
// SIGKILL and restart, SMTP down then up (nothing skipped), and `npm run digest` sending what is due.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/server.ts';
import { freePort, runScript, startServiceProcess } from '../support/process.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { validBody } from '../service/helpers.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-digest-'));
  dirs.push(dir);
  return dir;
}

function editor(dir: string, args: string[], input?: string) {
  const r = runScript('scripts/editor.ts', args, { env: { DATA_DIR: dir }, input });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** `npm run digest`, without blocking this process (its SMTP server must answer meanwhile). */
function digest(
  env: Record<string, string>,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((ok) =>
    execFile(
      process.execPath,
      [join(ROOT, 'scripts/digest.ts')],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (err, stdout, stderr) =>
        ok({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

async function register(url: string, commune = 'quang-son'): Promise<string> {
  const res = await fetch(`${url}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(validBody({ commune })),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

/** Every receipt the server received, with how many messages carried it. */
function receiptCounts(smtp: TestSmtp, to: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.mails.filter((m) => m.to.includes(to)))
    for (const r of new Set(m.text.match(/\b[2-9A-Z]{4}-[2-9A-Z]{4}\b/g)))
      counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

/** How many digests the service recorded as sent (it records one just after the SMTP server accepted it). */
function recordedDigests(dir: string): number {
  const db = new DatabaseSync(join(dir, 'ocop.sqlite'), { readOnly: true });
  try {
    return Number((db.prepare('SELECT COUNT(*) AS n FROM digest_log').get() as { n: number }).n);
  } finally {
    db.close();
  }
}

/** Waits for a message; generous, as the machine may be busy (the schedule runs every 1.2 s). */
async function until(check: () => boolean, what: string, ms = 45_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('digest in the real service', () => {
  it('sends on schedule, never twice across SIGKILL and restart, and catches up after SMTP was down', async () => {
    const dir = dataDir();
    editor(
      dir,
      [
        'add',
        'quangson',
        '--commune',
        'quang-son',
        '--email',
        'quangson@example.vn',
        '--password-stdin',
      ],
      'mật khẩu thử nghiệm dài\n',
    );
    expect(editor(dir, ['list'])).toContain('quangson@example.vn');
    const smtpPort = await freePort();
    let smtp = await startSmtp(smtpPort);
    // DIGEST_EVERY in minutes: 0.02 is 1.2 s, so the schedule runs within the test.
    const env = {
      DATA_DIR: dir,
      SMTP_URL: smtp.url,
      DIGEST_EVERY: '0.02',
      SITE_URL: 'https://ocop.example.vn',
      WATCH_CONTENT: '0',
    };
    let service = await startServiceProcess(env);
    try {
      const first = [
        await register(service.url),
        await register(service.url),
        await register(service.url, 'dak-ha'),
      ];
      await until(() => receiptCounts(smtp, 'quangson@example.vn').size === 2, 'the first digest');
      expect([...receiptCounts(smtp, 'quangson@example.vn').keys()].sort()).toEqual(
        first.slice(0, 2).sort(),
      );
      // The test's server holds the message a moment before it answers "250 accepted"; the kill comes after the service recorded it.
      await until(() => recordedDigests(dir) === smtp.mails.length, 'the digest to be recorded');

      await service.stop('SIGKILL');
      const port = Number(new URL(service.url).port);
      service = await startServiceProcess(env, port);
      await sleep(4000); // several scheduled runs
      expect([...receiptCounts(smtp, 'quangson@example.vn').values()].every((n) => n === 1)).toBe(
        true,
      );
      const sentBefore = smtp.mails.length;

      await smtp.close();
      const late = await register(service.url);
      await sleep(4000); // runs that find the server unreachable
      smtp = await startSmtp(smtpPort);
      await until(
        () => receiptCounts(smtp, 'quangson@example.vn').has(late),
        'the digest after SMTP came back',
      );
      expect(smtp.mails).toHaveLength(1);
      expect(sentBefore).toBeGreaterThanOrEqual(1);
      expect(smtp.mails[0]!.subject).toBe('[OCOP] 1 đăng ký mới (Quảng Sơn)');
      expect(smtp.mails[0]!.text).toContain(`https://ocop.example.vn/quan-ly/ho-so/${late}`);
    } finally {
      await service.stop('SIGKILL');
      await smtp.close();
    }
  });

  it('npm run digest sends what is due and exits; run again it sends nothing; SMTP down → exit 1, then sent', async () => {
    const dir = dataDir();
    editor(dir, ['add', 'huyen', '--password-stdin'], 'mật khẩu thử nghiệm dài\n');
    editor(dir, ['email', 'huyen', 'huyen@example.vn']);
    const smtp = await startSmtp();
    const service = await startServiceProcess({ DATA_DIR: dir, WATCH_CONTENT: '0' }); // no SMTP_URL: the service sends nothing
    try {
      const receipt = await register(service.url, 'dak-som');
      const down = await digest({
        DATA_DIR: dir,
        SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
      });
      expect(down.status).toBe(1);
      expect(down.stdout).toContain('NOT sent to huyen');
      const run = () => digest({ DATA_DIR: dir, SMTP_URL: smtp.url });
      const sent = await run();
      expect(sent.status, sent.stderr).toBe(0);
      expect(sent.stdout).toContain('digest: 1 sent, 0 failed');
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.text).toContain(receipt);
      const again = await run();
      expect(again.stdout).toContain('digest: 0 sent, 0 failed');
      expect(smtp.mails).toHaveLength(1);
      expect((await digest({ DATA_DIR: dir, SMTP_URL: '' })).status).toBe(1);
      const bad = runScript('scripts/editor.ts', ['email', 'huyen', 'không phải địa chỉ'], {
        env: { DATA_DIR: dir },
      });
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('invalid e-mail address');
    } finally {
      await service.stop('SIGKILL');
      await smtp.close();
    }
  });
});
