// npm run cms, as docs/cms.md tells an editor to use it: decap-server and the dev server come
// up on loopback, the printed admin URL edits the files, the site shows the change at once,
// and Ctrl-C stops both. Runs in a copy of the project so the working tree is never edited.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { freePorts } from './support/decap-server.ts';
import { keepOffline } from './support/offline.ts';
import { publish } from './support/admin-session.ts';
import { copyProject } from './support/site-copy.ts';

/** An editor's terminal: the test runner's environment without VITEST*, under which astro dev serves no pages. */
const editorEnv = () =>
  Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));

const refused = (url: string) =>
  fetch(url, { method: 'POST' }).then(
    () => false,
    () => true,
  );

test('starts both servers, prints the admin URL, edits a deadline the dev site shows, and stops both on Ctrl-C', async () => {
  const repo = copyProject();
  const [proxyPort, sitePort] = await freePorts(2);
  const child = spawn(process.execPath, [join(repo, 'scripts/cms.ts')], {
    cwd: repo,
    env: { ...editorEnv(), CMS_PROXY_PORT: String(proxyPort), CMS_SITE_PORT: String(sitePort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', ok));
  const browser = await launchBrowser();
  try {
    await expect
      .poll(() => /Trang quản trị nội dung: (\S+)/.exec(out)?.[1], {
        timeout: 60_000,
        interval: 250,
      })
      .toBe(`http://127.0.0.1:${sitePort}/admin/`);
    const config = await (await fetch(`http://127.0.0.1:${sitePort}/admin/config.yml`)).text();
    expect(config).toContain(`"url": "http://127.0.0.1:${proxyPort}/api/v1"`);
    const info = await fetch(`http://127.0.0.1:${proxyPort}/api/v1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"action":"info"}',
    });
    // decap-server names the repository after the folder it edits, and writes files directly.
    expect(await info.json()).toEqual({
      repo: basename(repo),
      publish_modes: ['simple'],
      type: 'local_fs',
    });

    const context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh' });
    const blocked = await keepOffline(context);
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${sitePort}/admin/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Đợt 2: trước ngày 25/6/2024' }).click();
    const deadline = page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true });
    await expect.poll(() => deadline.inputValue()).toBe('2024-06-25T00:00');
    await deadline.fill('2024-07-01T00:00');
    await publish(page);
    expect(
      JSON.parse(readFileSync(join(repo, 'content/rounds/2024-dot-2.json'), 'utf8')).deadline,
    ).toBe('2024-07-01T00:00:00+07:00');
    // The dev server re-reads content/: the old last day (24/06) gives way to the new one.
    const home = async () => (await fetch(`http://127.0.0.1:${sitePort}/`)).text();
    const lastDays = async () =>
      [...(await home()).matchAll(/\d\d\/0[36]\/2024/g)].map((m) => m[0]);
    await expect.poll(lastDays, { timeout: 20_000 }).toEqual(['24/03/2024', '30/06/2024']);
    expect(blocked).toEqual([]);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n--- npm run cms printed:\n${out.slice(-3000)}`);
  } finally {
    // Ctrl-C first, so a failure above never leaves the servers running.
    child.kill('SIGINT');
    await browser.close();
  }
  expect(await exited).toBe(0);
  expect(await refused(`http://127.0.0.1:${proxyPort}/api/v1`)).toBe(true);
  expect(await refused(`http://127.0.0.1:${sitePort}/`)).toBe(true);
  rmSync(repo, { recursive: true, force: true });
}, 120_000);
