// Editors change Đợt 2's deadline, the notice's number and the home page's text through the real
// admin and the real decap-server; the files on disk change, and a build from them shows the changes.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { HOME_BLOCKS, blockText } from '../../src/domain/home-page.ts';
import { roundSchema } from '../../src/domain/round.ts';
import { ROOT, startServer } from '../support/server.ts';
import { publish, useAdminSession } from './support/admin-session.ts';
import { keepOffline } from './support/offline.ts';
import { buildSite } from './support/site-copy.ts';

const SHOTS = join(ROOT, 'test-results/cms');
mkdirSync(SHOTS, { recursive: true });
const NOTICE = 'content/notices/dang-ky-san-pham-ocop-2024.mdx';
const HOME = 'content/authority/trang-chu.mdx';
const LEAD_END = 'Sản phẩm được chọn sẽ được hỗ trợ làm hồ sơ và thủ tục chứng nhận.';
const ADDED = ' Hồ sơ giấy nộp kèm bản sao giấy đăng ký kinh doanh.';

const session = useAdminSession();

const read = (path: string) => readFileSync(join(session().repo, path), 'utf8');
const bodyOf = (mdx: string) => mdx.slice(mdx.indexOf('\n---', 3) + 4).trim();

test('Đợt 2: a new deadline is saved with +07:00, and the preview shows the last day', async () => {
  const page = await session().signIn();
  const round = page.getByRole('link', { name: 'Đợt 2: trước ngày 25/6/2024' });
  await round.waitFor();
  await page.screenshot({ path: join(SHOTS, 'collections.png') });
  await round.click();
  const deadline = page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true });
  await expect.poll(() => deadline.inputValue()).toBe('2024-06-25T00:00');

  await deadline.fill('2024-07-15T00:00');
  await page.getByLabel('Hạn (như công văn ghi)', { exact: true }).fill('trước ngày 15/7/2024');
  await expect(
    page.frameLocator('iframe').first().getByText('(ngày cuối nhận: 14/07/2024)').textContent(),
  ).resolves.toBeTruthy();
  await page.screenshot({ path: join(SHOTS, 'round-editor.png') });
  await publish(page);

  await expect
    .poll(() => JSON.parse(read('content/rounds/2024-dot-2.json')).deadline, { timeout: 10_000 })
    .toBe('2024-07-15T00:00:00+07:00');
  expect(roundSchema.parse(JSON.parse(read('content/rounds/2024-dot-2.json')))).toEqual({
    label: 'Đợt 2',
    order: 2,
    opensAt: '2024-03-25T00:00:00+07:00',
    deadline: '2024-07-15T00:00:00+07:00',
    deadlineText: 'trước ngày 15/7/2024',
    notice: 'dang-ky-san-pham-ocop-2024',
  });
}, 90_000);

test('Đợt 1 edited from a browser set to UTC: saved with +07:00, a cleared start date removed', async () => {
  // A second machine whose clock is not on Việt Nam time; our preSave rule must still write +07:00.
  const context = await session().browser.newContext({
    timezoneId: 'UTC',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
  const blocked = await keepOffline(context);
  try {
    const page = await context.newPage();
    await page.goto(`${session().site.url}/admin/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Đợt 1: trước ngày 25/3/2024' }).click();
    const deadline = page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true });
    // The same instant, shown in the machine's zone: 00:00 in Việt Nam is 17:00 UTC the day before.
    await expect.poll(() => deadline.inputValue()).toBe('2024-03-24T17:00');
    await deadline.fill('2024-03-29T17:00');
    await page
      .getByLabel('Bắt đầu nhận (không bắt buộc)', { exact: true })
      .locator('..')
      .getByRole('button', { name: 'Xóa' })
      .click();
    await publish(page);
    await expect
      .poll(() => JSON.parse(read('content/rounds/2024-dot-1.json')).deadline, { timeout: 10_000 })
      .toBe('2024-03-30T00:00:00+07:00');
    const saved = roundSchema.parse(JSON.parse(read('content/rounds/2024-dot-1.json')));
    expect(saved.opensAt).toBeUndefined();
    expect(Object.keys(JSON.parse(read('content/rounds/2024-dot-1.json')))).not.toContain(
      'opensAt',
    );
    expect(blocked).toEqual([]);
  } finally {
    await context.close();
  }
}, 90_000);

test('the notice: a number given in the form is saved in the front matter, the MDX body kept', async () => {
  const before = read(NOTICE);
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Công văn' }).click();
  await page
    .getByRole('link', { name: /Đăng ký xây dựng sản phẩm đạt chứng nhận OCOP năm 2024/ })
    .click();
  const number = page.getByLabel('Số văn bản (không bắt buộc)', { exact: true });
  await expect.poll(() => page.getByLabel('Ký hiệu', { exact: true }).inputValue()).toBe('UBND-NN');
  await number.fill('125');
  await expect(
    page.frameLocator('iframe').first().getByText('Số: 125/UBND-NN').textContent(),
  ).resolves.toBeTruthy();
  await page.screenshot({ path: join(SHOTS, 'notice-editor.png') });
  await publish(page);

  await expect.poll(() => /^number: "?125"?$/m.test(read(NOTICE)), { timeout: 10_000 }).toBe(true);
  expect(bodyOf(read(NOTICE))).toBe(bodyOf(before));
}, 90_000);

test('the home text: a sentence typed in the rich-text editor is saved, every box it places kept', async () => {
  const before = read(HOME);
  const tags = HOME_BLOCKS.map((b) => blockText(b.tag)).filter((t) => before.includes(t));
  expect(tags.length).toBe(HOME_BLOCKS.length);
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Trang chủ' }).click();
  // The collection's one file, the card beside the collection list.
  await page.locator('a[href$="/collections/home/entries/trang-chu"]').click();
  const title = page.getByLabel('Tiêu đề', { exact: true });
  await expect.poll(() => title.inputValue()).toContain('Đăng ký sản phẩm OCOP');
  await title.fill('Mời đăng ký sản phẩm OCOP');
  // A click just after the lead's last letter puts the caret there (End stops at a wrapped line's end).
  const end = await page.evaluate((text) => {
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const value = n.nodeValue ?? '';
      if (!value.endsWith(text)) continue;
      const range = document.createRange();
      range.setStart(n, value.length - 1);
      range.setEnd(n, value.length);
      const box = range.getBoundingClientRect();
      return { x: box.right + 1, y: box.top + box.height / 2 };
    }
    return null;
  }, LEAD_END);
  expect(end).not.toBeNull();
  await page.mouse.click(end!.x, end!.y);
  await page.keyboard.type(ADDED);
  // The boxes show in the preview as what the site fills in.
  const preview = page.frameLocator('iframe').first();
  await expect(
    preview.getByRole('heading', { level: 1, name: 'Mời đăng ký sản phẩm OCOP' }).textContent(),
  ).resolves.toBeTruthy();
  await expect(preview.getByText('Hạn đăng ký các đợt').textContent()).resolves.toBeTruthy();
  await expect(preview.getByText(ADDED.trim()).textContent()).resolves.toBeTruthy();
  await page.screenshot({ path: join(SHOTS, 'home-editor.png'), fullPage: true });
  await publish(page);

  await expect.poll(() => read(HOME).includes(ADDED), { timeout: 10_000 }).toBe(true);
  const after = read(HOME);
  expect(after).toMatch(/^title: Mời đăng ký sản phẩm OCOP$/m);
  for (const tag of tags) expect(after, tag).toContain(tag);
  expect(bodyOf(after)).toBe(bodyOf(before).replace(LEAD_END, LEAD_END + ADDED));
}, 90_000);

test('a build from the edited content shows the new deadline and number, and nothing left the machine', async () => {
  const dist = await buildSite(session().repo, session().decap.port);
  onTestFinished(() => rmSync(dist, { recursive: true, force: true }));
  const site = await startServer({ distDir: dist, log: () => {} });
  // Closed also when the test fails or times out, so nothing is left in the temporary folder.
  onTestFinished(() => site.close());
  const home = await (await fetch(`${site.url}/`)).text();
  expect(home).toContain('trước ngày 15/7/2024');
  expect(home).toContain('ngày cuối nhận: 14/07/2024');
  expect(home).not.toContain('trước ngày 25/6/2024');
  expect(home).toMatch(/<h1[^>]*>Mời đăng ký sản phẩm OCOP<\/h1>/);
  expect(home).toContain(ADDED.trim());
  expect(home).toContain('href="/dang-ky/"');
  const notice = await (await fetch(`${site.url}/cong-van/dang-ky-san-pham-ocop-2024/`)).text();
  expect(notice).toContain('Số: 125/UBND-NN');
  expect(session().blocked).toEqual([]);
}, 180_000);
