/** Reads the built site in dist/ for checks that run on the output, not the source. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from './server.ts';

export const DIST = resolve(ROOT, 'dist');

export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does)');
}

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL path of an HTML file in dist ("lien-he/index.html" → "/lien-he/"). */
export function urlPathOf(file: string): string {
  return '/' + file.replace(/index\.html$/, '').replace(/\.html$/, '');
}

export function readDist(path: string): Buffer {
  return readFileSync(join(DIST, path.replace(/^\//, '')));
}

/** Values of an attribute on the tags of a kind: attrs(html, 'script', 'src'). */
export function attrs(html: string, tag: string, attr: string): string[] {
  const values: string[] = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'gi'))) {
    const a = m[0].match(new RegExp(`\\s${attr}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
    if (a) values.push(a[2] ?? a[3] ?? a[4] ?? '');
  }
  return values;
}

/** Bodies of inline <script> elements (no src). */
export function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => m[1] ?? '',
  );
}
