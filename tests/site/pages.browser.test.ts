// The reading pages in a real Chromium: accessibility, what residents must see, narrow phones.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, hasHorizontalScroll } from '../support/axe.ts';
import { useSiteInBrowser } from '../support/site-in-browser.ts';

const NOTICE = '/cong-van/dang-ky-san-pham-ocop-2024/';
const site = useSiteInBrowser();

async function open(path: string, width = 360) {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } });
  const response = await page.goto(site.server.url + path);
  expect(response?.status()).toBe(200);
  return page;
}

const squash = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe.each(['/', NOTICE, '/lien-he/'])('page %s', (path) => {
  it('has no WCAG 2.2 A/AA violation found by axe', async () => {
    const page = await open(path);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('does not scroll sideways at 360 px', async () => {
    const page = await open(path);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await page.close();
  });
});

describe('what residents must see', () => {
  it('home shows both deadlines with their state, the phone and the office address', async () => {
    const page = await open('/');
    const text = squash(await page.innerText('main'));
    expect(text).toContain('Đợt 1: trước ngày 25/3/2024');
    expect(text).toContain('Đợt 2: trước ngày 25/6/2024');
    expect(text).toContain('083 5047 419');
    expect(text).toContain('Thôn 1, xã Quảng Khê');
    // Refreshed in the browser: the 2024 rounds are over by now.
    expect(
      await page
        .locator('[data-deadline]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))),
    ).toEqual(['closed', 'closed']);
    expect(await page.locator('a[href="/lich-dang-ky.ics"]').count()).toBe(1);
    await page.close();
  });

  it('home refreshes round states in the browser for the day it is read', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.clock.install({ time: new Date('2024-03-20T09:00:00+07:00') });
    await page.goto(site.server.url + '/');
    const states = await page.locator('[data-deadline]').allInnerTexts();
    expect(states).toEqual(['Sắp hết hạn: còn 5 ngày', 'Chưa bắt đầu']);
    await page.close();
  });

  it('contact page has click-to-call and the commune People’s Committees', async () => {
    const page = await open('/lien-he/');
    expect(await page.locator('a[href="tel:+84835047419"]').first().innerText()).toBe(
      '083 5047 419',
    );
    const text = squash(await page.innerText('main'));
    expect(text).toContain('Thôn 1, xã Quảng Khê, huyện Đắk Glong');
    expect(text).toContain('Ủy ban nhân dân xã Đắk R’Măng'.replace('’', "'"));
    await page.close();
  });
});

describe('the 2024 notice', () => {
  it('contains every sentence of the seed, word for word', async () => {
    const page = await open(NOTICE, 1024);
    const text = squash(await page.innerText('article'));
    const seed = readFileSync(join(import.meta.dirname, 'fixtures/notice-2024.seed.md'), 'utf8');
    const lines = seed
      .split('\n')
      .map((l) => squash(l.replace(/\*\*/g, '').replace(/^\s*-\s+/, '')))
      .filter(Boolean);
    expect(lines.length).toBeGreaterThanOrEqual(40);
    const missing = lines.filter((l) => !text.includes(l));
    expect(missing).toEqual([]);
    await page.close();
  });

  it('lays the header out in two columns on a wide screen and prints on A4', async () => {
    const page = await open(NOTICE, 1024);
    const [issuer, motto] = await Promise.all([
      page.locator('.issuer').boundingBox(),
      page.locator('.motto').boundingBox(),
    ]);
    expect(
      issuer && motto && issuer.x + issuer.width <= motto.x + 1 && Math.abs(issuer.y - motto.y) < 5,
    ).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site').isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
