// An editor opens a campaign through the real admin and the real decap-server, as docs/mo-dot-dang-ky.md
// says: a new campaign (its notice, its units, its unit word, current), the old one switched off; the
// files are valid content, and a build from them shows the new campaign current and 2024 archived.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { campaignSchema } from '../../src/domain/campaign.ts';
import { ROOT } from '../support/server.ts';
import { publish, useAdminSession } from './support/admin-session.ts';
import { buildSite } from './support/site-copy.ts';

const SHOTS = join(ROOT, 'test-results/cms');
mkdirSync(SHOTS, { recursive: true });
const session = useAdminSession();
const campaignFile = (name: string) =>
  JSON.parse(readFileSync(join(session().repo, 'content/campaigns', name), 'utf8'));

test('a new campaign created in the CMS becomes current after a build; 2024 goes to the archive', async () => {
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Kỳ đăng ký', exact: true }).click();
  await page.getByText('Thêm kỳ đăng ký', { exact: true }).click();
  await page.getByLabel('Tên kỳ đăng ký', { exact: true }).fill('Đăng ký sản phẩm OCOP năm 2027');
  // Relation widgets (react-select): type, then take the first match.
  const choose = async (label: string, text: string) => {
    const input = page.locator(
      `[id="${await page.getByText(label, { exact: true }).first().getAttribute('for')}"]`,
    );
    await input.click();
    await input.pressSequentially(text);
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
  };
  await choose('Công văn', 'OCOP năm 2024');
  await choose('Địa bàn nhận đăng ký (không bắt buộc)', 'Quảng Khê');
  await choose('Địa bàn nhận đăng ký (không bắt buộc)', 'Đắk Som');
  await page.getByLabel('Tên gọi địa bàn (không bắt buộc)', { exact: true }).fill('xã');
  await page.getByLabel('Đang chạy (không bắt buộc)', { exact: true }).click();
  await page.screenshot({ path: join(SHOTS, 'campaign-editor.png'), fullPage: true });
  await publish(page);

  const dir = join(session().repo, 'content/campaigns');
  await expect.poll(() => readdirSync(dir).length, { timeout: 10_000 }).toBe(2);
  const name = readdirSync(dir).find((f) => f !== '2024.json')!;
  const saved = campaignSchema.parse(campaignFile(name));
  expect(saved).toEqual({
    title: 'Đăng ký sản phẩm OCOP năm 2027',
    current: true,
    notices: ['dang-ky-san-pham-ocop-2024'],
    units: ['quang-khe', 'dak-som'],
    unitWord: 'xã',
  });

  // The previous campaign: switched off. Decap moves to the new entry's address after saving it, which can
  // come after our navigation and take the page back to 2027: open 2024 again until it is what the editor sees.
  const title = page.getByLabel('Tên kỳ đăng ký', { exact: true });
  await expect
    .poll(
      async () => {
        await page.goto(`${session().site.url}/admin/#/collections/campaigns/entries/2024`);
        await page.reload();
        await title.waitFor();
        await page.waitForTimeout(500);
        return title.inputValue();
      },
      { timeout: 60_000, interval: 100 },
    )
    .toBe('Đăng ký sản phẩm OCOP năm 2024');
  await page.getByLabel('Đang chạy (không bắt buộc)', { exact: true }).click();
  await page.screenshot({ path: join(SHOTS, 'campaign-2024-off.png'), fullPage: true });
  await publish(page);
  await expect.poll(() => campaignFile('2024.json').current, { timeout: 10_000 }).toBe(false);

  const dist = await buildSite(session().repo, session().decap.port);
  try {
    const form = readFileSync(join(dist, 'dang-ky/index.html'), 'utf8');
    const options = [...form.matchAll(/<option value="([a-z-]+)"/g)].map((m) => m[1]);
    expect(options).toEqual(['quang-khe', 'dak-som']);
    const slug = name.replace(/\.json$/, '');
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain('href="/luu-tru/2024/"');
    expect(readdirSync(join(dist, 'luu-tru'))).toEqual(
      expect.arrayContaining(['2024', 'index.html']),
    );
    expect(readdirSync(join(dist, 'luu-tru'))).not.toContain(slug);
    expect(session().blocked).toEqual([]);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}, 180_000);

test("a new round is named by its deadline's year, not the year it is written in", async () => {
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Đợt đăng ký', exact: true }).click();
  await page.getByText('Thêm đợt đăng ký', { exact: true }).click();
  await page.getByLabel('Tên đợt', { exact: true }).fill('Đợt 1');
  await page.getByLabel('Thứ tự', { exact: true }).fill('1');
  await page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true }).fill('2027-04-01T00:00');
  await page.getByLabel('Hạn (như công văn ghi)', { exact: true }).fill('trước ngày 01/4/2027');
  const notice = page.locator(
    `[id="${await page.getByText('Công văn thông báo đợt này', { exact: true }).first().getAttribute('for')}"]`,
  );
  await notice.click();
  await notice.pressSequentially('OCOP năm 2024');
  await page.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  await publish(page);

  const dir = join(session().repo, 'content/rounds');
  await expect
    .poll(() => readdirSync(dir).sort(), { timeout: 10_000 })
    .toEqual(['2024-dot-1.json', '2024-dot-2.json', '2027-dot-1.json']);
  const saved = JSON.parse(readFileSync(join(dir, '2027-dot-1.json'), 'utf8'));
  expect(saved).toMatchObject({ label: 'Đợt 1', deadline: '2027-04-01T00:00:00+07:00' });
  expect(session().blocked).toEqual([]);
}, 120_000);
