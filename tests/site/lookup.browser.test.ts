// The lookup page in Chromium with JavaScript off, over the built dist/ and the real service:
// typing a code and submitting the form, every status, accessibility, 360 px, and the links to it.
import { describe, expect, it } from 'vitest';
import { axeViolations, hasHorizontalScroll } from '../support/axe.ts';
import { useSiteInBrowser } from '../support/site-in-browser.ts';

const site = useSiteInBrowser();
const REASON = 'Vui lòng bổ sung phiếu kiểm nghiệm chỉ tiêu chất lượng sản phẩm.';

async function register(): Promise<string> {
  const { value } = await import('../service/helpers.ts').then((h) => ({ value: h.validBody() }));
  const res = await fetch(`${site.server.url}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(value),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

/** axe runs as a script, so it looks at the same URL in a page with JavaScript on (the page itself has none). */
async function axeAt(url: string) {
  const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.goto(url);
  const found = await axeViolations(page);
  const scrolls = await hasHorizontalScroll(page);
  await page.close();
  return scrolls ? [...found, { id: 'scrolls sideways at 360 px' }] : found;
}

async function noScriptPage(width = 360) {
  const context = await site.browser.newContext({
    javaScriptEnabled: false,
    viewport: { width, height: 800 },
  });
  return { context, page: await context.newPage() };
}

describe('/tra-cuu/ without JavaScript', () => {
  it('a producer types the code (lower case, no dash) and sees every status in words; axe finds nothing; no sideways scroll at 360 px', async () => {
    const receipt = await register();
    const { context, page } = await noScriptPage();
    await page.goto(`${site.server.url}/tra-cuu/`);
    await page.fill('#ma', receipt.replace('-', '').toLowerCase());
    await Promise.all([page.waitForURL(/\?ma=/), page.click('button[type="submit"]')]);
    const text = async () => (await page.textContent('main'))!.replace(/\s+/g, ' ');
    expect(await text()).toContain(receipt);
    expect(await text()).toContain('Đã nhận, đang chờ rà soát');
    expect(await axeAt(page.url())).toEqual([]);
    expect(await page.content()).not.toContain('<script');

    const store = site.server.app.deps.registrations;
    for (const [status, words, publicNote] of [
      ['can-bo-sung', 'Cần bổ sung hồ sơ', REASON],
      ['da-chon', 'Đã được chọn xây dựng sản phẩm OCOP', ''],
      ['chua-chon', 'Chưa được chọn trong đợt này', ''],
      ['rac', 'Đã nhận, đang chờ rà soát', ''],
    ] as const) {
      store.setStatus(receipt, status, 'riêng', 'huyen', new Date(), publicNote);
      const res = await page.goto(`${site.server.url}/tra-cuu/?ma=${receipt}`);
      expect(res?.status()).toBe(200);
      expect(await text()).toContain(words);
      expect((await text()).includes(REASON)).toBe(status === 'can-bo-sung');
      expect(await text()).not.toContain('riêng');
      if (status === 'can-bo-sung') {
        expect(await axeAt(page.url())).toEqual([]);
      }
    }
    await context.close();
  });

  it('an unknown code: 404 page in the site frame naming it, with a way to call', async () => {
    const { context, page } = await noScriptPage(1280);
    const res = await page.goto(`${site.server.url}/tra-cuu/?ma=zz zz 2222`);
    expect(res?.status()).toBe(404);
    const main = (await page.textContent('main'))!;
    expect(main).toContain('ZZZZ-2222');
    expect(await page.locator('main a[href^="tel:"]').count()).toBeGreaterThan(0);
    expect(await page.inputValue('#ma')).toBe('zz zz 2222');
    expect(await page.locator('footer').count()).toBe(1);
    expect(await axeAt(page.url())).toEqual([]);
    await context.close();
  });

  it('is linked from the home page, the list and the confirmation page', async () => {
    const receipt = await register();
    const { context, page } = await noScriptPage(1280);
    for (const path of ['/', '/danh-sach/', `/dang-ky/da-nhan/?ma=${receipt}`]) {
      await page.goto(site.server.url + path);
      expect(await page.locator('main a[href="/tra-cuu/"]').count(), path).toBeGreaterThan(0);
    }
    await context.close();
  });
});
