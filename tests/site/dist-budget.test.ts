// Budgets and hygiene checked on the built site: weight, JavaScript, foreign assets, titles.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  attrs,
  DIST,
  inlineScripts,
  listFiles,
  readDist,
  requireDist,
  urlPathOf,
} from '../support/dist.ts';

/** Reading pages must arrive in the first round trip of a new connection (10 × 1,460-byte segments ≈ 14 KB). */
const READING_BUDGET = 14 * 1024;
/** Pages that are applications, not reading pages, with budgets of their own. */
const NOT_READING = [/^\/admin\//, /^\/dang-ky\//, /^\/quan-ly\//];

let pages: { file: string; path: string; html: string }[] = [];

beforeAll(() => {
  requireDist();
  pages = listFiles(DIST)
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ file, path: urlPathOf(file), html: readDist(file).toString('utf8') }));
});

const isReading = (path: string) => !NOT_READING.some((re) => re.test(path));

/** HTML plus every stylesheet and script it loads, each gzipped as a server would send it. */
function pageWeight(html: string): number {
  const assets = [
    ...attrs(html, 'link', 'href').filter((h) => /\.css($|\?)/.test(h)),
    ...attrs(html, 'script', 'src'),
  ];
  return [Buffer.from(html), ...assets.map((a) => readDist(a.split('?')[0]!))].reduce(
    (sum, b) => sum + gzipSync(b, { level: 9 }).length,
    0,
  );
}

describe('the built site', () => {
  it('has the reading pages of the notice issue', () => {
    const paths = pages.map((p) => p.path);
    for (const p of ['/', '/lien-he/', '/cong-van/dang-ky-san-pham-ocop-2024/', '/404'])
      expect(paths).toContain(p);
    expect(listFiles(DIST)).toContain('sitemap-index.xml');
    expect(listFiles(DIST)).toContain('lich-dang-ky.ics');
  });

  it('keeps every reading page within 14 KB gzip, CSS and JS included', () => {
    const weights = pages
      .filter((p) => isReading(p.path))
      .map((p) => ({ path: p.path, bytes: pageWeight(p.html) }));
    console.log(weights.map((w) => `${w.path} ${w.bytes} B`).join('\n'));
    for (const w of weights) expect(w.bytes, w.path).toBeLessThanOrEqual(READING_BUDGET);
  });

  it('ships no script files on reading pages and at most 1 KB of inline script each', () => {
    for (const p of pages.filter((p) => isReading(p.path))) {
      expect(attrs(p.html, 'script', 'src'), p.path).toEqual([]);
      for (const s of inlineScripts(p.html))
        expect(Buffer.byteLength(s), p.path).toBeLessThanOrEqual(1024);
    }
  });

  it('loads no asset from another host', () => {
    for (const p of pages) {
      const assets = [
        ...attrs(p.html, 'script', 'src'),
        ...attrs(p.html, 'link', 'href'),
        ...attrs(p.html, 'img', 'src'),
        ...attrs(p.html, 'iframe', 'src'),
        ...attrs(p.html, 'source', 'src'),
      ];
      const links = p.html.match(/<link\b[^>]*>/gi) ?? [];
      const foreign = assets.filter(
        (a) =>
          /^(https?:)?\/\//i.test(a) &&
          !links.some((l) => l.includes(a) && /rel="?(canonical|alternate)/.test(l)),
      );
      expect(foreign, p.path).toEqual([]);
      expect(p.html, p.path).not.toMatch(/@import\s+url\(\s*['"]?(https?:)?\/\//i);
      expect(p.html, p.path).not.toMatch(/url\(\s*['"]?https?:\/\//i);
    }
  });

  it('gives every page lang="vi", a title, a description and exactly one h1', () => {
    for (const p of pages.filter((p) => !p.path.startsWith('/admin/'))) {
      expect(p.html, p.path).toMatch(/<html[^>]*\slang="vi"/);
      expect(p.html, p.path).toMatch(/<title>[^<]+<\/title>/);
      expect(attrs(p.html, 'meta', 'name').includes('description'), p.path).toBe(true);
      expect(p.html.match(/<h1[\s>]/g)?.length ?? 0, p.path).toBe(1);
    }
  });

  it('uses system fonts only', () => {
    const files = listFiles(DIST).filter((f) => !f.startsWith('admin/'));
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/.test(f))).toEqual([]);
    for (const p of pages.filter((p) => isReading(p.path)))
      expect(p.html, p.path).not.toMatch(/@font-face/);
  });
});
