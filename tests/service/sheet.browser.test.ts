// The printable phiếu đăng ký at /quan-ly/ho-so/RECEIPT/phieu, in a real Chromium over the real service: every
// field and the signature block on the page, one A4 page printed to PDF, the same unit scope as the registration's
// page (another unit's receipt reads as unknown), logged as a view. With REVIEW_SCREENSHOTS=DIR set, a screenshot
// and the PDF are saved there for a person to look at.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PASSWORD = 'mật khẩu đủ dài 123';
const SHOTS = process.env.REVIEW_SCREENSHOTS;
let browser: Browser;
let server: RunningServer;
let receipt = '';
let otherUnit = '';

async function register(commune: string, productName: string): Promise<string> {
  const res = await fetch(`${server.url}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      producerName: 'Hợp tác xã Cà phê Quảng Sơn',
      producerType: 'hop-tac-xa',
      representative: 'Nguyễn Thị Hoà',
      phone: '0912 345 678',
      commune,
      address: 'Thôn 2',
      productName,
      productGroup: 'thuc-pham',
      productStage: 'da-co',
      description: 'Rang mộc, xay mịn',
      consentProcessing: true,
    }),
  });
  return ((await res.json()) as { receipt: string }).receipt;
}

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  receipt = await register('quang-son', 'Cà phê bột nguyên chất');
  otherUnit = await register('dak-som', 'Thổ cẩm dệt tay');
  await server.app.deps.accounts.add('quangson', PASSWORD, 'quang-son');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedInPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/quan-ly/dang-nhap`);
  await page.fill('#ten', 'quangson');
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/quan-ly\/$/);
  return page;
}

describe('the printable registration sheet', () => {
  it('shows every field, the authority and a signature block, prints on one A4 page, and is logged', async () => {
    const page = await signedInPage();
    await page.goto(`${server.url}/quan-ly/ho-so/${receipt}`);
    await page.getByRole('link', { name: /In phiếu đăng ký/ }).click();
    await page.waitForURL(new RegExp(`/quan-ly/ho-so/${receipt}/phieu$`));
    const text = await page.locator('.sheet').innerText();
    for (const value of [
      'PHIẾU ĐĂNG KÝ SẢN PHẨM OCOP',
      receipt,
      'Cà phê bột nguyên chất',
      'Nguyễn Thị Hoà',
      '0912345678',
      'Rang mộc, xay mịn',
      'Người đăng ký',
      'Ký, ghi rõ họ tên',
    ]) {
      expect(text).toContain(value);
    }
    expect(text).toContain(server.app.deps.content.authority.name.toUpperCase());
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    if (SHOTS) {
      await page.screenshot({ path: join(SHOTS, 'sheet-1280.png'), fullPage: true });
      writeFileSync(join(SHOTS, 'sheet.pdf'), pdf);
    }
    const log = server.app.deps.audit.list(5);
    expect(log.some((e) => e.receipt === receipt && e.detail === 'in phiếu đăng ký')).toBe(true);
    await page.context().close();
  });

  it("answers another unit's receipt as unknown and sends a visitor without a session to sign in", async () => {
    const page = await signedInPage();
    const res = await page.goto(`${server.url}/quan-ly/ho-so/${otherUnit}/phieu`);
    expect(res?.status()).toBe(404);
    expect(await page.content()).not.toContain('Thổ cẩm dệt tay');
    await page.context().close();
    const anonymous = await fetch(`${server.url}/quan-ly/ho-so/${receipt}/phieu`, {
      redirect: 'manual',
    });
    expect(anonymous.status).toBe(303);
  });
});
