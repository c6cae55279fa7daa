// The form page's weight, measured on the built dist/: JavaScript within 15 KB gzip, HTML and CSS small.
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { attrs, inlineScripts, readDist, requireDist } from '../support/dist.ts';

const JS_BUDGET = 15 * 1024;
const HTML_BUDGET = 8 * 1024;
const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;

/** Every script a page runs: its files and the modules they import statically, plus inline scripts. */
function scriptsOf(html: string): { files: string[]; inline: string[] } {
  const files = new Set<string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const code = readDist(path).toString('utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g))
      visit(new URL(m[1]!, `http://x${path}`).pathname);
  };
  for (const src of attrs(html, 'script', 'src')) visit(src);
  for (const href of attrs(html, 'link', 'href').filter((h) => h.endsWith('.js'))) visit(href);
  return {
    files: [...files],
    inline: inlineScripts(html).filter((s) => !s.trimStart().startsWith('{')),
  };
}

describe('the form pages in dist/', () => {
  beforeAll(requireDist);

  it('/dang-ky/ ships at most 15 KB gzip of JavaScript and keeps its HTML with inline CSS under 8 KB gzip', () => {
    const html = readDist('dang-ky/index.html').toString('utf8');
    const { files, inline } = scriptsOf(html);
    expect(files.length).toBeGreaterThan(0);
    const js =
      files.reduce((sum, f) => sum + gz(readDist(f)), 0) +
      inline.reduce((sum, s) => sum + gz(s), 0);
    console.log(
      `/dang-ky/: JavaScript ${js} B gzip in ${files.length} file(s); HTML with inline CSS ${gz(html)} B gzip`,
    );
    expect(js).toBeLessThanOrEqual(JS_BUDGET);
    expect(gz(html)).toBeLessThanOrEqual(HTML_BUDGET);
  });

  it('/dang-ky/da-nhan/ has no script file, only its small inline script', () => {
    const html = readDist('dang-ky/da-nhan/index.html').toString('utf8');
    expect(attrs(html, 'script', 'src')).toEqual([]);
    const js = scriptsOf(html).inline.reduce((sum, s) => sum + gz(s), 0);
    console.log(`/dang-ky/da-nhan/: inline JavaScript ${js} B gzip; HTML ${gz(html)} B gzip`);
    expect(js).toBeLessThanOrEqual(1024);
  });
});
