/**
 * Honest data: content/ ships no invented registration, so the default build's list says nothing is
 * published yet; a demo build (SAMPLE_DATA=1, `npm run demo`) lists the sample exports of examples/
 * and says "Dữ liệu mẫu" on every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../support/dist.ts';

const ROOT = join(import.meta.dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'sample-data-'));
const registryDir = join(tmp, 'registry');
const dist = join(tmp, 'dist');
const env = { ...process.env, SAMPLE_DATA: '1', REGISTRY_DIR: registryDir };

beforeAll(() => {
  const reg = spawnSync(process.execPath, ['scripts/registry.ts', '--out', registryDir], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  if (reg.status !== 0) throw new Error(reg.stderr);
  const build = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist],
    { cwd: ROOT, encoding: 'utf8', env },
  );
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('honest data', () => {
  it('content/ holds no registration export; the sample lives in examples/', () => {
    const csv = readdirSync(join(ROOT, 'content/registrations')).filter((f) =>
      /\.(csv|tsv|txt)$/i.test(f),
    );
    expect(csv).toEqual([]);
    expect(existsSync(join(ROOT, 'examples/registrations/vi-du-2024-dot-1-2.csv'))).toBe(true);
  });

  it('a demo build lists the sample products and every page says "Dữ liệu mẫu"', () => {
    const list = readFileSync(join(dist, 'danh-sach/index.html'), 'utf8');
    expect(list).not.toContain('Chưa có sản phẩm nào được công bố');
    expect(list).toMatch(/<li data-loc=/);
    // The embeddable card (/nhung/) shows the rounds, never the list, so it carries no sample banner.
    const pages = listFiles(dist).filter(
      (f) => f.endsWith('.html') && !f.startsWith('admin/') && !f.startsWith('nhung/'),
    );
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages)
      expect(readFileSync(join(dist, page), 'utf8'), page).toMatch(
        /<p class="sample-banner"[^>]*><strong>Dữ liệu mẫu<\/strong>/,
      );
    expect(JSON.parse(readFileSync(join(dist, 'du-lieu/danh-sach-ocop.json'), 'utf8')).sample).toBe(
      true,
    );
  });

  it('the default list (no sample) says plainly that nothing is published yet and what happens next', () => {
    const reg = spawnSync(process.execPath, ['scripts/registry.ts', '--out', join(tmp, 'plain')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SAMPLE_DATA: '' },
    });
    expect(reg.status).toBe(0);
    const plain = JSON.parse(readFileSync(join(tmp, 'plain/danh-sach-ocop.json'), 'utf8'));
    expect(plain.sample).toBeUndefined();
    expect(plain.communes.every((c: { products: unknown[] }) => c.products.length === 0)).toBe(
      true,
    );
    const built = join(ROOT, 'dist/danh-sach/index.html');
    if (!existsSync(built))
      throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
    const html = readFileSync(built, 'utf8');
    expect(html).toContain('Chưa có sản phẩm nào được công bố');
    expect(html).toContain('Sản phẩm được chọn sẽ được đăng tại trang này');
    expect(html).not.toContain('Dữ liệu mẫu');
  });
});
