/**
 * Builds the whole site from fixtures full of personal data and searches every
 * file under dist/ for each private value of the input: zero hits. Hostile
 * product names must come out as text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const tmp = mkdtempSync(join(tmpdir(), 'registry-privacy-'));
const registryDir = join(tmp, 'registry');
const dist = join(tmp, 'dist');
const files = new Map<string, string>();

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

beforeAll(() => {
  const reg = spawnSync(
    process.execPath,
    ['scripts/registry.ts', join(FIXTURES, 'readable'), '--out', registryDir],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (reg.status !== 0) throw new Error(reg.stderr);
  const build = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, REGISTRY_DIR: registryDir } },
  );
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  for (const file of walk(dist)) files.set(relative(dist, file), readFileSync(file, 'utf8'));
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The forms a value could take in a built file: as is, HTML-escaped, JSON-escaped; a phone by its last 9 digits. */
function forms(value: string): string[] {
  const html = value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  const out = new Set([value, html, JSON.stringify(value).slice(1, -1)]);
  if (/^0\d{9,10}$/.test(value)) out.add(value.slice(-9));
  return [...out];
}

describe('privacy of the built site', () => {
  it('built the list pages from the fixtures', () => {
    expect(files.has('danh-sach/index.html')).toBe(true);
    expect(files.get('du-lieu/danh-sach-ocop.json')).toContain('Mật ong rừng');
  });

  it('contains no phone, email, representative, address, business id, description or review note from the input', () => {
    const secrets: string[] = JSON.parse(
      readFileSync(join(FIXTURES, 'private-values.json'), 'utf8'),
    );
    expect(secrets.length).toBeGreaterThan(150);
    const hits: string[] = [];
    // Control: the same search finds a value that IS public, so zero hits below means something.
    expect(
      forms('Tổ hợp tác sản xuất Tà Đùng').some((f) =>
        files.get('danh-sach/index.html')!.includes(f),
      ),
    ).toBe(true);
    for (const secret of secrets.filter((s) => s.length >= 6)) {
      for (const form of forms(secret))
        for (const [name, text] of files) if (text.includes(form)) hits.push(`${name}: ${form}`);
    }
    expect(hits).toEqual([]);
  });

  it('never publishes the private report', () => {
    expect([...files.keys()].filter((f) => f.includes('bao-cao'))).toEqual([]);
    expect([...files.values()].some((t) => t.includes('"notPublic"'))).toBe(false);
  });

  it('shows a product name holding HTML or a formula as text', () => {
    const page = files.get('danh-sach/dak-plao/index.html')! + files.get('danh-sach/index.html')!;
    expect(page).toContain('&lt;script&gt;alert(&quot;ocop&quot;)&lt;/script&gt; Mật ong rừng');
    expect(page).not.toContain('<script>alert');
    expect(files.get('du-lieu/danh-sach-ocop.csv')).toContain(
      `'=HYPERLINK(""http://lua-dao.example"",""Cà phê"")`,
    );
  });
});

describe('list pages', () => {
  it('has a page for every commune; an empty one says so and how to register', () => {
    for (const slug of [
      'quang-son',
      'quang-hoa',
      'dak-ha',
      'dak-r-mang',
      'quang-khe',
      'dak-plao',
      'dak-som',
    ])
      expect(files.has(`danh-sach/${slug}/index.html`)).toBe(true);
    const list = JSON.parse(files.get('du-lieu/danh-sach-ocop.json')!);
    expect(list.communes.map((c: { slug: string }) => c.slug)).toHaveLength(7);
  });

  it('keeps /danh-sach/ within 14 KB gzip, HTML, CSS and script together', () => {
    expect(gzipSync(files.get('danh-sach/index.html')!).length).toBeLessThan(14 * 1024);
  });

  it('describes the open data as a Frictionless data package', () => {
    const pkg = JSON.parse(files.get('du-lieu/datapackage.json')!);
    expect(pkg.resources.map((r: { path: string }) => new URL(r.path).pathname)).toEqual([
      '/du-lieu/danh-sach-ocop.csv',
      '/du-lieu/danh-sach-ocop.json',
    ]);
    const header = files
      .get('du-lieu/danh-sach-ocop.csv')!
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    expect(pkg.resources[0].schema.fields.map((f: { name: string }) => f.name)).toEqual(header);
  });

  it('filters products without accents in a real browser ("ca phe" finds "Cà phê"), and works as a list without JS', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
      await page.goto(`file://${join(dist, 'danh-sach/index.html')}`);
      await page.fill('#loc', 'ca phe');
      const visible = await page.$$eval('[data-loc]', (els) =>
        els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.textContent ?? ''),
      );
      expect(visible.length).toBeGreaterThan(0);
      for (const text of visible)
        expect(
          text
            .normalize('NFD')
            .replace(/[\u0300-\u036f]/g, '')
            .toLowerCase(),
        ).toContain('ca phe');
      expect(await page.textContent('#loc-kq')).toBe(`${visible.length} sản phẩm phù hợp`);
      await page.fill('#loc', 'không có sản phẩm này');
      expect(
        await page.$$eval(
          '[data-loc]',
          (els) => els.filter((e) => !(e as HTMLElement).hidden).length,
        ),
      ).toBe(0);
      const noJs = await browser.newPage({ javaScriptEnabled: false });
      await noJs.goto(`file://${join(dist, 'danh-sach/index.html')}`);
      expect(await noJs.isVisible('#loc')).toBe(false);
      expect(await noJs.$$eval('[data-loc]', (els) => els.length)).toBeGreaterThan(10);
    } finally {
      await browser.close();
    }
  });
});
