// npm run cms: decap-server and the dev server come up on loopback, the admin points at
// decap-server, and Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../support/server.ts';
import { freePort } from './support/decap-server.ts';

const refused = (url: string) => fetch(url, { method: 'POST' }).then(() => false, () => true);

test('starts decap-server and the dev server, prints the admin URL, and stops both on Ctrl-C', async () => {
  const [proxyPort, sitePort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(ROOT, 'scripts/cms.ts')], {
    cwd: ROOT,
    env: { ...process.env, CMS_PROXY_PORT: String(proxyPort), CMS_SITE_PORT: String(sitePort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', ok));
  try {
    await expect.poll(() => /Trang quản trị nội dung: (\S+)/.exec(out)?.[1], { timeout: 60_000, interval: 250 }).toBe(`http://127.0.0.1:${sitePort}/admin/`);

    const page = await fetch(`http://127.0.0.1:${sitePort}/admin/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html lang="vi">');
    const config = await (await fetch(`http://127.0.0.1:${sitePort}/admin/config.yml`)).text();
    expect(config).toContain(`"url": "http://127.0.0.1:${proxyPort}/api/v1"`);
    expect((await fetch(`http://127.0.0.1:${sitePort}/admin/decap-cms.js`)).status).toBe(200);

    const info = await fetch(`http://127.0.0.1:${proxyPort}/api/v1`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
    // decap-server names the repository after the folder it edits: this working tree.
    expect(await info.json()).toEqual({ repo: basename(ROOT), publish_modes: ['simple'], type: 'local_fs' });
  } finally {
    child.kill('SIGINT');
  }
  expect(await exited).toBe(0);
  expect(await refused(`http://127.0.0.1:${proxyPort}/api/v1`)).toBe(true);
  expect(await refused(`http://127.0.0.1:${sitePort}/`)).toBe(true);
}, 90_000);
