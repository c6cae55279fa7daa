/**
 * The cheap-but-costly requests of issue 13, sent to a real service process on loopback, and the
 * latency of /healthz and /dang-ky/ while they run. Shared by the abuse test (which asserts bounds
 * that failed before the fix) and `npm run bench:abuse` (which prints the numbers). Every attack is
 * bounded in requests and time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScript, startServiceProcess, type ServiceProcess } from './process.ts';

export const ABUSE_ACCOUNT = 'huyen';
export const ABUSE_PASSWORD = 'mật khẩu đủ dài 123';

export interface AbuseSite {
  service: ServiceProcess;
  stop(): Promise<void>;
  /** Kills the service and removes its folder at once (for a process 'exit' handler). */
  stopNow(): void;
}

/**
 * The service over a temporary DATA_DIR holding one editor account and a small dist/ (a form page
 * of about 20 KB), with TRUST_PROXY on so a test can speak for many addresses through X-Forwarded-For.
 */
export async function startAbuseSite(env: Record<string, string> = {}): Promise<AbuseSite> {
  const root = mkdtempSync(join(tmpdir(), 'ocop-abuse-'));
  try {
    const dataDir = join(root, 'data');
    const distDir = join(root, 'dist');
    mkdirSync(join(distDir, 'dang-ky'), { recursive: true });
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>Trang chủ</title>');
    writeFileSync(join(distDir, '404.html'), '<!doctype html><title>Không tìm thấy</title>');
    writeFileSync(
      join(distDir, 'dang-ky', 'index.html'),
      `<!doctype html><html lang="vi"><title>Đăng ký</title><main>${'<p>Đăng ký sản phẩm OCOP.</p>'.repeat(600)}</main></html>`,
    );
    const added = runScript('scripts/editor.ts', ['add', ABUSE_ACCOUNT, '--password-stdin'], {
      env: { DATA_DIR: dataDir },
      input: `${ABUSE_PASSWORD}\n`,
    });
    if (added.status !== 0) throw new Error(`editor add failed: ${added.stderr}`);
    const service = await startServiceProcess({
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      TRUST_PROXY: '1',
      RATE_LIMIT: '20',
      WATCH_CONTENT: '0',
      ...env,
    });
    return {
      service,
      async stop() {
        await service.stop();
        rmSync(root, { recursive: true, force: true });
      },
      stopNow() {
        service.child.kill('SIGKILL');
        rmSync(root, { recursive: true, force: true });
      },
    };
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}

export interface Answer {
  status: number;
  ms: number;
  headers?: Record<string, string | string[] | undefined>;
}

/** One request over a fresh connection (no keep-alive: each attempt costs the server a connection too). */
export function send(
  url: string,
  opts: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    timeoutMs?: number;
  },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((ok) => {
    const body = opts.body === undefined ? undefined : Buffer.from(opts.body);
    const headers = {
      ...opts.headers,
      ...(body ? { 'Content-Length': String(body.length) } : {}),
      Connection: 'close',
    };
    // The path as given, never resolved against the base URL ("//x" would name another host).
    const { hostname, port } = new URL(url);
    const req = request(
      {
        host: hostname,
        port,
        path: opts.path,
        method: opts.method ?? 'GET',
        headers,
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          ok({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            headers: res.headers,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => ok({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

export const basicAuth = (name: string, password: string) =>
  `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;

/** Latency samples of GET `path`, one after another with a short pause, until stopped. A request that fails counts as its time. */
export function sampleLatency(
  url: string,
  path: string,
  pauseMs = 20,
): { stop(): Promise<number[]> } {
  const samples: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const a = await send(url, { path, timeoutMs: 10_000 });
      samples.push(a.status === 200 ? a.ms : Math.max(a.ms, 10_000));
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return samples;
    },
  };
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Row 1: `count` wrong Basic passwords for one account, all at once, from one address. */
export function wrongPasswordsAtOnce(
  url: string,
  count: number,
  address: string,
): Promise<Answer[]> {
  const headers = {
    Authorization: basicAuth(ABUSE_ACCOUNT, 'sai sai sai sai'),
    'X-Forwarded-For': address,
  };
  return Promise.all(
    Array.from({ length: count }, () => send(url, { path: '/api/registrations.csv', headers })),
  );
}

/**
 * Row 1 on the sign-in form: the form's token first (cookie + field), then `count` wrong passwords
 * at once; `post` sends more. An attempt answered 503 (hashing busy) checked nothing and counts
 * nothing: only the 401s are guesses.
 */
export async function wrongSignInsAtOnce(
  url: string,
  count: number,
  address: string,
): Promise<{ answers: Answer[]; post: (password: string) => Promise<Answer> }> {
  const page = await fetch(new URL('/quan-ly/dang-nhap', url), {
    headers: { 'X-Forwarded-For': address },
  });
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const post = (password: string) =>
    send(url, {
      method: 'POST',
      path: '/quan-ly/dang-nhap',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        'X-Forwarded-For': address,
      },
      body: new URLSearchParams({ _csrf: token, name: ABUSE_ACCOUNT, password }).toString(),
    });
  const answers = await Promise.all(Array.from({ length: count }, () => post('sai sai sai sai')));
  return { answers, post };
}

/** Row 2: 64 KB bodies of one repeated field, `clients` at a time, to the registration API and the sign-in form, for `ms`. */
export async function repeatedFieldBodies(
  url: string,
  clients: number,
  ms: number,
): Promise<Answer[]> {
  const body = 'a&'.repeat(32 * 1024 - 1) + 'a';
  const answers: Answer[] = [];
  const until = performance.now() + ms;
  let n = 0;
  const loop = async () => {
    while (performance.now() < until) {
      const i = n++;
      // A new address each time: the per-client post limit must not be what saves the service.
      const headers = {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': `10.2.${(i >> 8) & 255}.${i & 255}`,
      };
      answers.push(
        await send(url, {
          method: 'POST',
          path: i % 2 ? '/quan-ly/dang-nhap' : '/api/registrations',
          headers,
          body,
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return answers;
}

/**
 * Row 3: `perSecond` sign-in attempts a second with new user names for `ms`, each from a new
 * address when `spread` (a botnet: the per-address cap does not help, the hashing gate must), else
 * all from one address.
 */
export async function newNameSignIns(
  url: string,
  perSecond: number,
  ms: number,
  spread: boolean,
): Promise<Answer[]> {
  const pending: Promise<Answer>[] = [];
  const started = performance.now();
  for (let i = 0; performance.now() - started < ms; i++) {
    const address = spread ? `10.3.${(i >> 8) & 255}.${i & 255}` : '10.3.255.1';
    pending.push(
      send(url, {
        path: '/api/registrations.csv',
        headers: {
          Authorization: basicAuth(`nguoi${i}`, 'mật khẩu đoán thử'),
          'X-Forwarded-For': address,
        },
      }),
    );
    const due = started + ((i + 1) * 1000) / perSecond;
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
  }
  return Promise.all(pending);
}

/** Row 4: `count` sign-ins with 10 KB user names, `clients` at a time, from `addresses` addresses. */
export async function longNameSignIns(
  url: string,
  count: number,
  clients: number,
  addresses: number,
): Promise<Answer[]> {
  const answers: Answer[] = [];
  let n = 0;
  const loop = async () => {
    while (n < count) {
      const i = n++;
      const name = `${i}-${'x'.repeat(10 * 1024)}`;
      const headers = {
        Authorization: basicAuth(name, 'sai'),
        'X-Forwarded-For': `10.4.${((i % addresses) >> 8) & 255}.${(i % addresses) & 255}`,
      };
      answers.push(await send(url, { path: '/api/registrations.csv', headers }));
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return answers;
}

/** How many answers had each status, e.g. {"401": 5, "429": 35}. */
export function countStatuses(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}
