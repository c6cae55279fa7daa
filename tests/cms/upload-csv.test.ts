// An editor uploads a CSV export through the CMS's file widget; it lands in content/registrations/ of the repository.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { csvUploadsSchema } from '../../src/cms/csv-uploads.ts';
import { publish, startAdminSession, type AdminSession } from './support/admin-session.ts';

let session: AdminSession;
beforeAll(async () => {
  session = await startAdminSession();
}, 180_000);
afterAll(async () => {
  await session?.close();
});

// What the service exports: UTF-8 with BOM, CRLF, Vietnamese headers.
const CSV = '\uFEFFMã hồ sơ,Xã,Tên sản phẩm,Trạng thái\r\nK7M2-9QXR,quang-khe,Cà phê Quảng Khê,da-chon\r\n';

test('a CSV chosen in the file widget is stored in content/registrations/ and logged', async () => {
  const upload = join(tmpdir(), `quang-khe-2024-06-${process.pid}.csv`);
  writeFileSync(upload, CSV);
  const page = await session.signIn();
  await page.getByRole('link', { name: 'Tải lên tệp CSV' }).click();
  await page.getByText('Các tệp CSV đã tải lên', { exact: true }).click();
  await page.getByRole('button', { name: /Thêm tệp csv/i }).click();
  await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
  await page.locator('input[type=file]').setInputFiles(upload);
  await page.getByRole('button', { name: /Chọn|Lấy/ }).first().click();
  await publish(page);

  const stored = join(session.repo, 'content/registrations', `quang-khe-2024-06-${process.pid}.csv`);
  await expect.poll(() => existsSync(stored), { timeout: 10_000 }).toBe(true);
  expect(readFileSync(stored, 'utf8')).toBe(CSV);
  const log = csvUploadsSchema.parse(JSON.parse(readFileSync(join(session.repo, 'content/csv-uploads.json'), 'utf8')));
  expect(log.uploads.map((u) => u.file)).toEqual([`/content/registrations/quang-khe-2024-06-${process.pid}.csv`]);
  expect(session.blocked).toEqual([]);
}, 120_000);
