/**
 * Every file under /admin/: the page, the generated configuration, our small
 * scripts, the site CSS for the preview, and the Decap CMS browser bundle from
 * node_modules (its lazy chunks and WebAssembly included, source maps left out).
 * Used by the build (written to dist/admin/) and by the dev server (served from memory and disk).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { esc } from '../forms/html.ts';
import { readSiteContent } from '../domain/content-files-node.ts';
import { SERVER_CMS_API, SERVER_SIGN_IN } from './backend.ts';
import { buildCmsConfig, cmsConfigYaml, type CmsConfig } from './config.ts';
import { saveRules } from './save-rules-data.ts';
import { HOME_BLOCKS } from '../domain/home-page.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DECAP_DIST = join(ROOT, 'node_modules/decap-cms/dist');
const ADMIN_SRC = join(import.meta.dirname, 'admin');

/** A file of the admin: its text, or the path to copy it from. */
export type AdminFile = { text: string } | { from: string };

/** The admin page, titled after the authority of content/ (CONTENT_DIR when set). */
const page = (siteName: string) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Quản trị nội dung | ${esc(siteName)}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript>Trang quản trị nội dung cần bật JavaScript.</noscript>
<script>window.CMS_MANUAL_INIT = true;</script>
<script src="decap-cms.js"></script>
<script type="module" src="setup.js"></script>
</body>
</html>
`;

/** The notice page's own <style>, unscoped: Astro scopes it to the page, the preview has no such scope. */
export function noticeCss(): string {
  const page = readFileSync(join(ROOT, 'src/pages/cong-van/[slug].astro'), 'utf8');
  const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1];
  if (!style)
    throw new Error('src/pages/cong-van/[slug].astro: no <style> block for the notice preview');
  return style.replace(/:global\(([^)]*)\)/g, '$1').trim() + '\n';
}

/** Decap's bundle and the chunks it loads on demand from beside itself. */
function decapBundle(): Map<string, AdminFile> {
  const files = new Map<string, AdminFile>();
  for (const name of readdirSync(DECAP_DIST)) {
    if (
      name === 'decap-cms.js' ||
      name.endsWith('.decap-cms.js') ||
      name.endsWith('.wasm') ||
      name === 'decap-cms.js.LICENSE.txt'
    ) {
      files.set(name, { from: join(DECAP_DIST, name) });
    }
  }
  return files;
}

export function adminFiles(
  config: CmsConfig = buildCmsConfig({ proxyPort: 8081 }),
): Map<string, AdminFile> {
  const files = decapBundle();
  files.set('index.html', {
    text: page(
      readSiteContent(process.env.CONTENT_DIR ? resolve(process.env.CONTENT_DIR) : undefined)
        .authority.titleSuffix,
    ),
  });
  files.set('config.yml', { text: cmsConfigYaml(config) });
  // What setup.js needs to send an editor without a session to sign in (only when the service is the backend).
  const server = config.backend.proxy_url === SERVER_CMS_API ? SERVER_CMS_API : null;
  files.set('backend-data.js', {
    text: `export default ${JSON.stringify({ server, signIn: SERVER_SIGN_IN, local: config.local_backend.url })};\n`,
  });
  files.set('save-rules-data.js', {
    text: `export default ${JSON.stringify(saveRules(config.collections))};\n`,
  });
  // The home page's boxes, offered as editor components by home-blocks.js.
  files.set('home-blocks-data.js', { text: `export default ${JSON.stringify(HOME_BLOCKS)};\n` });
  for (const name of [
    'setup.js',
    'home-blocks.js',
    'save-rules.js',
    'notice-preview.js',
    'round-preview.js',
    'locale-vi.js',
    'build-status.js',
  ])
    files.set(name, { from: join(ADMIN_SRC, name) });
  files.set('site.css', { from: join(ROOT, 'src/styles/site.css') });
  files.set('notice.css', { text: noticeCss() });
  return files;
}

export function readAdminFile(file: AdminFile): Buffer {
  return 'text' in file ? Buffer.from(file.text) : readFileSync(file.from);
}
