/**
 * A temporary copy of the project for the CMS to edit and for site builds from it.
 * A whole project, not only content/: Astro keeps build state in the project's
 * .astro/ and node_modules/.astro/, and builds of another content folder must
 * never touch the state of the real working tree (others build there at the same time).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../support/server.ts';

const COPIED = [
  'content',
  'src',
  'public',
  'scripts',
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
];
/** Build state and caches stay per copy. */
const NOT_LINKED = new Set(['.astro', '.vite', '.cache']);

/** A directory laid out like the repository (so the CMS paths apply), with its own build state. */
export function copyProject(): string {
  const repo = mkdtempSync(join(tmpdir(), 'ocop-cms-repo-'));
  for (const name of COPIED) {
    if (!existsSync(join(ROOT, name))) continue;
    // Registry output of the working tree is not copied: the build makes its own from the copy's CSVs.
    cpSync(join(ROOT, name), join(repo, name), {
      recursive: true,
      filter: (src) => !src.startsWith(join(ROOT, 'src/generated')),
    });
  }
  mkdirSync(join(repo, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!NOT_LINKED.has(entry))
      symlinkSync(join(ROOT, 'node_modules', entry), join(repo, 'node_modules', entry));
  }
  return repo;
}

/** `astro build` in the copy into a fresh directory, the admin pointed at decap-server's port. */
export async function buildSite(repo: string, proxyPort: number): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-cms-dist-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CMS_PROXY_PORT: String(proxyPort),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  for (const name of ['CONTENT_DIR', 'REGISTRY_DIR']) delete env[name];
  await promisify(execFile)(
    process.execPath,
    [join(repo, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir],
    {
      cwd: repo,
      env,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return outDir;
}
