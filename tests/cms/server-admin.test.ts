// The real Decap CMS in Chromium against the real service as its backend ("use": "server"):
// an editor without a session is sent to sign in and back, changes Đợt 2's deadline, and the
// save lands in the file and in a git commit authored by that account.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { ROOT, startServer, type RunningServer } from '../support/server.ts';
import { publish } from './support/admin-session.ts';
import { git, initRepo } from './support/content-repo.ts';
import { freePort } from './support/decap-server.ts';
import { keepOffline } from './support/offline.ts';
import { buildSite, copyProject } from './support/site-copy.ts';

const SHOTS = join(ROOT, 'test-results/cms');
mkdirSync(SHOTS, { recursive: true });
const ROUND = 'content/rounds/2024-dot-2.json';

let repo: string;
let dist: string;
let site: RunningServer;
let browser: Browser;

beforeAll(async () => {
  repo = copyProject();
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n.astro/\n');
  initRepo(repo);
  // No decap-server listens on this port: the admin finds no local backend and uses the service.
  const nobody = await freePort();
  dist = await buildSite(repo, nobody);
  process.env.CMS_PROXY_PORT = String(nobody);
  site = await startServer({ distDir: dist, projectDir: repo, contentDir: join(repo, 'content') });
  await site.app.deps.accounts.add('lan', 'mat khau dai cua lan', null);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  for (const dir of [repo, dist]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('sign in from /admin/, change Đợt 2’s deadline, save: the file changes and the commit is the editor’s', async () => {
  const context = await browser.newContext({ timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const blocked = await keepOffline(context);
  try {
    const page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${site.url}/admin/`);
    await page.waitForURL(/\/quan-ly\/dang-nhap\?tiep=%2Fadmin%2F/);
    await page.getByLabel('Tên tài khoản').fill('lan');
    await page.getByLabel('Mật khẩu').fill('mat khau dai cua lan');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(`${site.url}/admin/**`);
    const login = page.getByRole('button', { name: 'Đăng nhập' });
    const collections = page.getByRole('heading', { name: 'Bộ sưu tập' });
    await login.or(collections).first().waitFor();
    if (await login.isVisible()) await login.click();
    await page.getByRole('link', { name: 'Đợt 2: trước ngày 25/6/2024' }).click();
    const deadline = page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true });
    await expect.poll(() => deadline.inputValue()).toBe('2024-06-25T00:00');
    await deadline.fill('2024-07-15T00:00');
    await page.getByLabel('Hạn (như công văn ghi)', { exact: true }).fill('trước ngày 15/7/2024');
    await publish(page);
    await page.screenshot({ path: join(SHOTS, 'server-backend-saved.png') });

    const saved = JSON.parse(readFileSync(join(repo, ROUND), 'utf8'));
    expect(saved).toMatchObject({ deadline: '2024-07-15T00:00:00+07:00', deadlineText: 'trước ngày 15/7/2024' });
    expect(git(repo, 'log', '-1', '--format=%an <%ae>%n%s')).toBe('lan <lan@cms.invalid>\nNội dung: sửa content/rounds/2024-dot-2.json\n');
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(ROUND);
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
}, 120_000);
