// An editor uploads a CSV export through the CMS's file widget: it lands in
// content/registrations/ of the repository, and the next build lists its product.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { csvUploadsSchema } from '../../src/cms/csv-uploads.ts';
import { exportCsvText } from '../../src/export/csv.ts';
import type { RegistrationRecord } from '../../src/domain/registration.ts';
import { ROOT, startServer } from '../support/server.ts';
import { publish, useAdminSession } from './support/admin-session.ts';
import { buildSite } from './support/site-copy.ts';

const session = useAdminSession();

// What the service's export writes for one chosen registration.
const record: RegistrationRecord = {
  receipt: 'KXRW-3M7T',
  submittedAt: '2024-06-10T09:30:00+07:00',
  reviewedAt: '2024-06-20T14:00:00+07:00',
  round: '2024-dot-2',
  status: 'da-chon',
  producerName: 'Hợp tác xã Cà phê Quảng Khê',
  producerType: 'hop-tac-xa',
  representative: 'Nguyễn Thị Hạnh',
  phone: '0912345678',
  email: '',
  commune: 'quang-khe',
  address: 'Thôn 3',
  businessId: '',
  productName: 'Cà phê bột Quảng Khê',
  productGroup: 'thuc-pham',
  productStage: 'da-co',
  description: '',
  supportNeeds: [],
  consentProcessing: true,
  consentPublishName: true,
  reviewNote: '',
} as unknown as RegistrationRecord;
const CSV = exportCsvText([record]);
const NAME = `quang-khe-2024-06-${process.pid}.csv`;

test('a CSV chosen in the file widget is stored in content/registrations/, logged, and listed after a build', async () => {
  const upload = join(tmpdir(), NAME);
  writeFileSync(upload, CSV);
  onTestFinished(() => rmSync(upload, { force: true }));
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Tải lên tệp CSV' }).click();
  await page.getByText('Các tệp CSV đã tải lên', { exact: true }).click();
  await page.getByRole('button', { name: /Thêm tệp csv/i }).click();
  await page.getByRole('button', { name: 'Chọn một tập tin' }).click();
  await page.locator('input[type=file]').setInputFiles(upload);
  await page.screenshot({ path: join(ROOT, 'test-results/cms/csv-media-library.png') });
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await page
    .getByLabel('Ghi chú (không bắt buộc)', { exact: true })
    .fill('Xuất ngày 20/6/2024 sau khi rà soát đợt 2');
  await publish(page);

  const stored = join(session().repo, 'content/registrations', NAME);
  await expect.poll(() => existsSync(stored), { timeout: 10_000 }).toBe(true);
  expect(readFileSync(stored, 'utf8')).toBe(CSV);
  const log = csvUploadsSchema.parse(
    JSON.parse(readFileSync(join(session().repo, 'content/csv-uploads.json'), 'utf8')),
  );
  expect(log.uploads).toEqual([
    { file: `/content/registrations/${NAME}`, note: 'Xuất ngày 20/6/2024 sau khi rà soát đợt 2' },
  ]);

  const dist = await buildSite(session().repo, session().decap.port);
  onTestFinished(() => rmSync(dist, { recursive: true, force: true }));
  const site = await startServer({ distDir: dist, log: () => {} });
  // Closed also when the test fails or times out, so nothing is left in the temporary folder.
  onTestFinished(() => site.close());
  const list = await (await fetch(`${site.url}/danh-sach/quang-khe/`)).text();
  expect(list).toContain('Cà phê bột Quảng Khê');
  expect(list).not.toContain('0912345678');
  expect(session().blocked).toEqual([]);
}, 180_000);

test('a spreadsheet that is not CSV is refused in Vietnamese and never reaches content/registrations/', async () => {
  const upload = join(tmpdir(), `bang-tinh-${process.pid}.xlsx`);
  writeFileSync(upload, 'PK not a CSV');
  onTestFinished(() => rmSync(upload, { force: true }));
  const page = await session().signIn();
  await page.getByRole('link', { name: 'Tải lên tệp CSV' }).click();
  await page.getByText('Các tệp CSV đã tải lên', { exact: true }).click();
  await page.getByRole('button', { name: /Thêm tệp csv/i }).click();
  await page.getByRole('button', { name: 'Chọn một tập tin' }).first().click();
  await page.locator('input[type=file]').setInputFiles(upload);
  await page.getByRole('button', { name: 'Lấy những cái đã chọn' }).click();
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByText('Công bố ngay', { exact: true }).click();
  await page
    .getByText(/Chỉ nhận tệp \.csv/)
    .first()
    .waitFor();
  await page.screenshot({ path: join(ROOT, 'test-results/cms/csv-refused.png') });
  expect(
    existsSync(join(session().repo, 'content/registrations', `bang-tinh-${process.pid}.xlsx`)),
  ).toBe(false);
  expect(session().blocked).toEqual([]);
}, 60_000);
