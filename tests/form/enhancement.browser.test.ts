// What the client script adds to /dang-ky/: the error summary, the draft, one submissionId per attempt, one send per press.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/site-in-browser.ts';
import { addEditor, exportCsv, fillRegistration, RECEIPT } from './helpers.ts';

const site = useSiteInBrowser();

async function openForm(): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${site.server.url}/dang-ky/`);
  return page;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the enhanced form', () => {
  it('shows the error summary, focused, with a link to each field, and inline errors described by the fields', async () => {
    const page = await openForm();
    let posts = 0;
    page.on('request', (r) => void (r.method() === 'POST' && posts++));
    await page.fill('#phone', '0123');
    await page.click('button[type=submit]');
    expect(await focusedId(page)).toBe('tom-tat-loi');
    const hrefs = await page
      .locator('#tom-tat-loi a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual([
      '#producerName',
      '#producerType',
      '#representative',
      '#phone',
      '#commune',
      '#address',
      '#productName',
      '#productGroup',
      '#productStage',
      '#consentProcessing',
    ]);
    expect(await page.textContent('#phone-error')).toContain('Số điện thoại không đúng');
    expect(await page.getAttribute('#phone', 'aria-describedby')).toBe('phone-hint phone-error');
    expect(await page.getAttribute('#phone', 'aria-invalid')).toBe('true');
    expect(posts).toBe(0);
    await page.click('#tom-tat-loi a[href="#productGroup"]');
    expect(await focusedId(page)).toBe('productGroup');
    // Fixing a field clears its error as the person types.
    await page.fill('#phone', '0912345678');
    expect(await page.locator('#phone-error').count()).toBe(0);
    expect(await page.getAttribute('#phone', 'aria-invalid')).toBeNull();
    expect(await page.locator('#tom-tat-loi a[href="#phone"]').count()).toBe(0);
  });

  it('keeps a draft on the device across a reload, then clears it once sent', async () => {
    const page = await openForm();
    await fillRegistration(page, 'Tiêu Đắk Som');
    await page.fill('#description', 'Dòng 1\nDòng 2 "có ngoặc"');
    await page.fill('#website', '');
    await page.waitForFunction(() =>
      localStorage.getItem('ocop-dang-ky-ban-nhap')?.includes('Tiêu Đắk Som'),
    );
    await page.reload();
    expect(await page.inputValue('#productName')).toBe('Tiêu Đắk Som');
    expect(await page.inputValue('#description')).toBe('Dòng 1\nDòng 2 "có ngoặc"');
    expect(await page.inputValue('#commune')).toBe('quang-son');
    expect(await page.isChecked('input[name=producerType][value=hop-tac-xa]')).toBe(true);
    expect(await page.isChecked('input[name=supportNeeds][value="Bao bì, nhãn mác"]')).toBe(true);
    expect(await page.isChecked('#consentProcessing')).toBe(true);
    expect(await page.textContent('#trang-thai-gui')).toContain('Đã điền lại');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/da-nhan\//);
    expect(await page.evaluate(() => localStorage.getItem('ocop-dang-ky-ban-nhap'))).toBeNull();
  });

  it('restores a draft saved six days ago, drops one saved eight days ago, and never ticks a consent box by itself', async () => {
    const page = await openForm();
    expect(await page.isChecked('#consentProcessing')).toBe(false);
    expect(await page.isChecked('#consentPublishName')).toBe(false);
    const day = 24 * 60 * 60 * 1000;
    const store = (ageDays: number) =>
      page.evaluate(
        ([savedAt]) =>
          localStorage.setItem(
            'ocop-dang-ky-ban-nhap',
            JSON.stringify({ fields: { productName: 'Mật ong Đắk Som' }, savedAt }),
          ),
        [Date.now() - ageDays * day],
      );
    await store(6);
    await page.reload();
    expect(await page.inputValue('#productName')).toBe('Mật ong Đắk Som');
    await store(8);
    await page.reload();
    expect(await page.inputValue('#productName')).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('ocop-dang-ky-ban-nhap'))).toBeNull();
  });

  it('clears the draft and the typed values with "Xóa bản nháp trên máy này"', async () => {
    const page = await openForm();
    await fillRegistration(page, 'Cà phê Quảng Sơn');
    await page.waitForFunction(() =>
      localStorage.getItem('ocop-dang-ky-ban-nhap')?.includes('Cà phê Quảng Sơn'),
    );
    await page.getByRole('button', { name: 'Xóa bản nháp trên máy này' }).click();
    expect(await page.evaluate(() => localStorage.getItem('ocop-dang-ky-ban-nhap'))).toBeNull();
    expect(await page.inputValue('#productName')).toBe('');
    expect(await page.isChecked('#consentProcessing')).toBe(false);
    expect(await page.textContent('#trang-thai-gui')).toContain('Đã xóa bản nháp');
    await page.reload();
    expect(await page.inputValue('#productName')).toBe('');
  });

  it('says so in Vietnamese when the connection drops, keeps the draft, and a retry of the same attempt is stored once', async () => {
    const page = await openForm();
    await fillRegistration(page, 'Rượu cần mất mạng');
    const ids: string[] = [];
    // The first send reaches the service and is committed, but the answer is lost on the way back.
    await page.route('**/api/registrations', async (route) => {
      ids.push(route.request().postDataJSON().submissionId);
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#trang-thai-gui')).toContain('mất kết nối mạng');
    expect(await page.getAttribute('#trang-thai-gui', 'data-kind')).toBe('error');
    expect(await page.isDisabled('button[type=submit]')).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('ocop-dang-ky-ban-nhap'))).toContain(
      ids[0],
    );
    await page.unroute('**/api/registrations');
    page.on(
      'request',
      (r) => void (r.method() === 'POST' && ids.push(r.postDataJSON().submissionId)),
    );
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/da-nhan\//);
    expect((await page.textContent('#ma-ho-so'))!.trim()).toMatch(RECEIPT);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    addEditor(site.server, 'mat-mang', 'mat-khau-dai-du');
    const csv = await exportCsv(site.server, 'mat-mang', 'mat-khau-dai-du');
    expect(csv.split('Rượu cần mất mạng').length - 1).toBe(1);
  });

  it('cannot send twice: the button is disabled and busy while sending', async () => {
    const page = await openForm();
    await fillRegistration(page, 'Chè dây hai lần bấm');
    let posts = 0;
    let release!: () => void;
    const held = new Promise<void>((ok) => (release = ok));
    await page.route('**/api/registrations', async (route) => {
      posts++;
      await held;
      await route.continue();
    });
    await page.click('button[type=submit]');
    expect(await page.isDisabled('button[type=submit]')).toBe(true);
    expect(await page.getAttribute('button[type=submit]', 'aria-busy')).toBe('true');
    await page
      .locator('button[type=submit]')
      .click({ force: true, timeout: 1000 })
      .catch(() => {});
    await page.evaluate(() =>
      (document.getElementById('dang-ky') as HTMLFormElement).requestSubmit(),
    );
    release();
    await page.waitForURL(/\/dang-ky\/da-nhan\//);
    expect(posts).toBe(1);
  });

  it('gives each new registration a fresh submissionId', async () => {
    const seen = new Set<string>();
    for (const name of ['Bơ sáp một', 'Bơ sáp hai']) {
      const page = await openForm();
      page.on(
        'request',
        (r) => void (r.method() === 'POST' && seen.add(r.postDataJSON().submissionId)),
      );
      await fillRegistration(page, name);
      await page.click('button[type=submit]');
      await page.waitForURL(/\/dang-ky\/da-nhan\//);
    }
    expect(seen.size).toBe(2);
  });
});
