/**
 * Astro integration that puts Decap CMS at /admin/: written into the build
 * output, and served by the dev server (npm run cms). CMS_PROXY_PORT tells the
 * admin which loopback port decap-server listens on (8081 by default).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { adminFiles, readAdminFile } from './admin-files.ts';
import { readProxyPort } from './backend.ts';
import { buildCmsConfig } from './config.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const currentFiles = () => adminFiles(buildCmsConfig({ proxyPort: readProxyPort() }));

export function decapCms(): AstroIntegration {
  return {
    name: 'ocop-decap-cms',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use('/admin', (req, res, next) => {
          const path = (req.url ?? '/').split('?')[0]!;
          const file = currentFiles().get(path === '/' ? 'index.html' : path.slice(1));
          if (!file) return next();
          const name = path === '/' ? 'index.html' : path;
          res.writeHead(200, {
            'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream',
            'Cache-Control': 'no-cache',
          });
          res.end(readAdminFile(file));
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = join(fileURLToPath(dir), 'admin');
        mkdirSync(out, { recursive: true });
        const files = currentFiles();
        for (const [name, file] of files) writeFileSync(join(out, name), readAdminFile(file));
        logger.info(`Decap CMS: ${files.size} files in ${out}`);
      },
    },
  };
}
