// What the authority's portal takes from the built site: the notices' Atom feed (strict XML parser,
// RFC 4287 rules, announced on every page) and the deadline card, framed by a page on another port
// in Chromium while every other page keeps refusing to be framed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtom } from '../support/atom.ts';
import { listFiles, DIST, readDist } from '../support/dist.ts';
import { useSiteInBrowser } from '../support/site-in-browser.ts';

const site = useSiteInBrowser();

describe('/cong-van/feed.xml', () => {
  it('is Atom 1.0 that keeps the rules, one entry per notice linking to its page, served as application/atom+xml', async () => {
    const res = await fetch(`${site.server.url}/cong-van/feed.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = readAtom(await res.text());
    expect(feed.problems).toEqual([]);
    const noticePages = listFiles(DIST).filter((f) => /^cong-van\/[^/]+\/index\.html$/.test(f));
    expect(feed.entries).toHaveLength(noticePages.length);
    for (const entry of feed.entries) {
      const href = entry.links.find((l) => l.rel === 'alternate')!.href!;
      expect(entry.id).toBe(href);
      const page = await fetch(`${site.server.url}${new URL(href).pathname}`);
      expect(page.status).toBe(200);
    }
  });

  it('is announced in the head of every page', () => {
    const pages = listFiles(DIST).filter(
      (f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('nhung/'),
    );
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const head = readDist(file).toString('utf8').split('</head>')[0]!;
      expect(head, file).toMatch(
        /<link rel="alternate" type="application\/atom\+xml"[^>]* href="\/cong-van\/feed\.xml"/,
      );
    }
  });
});

describe('/nhung/han-dang-ky/', () => {
  let other: Server;
  let otherUrl: string;
  beforeAll(async () => {
    // Another site (another port = another origin) that frames the card and, for contrast, the home page.
    other = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="vi"><title>Cổng thông tin</title><h1>Cổng thông tin</h1>
<iframe id="the" src="${site.server.url}/nhung/han-dang-ky/" title="Hạn đăng ký" width="500" height="320"></iframe>
<iframe id="home" src="${site.server.url}/" title="Trang chủ" width="500" height="320"></iframe>`);
    });
    await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((ok) => other.close(() => ok())));

  it('is small, has no script and no external asset, in the build and as the service answers it', async () => {
    const built = readDist('nhung/han-dang-ky/index.html');
    const served = Buffer.from(
      await (await fetch(`${site.server.url}/nhung/han-dang-ky/`)).arrayBuffer(),
    );
    for (const bytes of [built, served]) {
      expect(gzipSync(bytes, { level: 9 }).length).toBeLessThanOrEqual(3 * 1024);
      const html = bytes.toString('utf8');
      expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
      expect(html).toContain('href="/dang-ky/"');
      expect(html).toMatch(/Đợt 1/);
    }
  });

  it("shows inside another site's iframe, with the rounds' states; the home page refuses the same frame", async () => {
    const res = await fetch(`${site.server.url}/nhung/han-dang-ky/`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const home = await fetch(`${site.server.url}/`);
    expect(home.headers.get('x-frame-options')).toBe('DENY');
    expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");

    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(otherUrl);
    const card = page.frameLocator('#the');
    await expect
      .poll(
        async () =>
          card
            .locator('h1')
            .textContent({ timeout: 5000 })
            .catch(() => null),
        { timeout: 10_000 },
      )
      .toBe('Hạn đăng ký sản phẩm OCOP');
    const states = await card.locator('.s').allTextContents();
    expect(states.length).toBeGreaterThan(0);
    expect(states.every((s) => /Đã hết hạn|Đang nhận|Sắp hết hạn|Chưa bắt đầu/.test(s))).toBe(true);
    expect(await card.locator('a[href="/dang-ky/"]').getAttribute('target')).toBe('_blank');
    // The blocked frame never holds the site's page.
    await page.waitForTimeout(500);
    const homeFrame = page
      .frames()
      .find((f) => f !== page.mainFrame() && !f.url().includes('/nhung/'));
    expect(homeFrame).toBeDefined();
    expect(
      await homeFrame!
        .locator('a.brand')
        .count()
        .catch(() => 0),
    ).toBe(0);
    await page.close();
  });
});
