// An editor changes Đợt 2's deadline through the real admin and the real decap-server; the next build shows it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { roundSchema } from '../../src/domain/round.ts';
import { startServer } from '../support/server.ts';
import { publish, startAdminSession, type AdminSession } from './support/admin-session.ts';
import { buildSite } from './support/site-copy.ts';

let session: AdminSession;
beforeAll(async () => {
  session = await startAdminSession();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

const roundFile = () => join(session.repo, 'content/rounds/2024-dot-2.json');

test('changing Đợt 2 deadline in the CMS writes the file and the home page shows the new date', async () => {
  const page = await session.signIn();
  await page.getByRole('link', { name: 'Đợt 2: trước ngày 25/6/2024' }).click();
  const deadline = page.getByLabel('Hạn (nhận trước thời điểm này)', { exact: true });
  await expect.poll(() => deadline.inputValue()).toBe('2024-06-25T00:00');

  await deadline.fill('2024-07-15T00:00');
  await page.getByLabel('Hạn (như công văn ghi)', { exact: true }).fill('trước ngày 15/7/2024');
  await publish(page);

  await expect.poll(() => JSON.parse(readFileSync(roundFile(), 'utf8')).deadline, { timeout: 10_000 }).toBe('2024-07-15T00:00:00+07:00');
  const saved = JSON.parse(readFileSync(roundFile(), 'utf8'));
  expect(roundSchema.parse(saved)).toEqual({
    label: 'Đợt 2',
    order: 2,
    opensAt: '2024-03-25T00:00:00+07:00',
    deadline: '2024-07-15T00:00:00+07:00',
    deadlineText: 'trước ngày 15/7/2024',
    notice: 'dang-ky-san-pham-ocop-2024',
  });

  const dist = await buildSite(session.repo, session.decap.port);
  const site = await startServer({ distDir: dist, log: () => {} });
  try {
    const home = await (await fetch(`${site.url}/`)).text();
    expect(home).toContain('trước ngày 15/7/2024');
    expect(home).toContain('ngày cuối nhận: 14/07/2024');
    expect(home).not.toContain('trước ngày 25/6/2024');
  } finally {
    await site.close();
  }
  await page.screenshot({ path: join(import.meta.dirname, '../../test-results/cms-round-edited.png') });
  expect(session.blocked).toEqual([]);
}, 120_000);
