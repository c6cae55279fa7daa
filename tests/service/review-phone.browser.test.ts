// The review UI in a real Chromium over the real service at 360 px and 1280 px: cards that keep receipts whole
// and statuses on screen, search, counts that add up, tel: links, commune scope. With REVIEW_SCREENSHOTS=DIR
// set, the list and the detail are saved there as PNGs at both widths (for a person to look at).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, hasHorizontalScroll } from '../support/axe.ts';
import { launchBrowser } from '../support/browser.ts';
import { startServer, type RunningServer } from '../support/server.ts';

const PASSWORD = 'mật khẩu đủ dài 123';
const SHOTS = process.env.REVIEW_SCREENSHOTS;
const WIDTHS = [360, 1280] as const;

let browser: Browser;
let server: RunningServer;
/** Receipts by a short name for each registration below. */
const r: Record<string, string> = {};

const PEOPLE = {
  coffee: {
    productName: 'Cà phê bột nguyên chất Đắk',
    producerName: 'Hợp tác xã Cà phê Quảng Sơn',
    commune: 'quang-son',
  },
  honey: {
    productName: 'Mật ong hoa cà phê',
    producerName: 'Hộ ông Đặng Văn Đức',
    commune: 'quang-son',
  },
  weave: {
    productName: 'Thổ cẩm dệt tay',
    producerName: "Tổ hợp tác dệt thổ cẩm bon B'Tông",
    commune: 'dak-som',
  },
  otherCoffee: {
    productName: 'Cà phê rang xay',
    producerName: 'Công ty TNHH Nông sản Đắk Som',
    commune: 'dak-som',
  },
  long: {
    productName: 'Sâm dây (đẳng sâm) sấy khô đóng hộp quà tặng cao cấp loại đặc biệt',
    producerName: 'Hợp tác xã nông nghiệp dịch vụ tổng hợp Quảng Hòa',
    commune: 'quang-hoa',
  },
};

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startServer()]);
  for (const [key, p] of Object.entries(PEOPLE)) {
    const res = await fetch(`${server.url}/api/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        ...p,
        producerType: 'hop-tac-xa',
        representative: 'Nguyễn Thị Hoà',
        phone: '0912 345 678',
        email: 'htx@example.vn',
        address: 'Thôn 2',
        productGroup: 'thuc-pham',
        productStage: 'da-co',
        consentProcessing: true,
      }),
    });
    r[key] = ((await res.json()) as { receipt: string }).receipt;
  }
  const { registrations, accounts } = server.app.deps;
  registrations.setStatus(r.honey!, 'da-chon', '', 'huyen', new Date());
  registrations.setStatus(r.long!, 'chua-chon', '', 'huyen', new Date());
  registrations.setStatus(r.weave!, 'da-chon', '', 'huyen', new Date());
  await accounts.add('huyen', PASSWORD, null);
  await accounts.add('quangson', PASSWORD, 'quang-son');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedIn(account: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/quan-ly/dang-nhap`);
  await page.fill('#ten', account);
  await page.fill('#mat-khau', PASSWORD);
  await Promise.all([page.waitForURL(`${server.url}/quan-ly/`), page.click('button[type=submit]')]);
  return page;
}

/** The receipts shown (cards or table rows, whichever is visible). */
async function shownReceipts(page: Page): Promise<string[]> {
  return page.$$eval('.receipt', (els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent!.trim()),
  );
}

async function search(page: Page, text: string): Promise<void> {
  await page.fill('#tim', text);
  await Promise.all([page.waitForURL(/\?/), page.click('.search-row button')]);
}

describe.each(WIDTHS)('the list at %i px', (width) => {
  it('keeps each receipt on one line, each status on screen, nothing sideways; passes axe', async () => {
    const page = await signedIn('huyen', width);
    expect(await shownReceipts(page)).toHaveLength(5);
    const layout = await page.evaluate(() => {
      const visible = (e: Element) => (e as HTMLElement).offsetParent !== null;
      const lines = [...document.querySelectorAll('.receipt')].filter(visible).map((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      });
      const rows = [...document.querySelectorAll('.cards > li, .table-wrap tbody tr')].filter(
        visible,
      );
      const statuses = rows.map((row) => {
        const rect = row.querySelector('.status')!.getBoundingClientRect();
        return rect.left >= 0 && rect.right <= window.innerWidth && rect.width > 0;
      });
      return { lines, statuses };
    });
    expect(layout.lines).toEqual([1, 1, 1, 1, 1]);
    expect(layout.statuses).toEqual([true, true, true, true, true]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `list-${width}.png`), fullPage: true });
    await page.context().close();
  });

  it('finds by a product name typed without accents, and by a receipt typed without its dash', async () => {
    const page = await signedIn('huyen', width);
    await search(page, 'ca phe');
    expect((await shownReceipts(page)).sort()).toEqual([r.coffee, r.honey, r.otherCoffee].sort());
    await search(page, 'dang van duc');
    expect(await shownReceipts(page)).toEqual([r.honey]);
    await search(page, r.weave!.replace('-', '').toLowerCase());
    expect(await shownReceipts(page)).toEqual([r.weave]);
    expect(await page.getAttribute('a[download]', 'href')).toBe(
      `/api/registrations.csv?q=${r.weave!.replace('-', '').toLowerCase()}`,
    );
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.context().close();
  });

  it('counts per status add up to the total, and each count filters', async () => {
    const page = await signedIn('huyen', width);
    const counts = await page.$$eval('.counts a', (links) =>
      links.map((a) => Number(a.querySelector('strong')!.textContent)),
    );
    const [all, ...perStatus] = counts;
    expect(all).toBe(5);
    expect(perStatus.reduce((a, b) => a + b, 0)).toBe(all);
    await Promise.all([
      page.waitForURL(/status=da-chon/),
      page.click('.counts a[data-status=da-chon]'),
    ]);
    expect((await shownReceipts(page)).sort()).toEqual([r.honey, r.weave].sort());
    expect(await page.textContent('#so-ho-so')).toContain('2 hồ sơ');
    // A filter is on, so the folded filters are open: still nothing sideways.
    expect(await page.getAttribute('details.more', 'open')).not.toBeNull();
    expect(await hasHorizontalScroll(page)).toBe(false);
    if (SHOTS)
      await page.screenshot({ path: join(SHOTS, `list-filtered-${width}.png`), fullPage: false });
    await page.context().close();
  });

  it('shows the detail with tel: and mailto: links and the status form within a thumb', async () => {
    const page = await signedIn('huyen', width);
    await page.goto(`${server.url}/quan-ly/ho-so/${r.long}`);
    expect(await page.getAttribute('dd a[href^="tel:"]', 'href')).toBe('tel:0912345678');
    expect(await page.getAttribute('dd a[href^="mailto:"]', 'href')).toBe('mailto:htx@example.vn');
    // On a phone, before any scrolling, calling and the way to the status form are on screen, side by side.
    const jump = await page.$$eval('.thumb a', (links) =>
      links.every((a) => {
        const rect = a.getBoundingClientRect();
        return (
          rect.top >= 0 &&
          rect.bottom <= window.innerHeight &&
          rect.height >= 24 &&
          rect.top === links[0]!.getBoundingClientRect().top
        );
      }),
    );
    if (width === 360) expect(jump).toBe(true);
    else expect(await page.isVisible('.thumb a[href="#ra-soat"]')).toBe(true);
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, `detail-${width}.png`), fullPage: false });
    if (SHOTS)
      await page.screenshot({ path: join(SHOTS, `detail-full-${width}.png`), fullPage: true });
    await page.click('.thumb a[href="#ra-soat"]');
    await page.selectOption('#trang-thai', 'da-chon');
    await Promise.all([page.waitForURL(/da-luu=1/), page.click('.review button[type=submit]')]);
    expect(server.app.deps.registrations.get(r.long!)!.status).toBe('da-chon');
    server.app.deps.registrations.setStatus(r.long!, 'chua-chon', '', 'huyen', new Date());
    await page.context().close();
  });
});

describe('a commune account', () => {
  it("never finds another commune's registrations, whatever it searches or filters", async () => {
    const page = await signedIn('quangson', 360);
    await search(page, 'ca phe');
    expect((await shownReceipts(page)).sort()).toEqual([r.coffee, r.honey].sort());
    await page.goto(`${server.url}/quan-ly/?q=${encodeURIComponent(r.otherCoffee!)}`);
    expect(await shownReceipts(page)).toEqual([]);
    await page.goto(`${server.url}/quan-ly/?q=tho+cam&commune=dak-som`);
    expect(await shownReceipts(page)).toEqual([]);
    const all = await page.$eval('.counts a', (a) =>
      Number(a.querySelector('strong')!.textContent),
    );
    expect(all).toBe(0);
    await page.context().close();
  });
});
