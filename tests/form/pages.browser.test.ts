// The form pages in a real Chromium: axe (WCAG 2.2 A/AA), narrow phones, and the confirmation page on static hosting.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasHorizontalScroll } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { DIST, requireDist } from '../support/dist.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { RECEIPT } from './helpers.ts';

let browser: Browser;
let server: RunningServer;
let receipt = '';

beforeAll(async () => {
  requireDist();
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  const response = await fetch(`${server.url}/api/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      producerName: 'Hộ bà Hoa',
      producerType: 'ca-nhan',
      representative: "H'Hoa",
      phone: '0987654321',
      commune: 'dak-plao',
      address: "Bon B'Tông",
      productName: 'Thổ cẩm',
      productGroup: 'thu-cong-my-nghe',
      productStage: 'da-co',
      consentProcessing: true,
    }),
  });
  receipt = ((await response.json()) as { receipt: string }).receipt;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, { width = 360, javaScriptEnabled = true } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(server.url + path);
  return page;
}

/**
 * The 422 page, reached by a plain form POST. With JavaScript on (for axe),
 * form.submit() posts without the client script's submit handler.
 */
async function openInvalidPage(javaScriptEnabled = false): Promise<Page> {
  const page = await open('/dang-ky/', { javaScriptEnabled });
  await page.fill('#producerName', '<script>alert(1)</script>');
  await page.fill('#email', 'khong-phai-email');
  if (javaScriptEnabled)
    await Promise.all([
      page.waitForNavigation(),
      page.evaluate(() => (document.getElementById('dang-ky') as HTMLFormElement).submit()),
    ]);
  else await page.click('button[type=submit]');
  await page.waitForSelector('#tom-tat-loi:not([hidden])');
  return page;
}

describe('accessibility and narrow phones', () => {
  const cases: [string, () => Promise<Page>][] = [
    ['/dang-ky/', () => open('/dang-ky/')],
    [
      '/dang-ky/ with errors shown by the script',
      async () => {
        const page = await open('/dang-ky/');
        await page.click('button[type=submit]');
        await page.waitForSelector('.error-message');
        return page;
      },
    ],
    ['the 422 page', () => openInvalidPage(true)],
    ['/dang-ky/da-nhan/', () => open(`/dang-ky/da-nhan/?ma=${receipt}`)],
  ];
  it.each(cases)(
    '%s has no WCAG 2.2 A/AA violation found by axe and no sideways scroll at 360 px',
    async (_, opener) => {
      const page = await opener();
      expect(await axeViolations(page)).toEqual([]);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await page.context().close();
    },
  );

  it('the 422 page escapes what was typed and links every error to its field', async () => {
    const page = await openInvalidPage(false);
    expect(await page.inputValue('#producerName')).toBe('<script>alert(1)</script>');
    const hrefs = await page
      .locator('#tom-tat-loi a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
    expect(hrefs).toContain('email');
    for (const id of hrefs) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    await page.context().close();
  });
});

describe('the confirmation page', () => {
  it('shows the receipt, the round, what happens next and whom to call, and offers copy and print', async () => {
    const page = await open(`/dang-ky/da-nhan/?ma=${receipt}`, { width: 1280 });
    expect(await page.textContent('#ma-ho-so')).toBe(receipt);
    expect(await page.textContent('#dot')).toBe('Đợt tiếp theo');
    const main = await page.innerText('main');
    expect(main).toContain('rà soát');
    expect(main).toContain('danh sách công khai');
    expect(main).toContain('gọi điện cho bạn');
    expect(await page.getAttribute('main a.tel', 'href')).toBe('tel:+84835047419');
    expect(await page.locator('#hanh-dong button').allTextContents()).toEqual([
      'Sao chép mã hồ sơ',
      'In phiếu đăng ký',
    ]);
    expect(await page.locator('meta[name=robots][content=noindex]').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('header.site')).toBe(false);
    expect(await page.isVisible('#hanh-dong')).toBe(false);
    expect(await page.isVisible('#ma-ho-so')).toBe(true);
    await page.context().close();
  });

  it('on static hosting, fills the receipt from the address and the round from the API', async () => {
    // A plain file server for dist/ that passes /api/ to the service, as a static host with the service elsewhere would.
    const html = readFileSync(join(DIST, 'dang-ky/da-nhan/index.html'), 'utf8');
    expect(html).toContain('%MA_HO_SO%');
    expect(html).toContain('%DOT%');
    let apiCalls = 0;
    const host: Server = createServer(async (req, res) => {
      if (req.url!.startsWith('/api/')) {
        apiCalls++;
        const r = await fetch(server.url + req.url, { headers: { Accept: 'application/json' } });
        res.writeHead(r.status, { 'Content-Type': 'application/json' }).end(await r.text());
      } else res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    });
    await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
    const page = await browser.newPage();
    await page.goto(`${base}/dang-ky/da-nhan/?ma=${receipt.toLowerCase()}`);
    expect(await page.textContent('#ma-ho-so')).toBe(receipt);
    await expect.poll(() => apiCalls).toBe(1);
    expect(await page.textContent('#dot')).toBe('Đợt tiếp theo');
    await page.goto(`${base}/dang-ky/da-nhan/`);
    expect(await page.textContent('#ma-ho-so')).toContain('không có mã hồ sơ');
    await page.close();
    await new Promise((ok) => host.close(ok));
  });

  it('answers an unknown receipt without inventing one', async () => {
    const page = await open('/dang-ky/da-nhan/?ma=ZZZZ-ZZZZ');
    expect(await page.textContent('#ma-ho-so')).not.toMatch(RECEIPT);
    await page.context().close();
  });
});

describe('with JavaScript on, the round notice is recomputed for the day it is read', () => {
  it.each([
    ['2024-03-10T09:00:00+07:00', 'Đợt 1'],
    ['2024-03-25T00:00:00+07:00', 'Đợt 2'],
    ['2024-06-25T00:00:00+07:00', 'Đợt tiếp theo'],
  ])('on %s it says %s', async (at, label) => {
    const context = await browser.newContext();
    await context.clock.setFixedTime(new Date(at));
    const page = await context.newPage();
    await page.goto(`${server.url}/dang-ky/`);
    expect(await page.textContent('#dot-xet strong')).toBe(label);
    await context.close();
  });
});
