// "In phiếu đăng ký" on the confirmation page: after sending the form, the tab prints the phiếu filled with what it
// sent (from sessionStorage, never from the server); the same URL opened elsewhere prints only the slip, with no
// personal data on the page.
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/site-in-browser.ts';
import { fillRegistration } from './helpers.ts';

const site = useSiteInBrowser();

describe('the printed phiếu after sending', () => {
  it('is filled in the tab that sent the form, shown in print only, and empty anywhere else', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/dang-ky/`);
    await fillRegistration(page, 'Mật ong hoa cà phê');
    await page.click('button[type=submit]');
    await page.waitForURL(/\/dang-ky\/da-nhan\/\?ma=/);
    const url = page.url();
    const receipt = new URL(url).searchParams.get('ma')!;
    expect(await page.isVisible('#phieu')).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#phieu')).toBe(true);
    expect(await page.isVisible('.panel')).toBe(false);
    const sheet = await page.locator('#phieu').innerText();
    for (const value of [
      'PHIẾU ĐĂNG KÝ SẢN PHẨM OCOP',
      receipt,
      'Mật ong hoa cà phê',
      'Nguyễn Thị Hoà',
      '0912 345 678',
      'Hợp tác xã',
      'Bao bì, nhãn mác',
      'Người đăng ký',
    ]) {
      expect(sheet).toContain(value);
    }
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
    await context.close();

    // Another browser opening the same address: the slip only; nothing personal on the page.
    const other = await site.browser.newContext();
    const elsewhere = await other.newPage();
    await elsewhere.goto(url);
    expect(await elsewhere.locator('#phieu-truong tr').count()).toBe(0);
    expect(await elsewhere.content()).not.toContain('Nguyễn Thị Hoà');
    await elsewhere.emulateMedia({ media: 'print' });
    expect(await elsewhere.isVisible('.panel')).toBe(true);
    await other.close();
  });
});
