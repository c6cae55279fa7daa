/**
 * Serves the built site: directory pages, a trailing-slash redirect, the Vietnamese 404 page.
 * The folder may change while the service runs (live publishing swaps in a new build): each
 * request asks for it once and uses that folder for everything it serves.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';

const handlerFor = (root: string): MiddlewareHandler =>
  serveStatic({
    root,
    // Types Hono does not know: the CMS configuration, the round calendar and the notices' Atom feed.
    onFound: (path, c) => {
      if (path.endsWith('.yml')) c.header('Content-Type', 'text/yaml; charset=utf-8');
      if (path.endsWith('.ics')) c.header('Content-Type', 'text/calendar; charset=utf-8');
      if (path.endsWith('/feed.xml'))
        c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    },
  });

export function mountStaticSite(app: Hono, site: string | (() => string)): void {
  const current = typeof site === 'string' ? () => site : site;
  /** The folder each request was given, so its fallbacks read the same build. */
  const rootOf = new WeakMap<Request, string>();
  const root = (c: Context) => rootOf.get(c.req.raw) ?? current();
  let cached: { root: string; handler: MiddlewareHandler } | undefined;
  app.use('*', (c, next) => {
    const dir = current();
    rootOf.set(c.req.raw, dir);
    if (cached?.root !== dir) cached = { root: dir, handler: handlerFor(dir) };
    return cached.handler(c, next);
  });
  app.get('*', (c) => {
    const path = c.req.path;
    const distDir = root(c);
    if (!path.endsWith('/') && !path.includes('.') && isDir(join(distDir, path))) {
      const url = new URL(c.req.url);
      return c.redirect(`${sameSitePath(path)}/${url.search}`, 301);
    }
    return c.notFound();
  });
  app.notFound((c) => {
    const page = join(root(c), '404.html');
    if (existsSync(page)) return c.html(readFileSync(page, 'utf8'), 404);
    return c.text('Không tìm thấy trang', 404);
  });
}

/**
 * A path that stays on this site in a Location header: "//host/x" (or "/\\host/x") would be read
 * by a browser as another host, so any run of slashes and backslashes at the start becomes one "/".
 */
export function sameSitePath(path: string): string {
  return path.replace(/^[\\/]+/, '/');
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
