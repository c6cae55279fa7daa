// The Content-Security-Policy the service sends is one the pages really satisfy:
// every page, the form in use, the review UI and /admin/ load with no violation reported.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteInBrowser } from '../support/site-in-browser.ts';

const site = useSiteInBrowser();

/** Opens a page that records every CSP violation (the listener is installed outside the page's policy). */
async function openRecording(
  path: string,
): Promise<{ page: Page; violations: () => Promise<string[]>; csp: string | null }> {
  const page = await site.browser.newPage();
  await page.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  const res = await page.goto(site.server.url + path);
  return {
    page,
    csp: res?.headers()['content-security-policy'] ?? null,
    violations: async () => [
      ...(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)),
      ...console,
    ],
  };
}

describe('Content-Security-Policy', () => {
  it.each([
    '/',
    '/cong-van/dang-ky-san-pham-ocop-2024/',
    '/lien-he/',
    '/danh-sach/',
    '/danh-sach/quang-son/',
    '/dang-ky/da-nhan/',
    '/khong-co-trang-nay/',
    '/quan-ly/',
  ])('%s is served with a strict policy and breaks none of it', async (path) => {
    const { page, csp, violations } = await openRecording(path);
    // The review UI keeps its own stricter policy: no script source at all.
    if (path.startsWith('/quan-ly/')) expect(csp).toMatch(/^default-src 'none';(?![^]*script-src)/);
    else expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('the form runs its script, validates and keeps its draft under the policy', async () => {
    const { page, csp, violations } = await openRecording('/dang-ky/');
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await page.fill('#producerName', 'Hợp tác xã Cà phê Quảng Sơn');
    await page.click('button[type=submit]');
    await page.locator('.error-summary, [role=alert]').first().waitFor();
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('the filter on the list page works under the policy', async () => {
    const { page, violations } = await openRecording('/danh-sach/');
    const search = page.locator('input[type=search], input[type=text]').first();
    if ((await search.count()) > 0) await search.fill('ca phe');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('/admin/ starts the CMS under its own policy (after the sign-in it sends an editor to)', async () => {
    await site.server.app.deps.accounts.add('csp-bien-tap', 'mat khau dai cho csp', null);
    const { page, csp, violations } = await openRecording('/admin/');
    expect(csp).toMatch(/default-src 'self'/);
    await page.waitForURL(/\/quan-ly\/dang-nhap\?tiep=/);
    await page.getByLabel('Tên tài khoản').fill('csp-bien-tap');
    await page.getByLabel('Mật khẩu').fill('mat khau dai cho csp');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.waitForURL(/\/admin\/(#.*)?$/);
    // Decap's own sign-in button: the CMS bundle ran under the admin policy.
    await page.getByRole('button', { name: /Đăng nhập/ }).waitFor({ timeout: 30_000 });
    expect(await violations()).toEqual([]);
    await page.close();
  });
});
