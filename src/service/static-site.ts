/** Serves the built site from dist/: directory pages, a trailing-slash redirect, the Vietnamese 404 page. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';

export function mountStaticSite(app: Hono, distDir: string): void {
  app.use(
    '*',
    serveStatic({
      root: distDir,
      // Types Hono does not know: the CMS configuration and the round calendar.
      onFound: (path, c) => {
        if (path.endsWith('.yml')) c.header('Content-Type', 'text/yaml; charset=utf-8');
        if (path.endsWith('.ics')) c.header('Content-Type', 'text/calendar; charset=utf-8');
      },
    }),
  );
  app.get('*', (c) => {
    const path = c.req.path;
    if (!path.endsWith('/') && !path.includes('.') && isDir(join(distDir, path))) {
      const url = new URL(c.req.url);
      return c.redirect(`${sameSitePath(path)}/${url.search}`, 301);
    }
    return c.notFound();
  });
  app.notFound((c) => {
    const page = join(distDir, '404.html');
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
