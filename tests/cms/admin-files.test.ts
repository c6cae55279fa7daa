// What /admin/ is made of: the npm bundle and our own small files, nothing fetched from elsewhere.
import { expect, test } from 'vitest';
import { adminFiles, noticeCss, readAdminFile } from '../../src/cms/admin-files.ts';
import { buildCmsConfig } from '../../src/cms/config.ts';

const files = adminFiles(
  buildCmsConfig({
    proxyPort: 8123,
    backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8123/api/v1' },
  }),
);
const OUR_FILES = [
  'index.html',
  'config.yml',
  'setup.js',
  'save-rules.js',
  'save-rules-data.js',
  'notice-preview.js',
  'round-preview.js',
  'locale-vi.js',
  'build-status.js',
  'site.css',
  'notice.css',
];

test('the page loads the bundle and our set-up from /admin/ itself', () => {
  const page = readAdminFile(files.get('index.html')!).toString();
  expect(page).toContain('<html lang="vi">');
  expect([...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
    '/favicon.svg',
    'config.yml',
    'decap-cms.js',
    'setup.js',
  ]);
  expect(files.has('decap-cms.js')).toBe(true);
  // Lazy chunks and WebAssembly that the bundle fetches from beside itself.
  expect([...files.keys()].filter((n) => n.endsWith('.decap-cms.js')).length).toBeGreaterThan(50);
  expect([...files.keys()].some((n) => n.endsWith('.wasm'))).toBe(true);
  expect([...files.keys()].some((n) => n.endsWith('.map'))).toBe(false);
});

test('our own admin files name no address off this machine', () => {
  for (const name of OUR_FILES) {
    const text = readAdminFile(files.get(name)!).toString();
    const addresses = [...text.matchAll(/https?:\/\/[^\s"'`)]+/g)]
      .map((m) => m[0])
      .filter((u) => !/^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(u));
    expect(addresses, name).toEqual([]);
  }
});

test('the configuration points local editing at decap-server on loopback, in Vietnamese', () => {
  const config = readAdminFile(files.get('config.yml')!).toString();
  expect(config).toContain('"locale": "vi"');
  expect(config).toContain('"url": "http://127.0.0.1:8123/api/v1"');
});

test("the notice preview gets the notice page's own styles, unscoped", () => {
  const css = noticeCss();
  expect(css).toContain('.doc-head');
  expect(css).not.toContain(':global(');
  expect(readAdminFile(files.get('site.css')!).toString()).toContain('.rounds');
});
