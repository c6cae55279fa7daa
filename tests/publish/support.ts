/**
 * A publishing service to test against: a temporary copy of the project (its own content/,
 * builds/ and Astro build state, so the working tree is never touched), content/ made a git
 * repository with a bare "remote" for the webhook, the real service process started from the
 * copy, and a client that keeps polling pages while everything happens.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyProject } from '../cms/support/site-copy.ts';
import { freePort } from '../support/process.ts';
import { ROOT } from '../support/server.ts';

export const HOOK_SECRET = 'a-test-hook-secret';
export const EDITOR = { name: 'bientap', password: 'mat-khau-du-dai-123' };

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 't@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 't@example.invalid',
};
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_ENV },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/** Every file below `dir` dated in the past: the service then sees no change since dist/ was built. */
function backdate(dir: string): void {
  const old = new Date('2020-01-01T00:00:00Z');
  for (const name of readdirSync(dir)) {
    if (name === '.git') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) backdate(path);
    utimesSync(path, old, old);
  }
}

export interface PublishingService {
  repo: string;
  content: string;
  /** A second clone of the remote, where "the Git host" gets new commits. */
  upstream: string;
  url: string;
  /** The service's stderr so far (the publish log). */
  log(): string;
  /** How many builds the service has started. */
  builds(): number;
  stop(): Promise<void>;
}

export async function startPublishingService(): Promise<PublishingService> {
  const repo = copyProject();
  const content = join(repo, 'content');
  const remote = join(repo, 'remote.git');
  const upstream = join(repo, 'upstream');
  git(content, 'init', '-q', '-b', 'main');
  git(content, 'add', '-A');
  git(content, 'commit', '-qm', 'content');
  git(repo, 'clone', '-q', '--bare', content, remote);
  git(content, 'remote', 'add', 'origin', remote);
  git(content, 'fetch', '-q', 'origin');
  git(content, 'branch', '-q', '--set-upstream-to=origin/main', 'main');
  git(repo, 'clone', '-q', remote, upstream);
  backdate(content);
  utimesSync(content, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
  const dataDir = join(repo, 'data');
  execFileSync(
    process.execPath,
    [join(repo, 'scripts/editor.ts'), 'add', EDITOR.name, '--password-stdin'],
    {
      cwd: repo,
      env: { ...process.env, DATA_DIR: dataDir },
      input: `${EDITOR.password}\n`,
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    RATE_LIMIT: '0',
    DATA_DIR: dataDir,
    // The first live folder is the working tree's dist/ (built from the same content); it is only read.
    DIST_DIR: join(ROOT, 'dist'),
    CONTENT_HOOK_SECRET: HOOK_SECRET,
    // Longer than the default: on a loaded machine the test's own writes of one burst may be far apart.
    PUBLISH_DEBOUNCE_MS: '1500',
  };
  for (const name of ['CONTENT_DIR', 'REGISTRY_DIR', 'BUILDS_DIR', 'WATCH_CONTENT'])
    delete env[name];
  // Other test runs on this machine take free ports too: a port lost between choosing and binding is chosen again.
  let started: { child: ChildProcess; url: string; stderr: () => string } | undefined;
  for (let attempt = 0; !started; attempt++) {
    const port = await freePort();
    const child = spawn(process.execPath, [join(repo, 'src/service/server.ts')], {
      cwd: repo,
      env: { ...env, PORT: String(port) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 20_000;
    // Ours when it says it listens on that port (a /healthz answer could come from another service).
    while (!stderr.includes(`${url}/`) && child.exitCode === null && Date.now() < deadline)
      await sleep(50);
    if (stderr.includes(`${url}/`) && child.exitCode === null)
      started = { child, url, stderr: () => stderr };
    else {
      child.kill('SIGKILL');
      if (attempt >= 2 || !/EADDRINUSE/.test(stderr))
        throw new Error(`service did not start: ${stderr}`);
    }
  }
  const { child, url } = started;
  const stderr = started.stderr;
  return {
    repo,
    content,
    upstream,
    url,
    log: stderr,
    builds: () => stderr().match(/publish: build \d+ started/g)?.length ?? 0,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(repo, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns true or the time runs out. */
export async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  ms = 240_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

/** A client fetching / and /healthz every 50 ms; remembers every answer that was not 200. */
export function startPoller(url: string) {
  const failures: string[] = [];
  let requests = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const path of ['/', '/healthz']) {
        try {
          const res = await fetch(url + path);
          const body = await res.text();
          if (res.status !== 200 || (path === '/' && !body.includes('</html>')))
            failures.push(`${path} → ${res.status}`);
        } catch (err) {
          failures.push(`${path} → ${(err as Error).message}`);
        }
        requests++;
      }
      await sleep(50);
    }
  })();
  return {
    failures,
    requests: () => requests,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** Signs in to the review UI; returns the Cookie header of the session. */
export async function signIn(url: string): Promise<string> {
  const form = await fetch(`${url}/quan-ly/dang-nhap`);
  const pre = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const res = await fetch(`${url}/quan-ly/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: pre },
    body: new URLSearchParams({ _csrf: csrf, name: EDITOR.name, password: EDITOR.password }),
  });
  if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'ocop-publish-'));
