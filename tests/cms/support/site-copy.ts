/** A temporary copy of the repository's content/ for the CMS to edit, and builds of the site from it. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../support/server.ts';

/** A directory holding a copy of content/, laid out like the repository so the CMS paths apply. */
export function copyContent(): string {
  const repo = mkdtempSync(join(tmpdir(), 'ocop-cms-repo-'));
  cpSync(join(ROOT, 'content'), join(repo, 'content'), { recursive: true });
  return repo;
}

/** `astro build` from the copy into a fresh directory, the admin pointed at decap-server's port. */
export async function buildSite(repo: string, proxyPort: number): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-cms-dist-'));
  await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: join(repo, 'content'), CMS_PROXY_PORT: String(proxyPort), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 16 * 1024 * 1024,
  });
  return outDir;
}
