// The real Decap CMS in Chromium against the real service as its backend ("use": "server"):
// an editor without a session is sent to sign in and back, changes Đợt 2's deadline, and the
// save lands in the file and in a git commit authored by that account.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { csvUploadsSchema } from '../../src/cms/csv-uploads.ts';
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

async function signedInPage(context: import('playwright-core').BrowserContext) {
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/admin/`);
  const login = page.getByRole('button', { name: 'Đăng nhập' });
  const collections = page.getByRole('heading', { name: 'Bộ sưu tập' });
  await login.or(collections).first().waitFor();
  if (await login.isVisible()) await login.click();
  await collections.waitFor();
  return page;
}

test('sign in from /admin/, change Đợt 2’s deadline, save: the file changes and the commit is the editor’s', async () => {
  const context = await browser.newContext({
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
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
    expect(saved).toMatchObject({
      deadline: '2024-07-15T00:00:00+07:00',
      deadlineText: 'trước ngày 15/7/2024',
    });
    expect(git(repo, 'log', '-1', '--format=%an <%ae>%n%s')).toBe(
      'lan <lan@cms.invalid>\nNội dung: sửa content/rounds/2024-dot-2.json\n',
    );
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(ROUND);
    expect(blocked).toEqual([]);

    // Still signed in: a CSV export uploaded through the file widget is stored, logged and committed too.
    const upload = join(tmpdir(), `quang-khe-2024-06-${process.pid}.csv`);
    const csv = 'Mã hồ sơ,Tên sản phẩm\r\nKXRW-3M7T,Cà phê bột\r\n';
    writeFileSync(upload, csv);
    onTestFinished(() => rmSync(upload, { force: true }));
    const again = await signedInPage(context);
    await again.getByRole('link', { name: 'Tải lên tệp CSV' }).click();
    await again.getByText('Các tệp CSV đã tải lên', { exact: true }).click();
    await again.getByRole('button', { name: /Thêm tệp csv/i }).click();
    await again.getByRole('button', { name: 'Chọn một tập tin' }).click();
    await again.locator('input[type=file]').setInputFiles(upload);
    await again.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
    await publish(again);
    const stored = join(repo, 'content/registrations', `quang-khe-2024-06-${process.pid}.csv`);
    await expect.poll(() => existsSync(stored), { timeout: 10_000 }).toBe(true);
    expect(readFileSync(stored, 'utf8')).toBe(csv);
    const log = csvUploadsSchema.parse(
      JSON.parse(readFileSync(join(repo, 'content/csv-uploads.json'), 'utf8')),
    );
    expect(log.uploads[0]!.file).toBe(
      `/content/registrations/quang-khe-2024-06-${process.pid}.csv`,
    );
    expect(git(repo, 'status', '--porcelain')).toBe('');
    expect(git(repo, 'log', '-3', '--format=%an')).toMatch(/^lan\nlan\n/);
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
}, 180_000);

test('a commune account signed in is told at /admin/ that it cannot edit the site, and the CMS does not start', async () => {
  await site.app.deps.accounts.add('xa-quang-son', 'mat khau dai cua xa', 'quang-son');
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 360, height: 740 },
  });
  const blocked = await keepOffline(context);
  try {
    await context.addCookies([
      { name: 'ocop_phien', value: site.app.deps.sessions.create('xa-quang-son'), url: site.url },
    ]);
    const page = await context.newPage();
    await page.goto(`${site.url}/admin/`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Chỉ tài khoản cấp trên (toàn đơn vị) được sửa nội dung trang web.',
    );
    await page.screenshot({ path: join(SHOTS, 'server-backend-commune-360.png') });
    expect(await page.getByRole('button', { name: 'Đăng nhập' }).count()).toBe(0);
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
}, 60_000);

test('a session that ends while editing: the save is refused, Decap shows the Vietnamese reason, the file is unchanged', async () => {
  const before = readFileSync(join(repo, ROUND), 'utf8');
  const commits = git(repo, 'rev-list', '--count', 'HEAD');
  const context = await browser.newContext({
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
  const blocked = await keepOffline(context);
  try {
    const token = site.app.deps.sessions.create('lan');
    await context.addCookies([{ name: 'ocop_phien', value: token, url: site.url }]);
    const page = await signedInPage(context);
    await page.getByRole('link', { name: /^Đợt 2: / }).click();
    await page.getByLabel('Hạn (như công văn ghi)', { exact: true }).fill('trước ngày 16/7/2024');
    site.app.deps.sessions.destroy(token);
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Công bố ngay', { exact: true }).click();
    await page
      .getByText(/Cần đăng nhập bằng tài khoản biên tập viên \(trang \/quan-ly\/\)/)
      .waitFor();
    expect(readFileSync(join(repo, ROUND), 'utf8')).toBe(before);
    expect(git(repo, 'rev-list', '--count', 'HEAD')).toBe(commits);
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
}, 90_000);
