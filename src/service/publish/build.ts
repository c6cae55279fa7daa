/**
 * One publish build, never touching the live folder: check content/ (JSON syntax, then the
 * service's own content loader), run the registry into a private work folder, run `astro build`
 * into builds/.tmp-ID, and only when all of that succeeded rename it to builds/ID. Child
 * processes keep the service's event loop free while a big list is read and pages are written.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  contentFailure,
  jsonSyntaxFailure,
  registryFailure,
  siteBuildFailure,
  type Failure,
} from './messages.ts';

export interface BuildPaths {
  /** The project folder: scripts/, node_modules/, astro.config.mjs. */
  root: string;
  contentDir: string;
  /** Where finished builds live, one folder each. */
  buildsDir: string;
}

export type BuildResult<C> =
  | { ok: true; dir: string; content: C; registryMs: number; siteMs: number }
  | { ok: false; failure: Failure };

/** Every .json file under content/ parses (the loaders' own errors name no line for syntax). */
function checkJsonSyntax(dir: string, root: string): Failure | undefined {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      const inner = checkJsonSyntax(path, root);
      if (inner) return inner;
    } else if (stat?.isFile() && name.endsWith('.json')) {
      const text = readFileSync(path, 'utf8');
      try {
        JSON.parse(text);
      } catch (err) {
        return jsonSyntaxFailure(path, text, err as Error, root);
      }
    }
  }
  return undefined;
}

/** Runs a Node.js script of the project; resolves with its exit code and combined output. */
function runNode(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd,
      env,
      signal,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (d: Buffer) => {
      output += d.toString();
      if (output.length > 200_000) output = output.slice(-100_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) => done({ code: -1, output: output + String(err) }));
    child.on('close', (code) => done({ code, output }));
  });
}

const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
let serial = 0;

/** Builds the site from content/ into a new folder of `buildsDir`; `loadContent` is the service's own loader. */
export async function buildSite<C>(
  paths: BuildPaths,
  loadContent: () => C,
  signal?: AbortSignal,
): Promise<BuildResult<C>> {
  const { root, contentDir, buildsDir } = paths;
  const syntax = checkJsonSyntax(contentDir, root);
  if (syntax) return { ok: false, failure: syntax };
  let content: C;
  try {
    content = loadContent();
  } catch (err) {
    return { ok: false, failure: contentFailure(err, root) };
  }
  const id = `${stamp()}-${process.pid}-${++serial}`;
  const work = join(buildsDir, `.tmp-${id}`);
  const registryDir = join(buildsDir, `.registry-${id}`);
  mkdirSync(buildsDir, { recursive: true });
  const env = {
    ...process.env,
    CONTENT_DIR: contentDir,
    REGISTRY_DIR: registryDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    // Each build starts Node afresh: compiled code is cached between builds (checked against each file).
    NODE_COMPILE_CACHE:
      process.env.NODE_COMPILE_CACHE ?? join(root, 'node_modules/.cache/node-compile-cache'),
  };
  try {
    const t0 = performance.now();
    const registry = await runNode(
      [join(root, 'scripts/registry.ts'), '--out', registryDir],
      root,
      env,
      signal,
    );
    if (registry.code !== 0) return { ok: false, failure: registryFailure(registry.output, root) };
    const t1 = performance.now();
    const site = await runNode(
      [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', work],
      root,
      env,
      signal,
    );
    if (site.code !== 0 || !existsSync(join(work, 'index.html')))
      return { ok: false, failure: siteBuildFailure(site.output, root) };
    const dir = join(buildsDir, id);
    renameSync(work, dir);
    return {
      ok: true,
      dir,
      content,
      registryMs: Math.round(t1 - t0),
      siteMs: Math.round(performance.now() - t1),
    };
  } finally {
    // Off the event loop: a failed national build leaves thousands of files.
    await Promise.all([
      rm(registryDir, { recursive: true, force: true }),
      rm(work, { recursive: true, force: true }),
    ]);
  }
}
