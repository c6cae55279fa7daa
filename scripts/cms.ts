/**
 * npm run cms: local editing. Starts decap-server (the CMS's proxy backend, on
 * loopback, editing the files of this working tree) and the Astro dev server,
 * prints the admin URL, and stops both on Ctrl-C.
 *
 * Environment: CMS_PROXY_PORT (decap-server's port, default 8081),
 * CMS_SITE_PORT (the dev server's port, default Astro's 4321; the next free one if taken).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { readProxyPort } from '../src/cms/backend.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ANSI = /\x1b\[[0-9;]*m/g;

function start(name: string, args: string[], extra: NodeJS.ProcessEnv): ChildProcess {
  const env = { ...process.env, ...extra };
  // astro dev chooses its own mode; an inherited NODE_ENV (e.g. "production" on a server) must not leak in.
  delete env.NODE_ENV;
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  return child;
}

function main(): void {
  let proxyPort: number;
  try {
    proxyPort = readProxyPort();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const sitePort = process.env.CMS_SITE_PORT;

  const decap = start('decap-server', [join(ROOT, 'node_modules/decap-server/dist/index.js')], {
    PORT: String(proxyPort),
    BIND_HOST: '127.0.0.1',
    GIT_REPO_DIRECTORY: ROOT,
    MODE: 'fs',
    LOG_LEVEL: 'warn',
  });
  const astroArgs = [
    join(ROOT, 'node_modules/astro/bin/astro.mjs'),
    'dev',
    '--host',
    '127.0.0.1',
    ...(sitePort ? ['--port', sitePort] : []),
  ];
  const astro = start('astro', astroArgs, {
    CMS_PROXY_PORT: String(proxyPort),
    ASTRO_TELEMETRY_DISABLED: '1',
  });

  let announced = false;
  astro.stdout!.on('data', (d: Buffer) => {
    const text = d.toString().replace(ANSI, '');
    const local = /Local\s+(http:\/\/\S+?)\/?\s/.exec(text);
    if (local && !announced) {
      announced = true;
      console.log(`\nTrang quản trị nội dung: ${local[1]}/admin/`);
      console.log(`Trang web (xem ngay thay đổi): ${local[1]}/`);
      console.log(`Máy chủ decap-server: http://127.0.0.1:${proxyPort}/api/v1 (thư mục ${ROOT})`);
      console.log('Bấm Ctrl+C để dừng.\n');
    }
  });

  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of [decap, astro]) if (child.exitCode === null) child.kill('SIGTERM');
    Promise.all(
      [decap, astro].map((c) =>
        c.exitCode !== null ? null : new Promise((ok) => c.once('exit', ok)),
      ),
    ).then(() => process.exit(code));
  };
  decap.once('exit', (code) => {
    if (!stopping)
      console.error(
        `decap-server dừng (mã ${code}). Cổng ${proxyPort} có đang bị chương trình khác dùng không? Đặt CMS_PROXY_PORT để dùng cổng khác.`,
      );
    stop(code ?? 1);
  });
  astro.once('exit', (code) => {
    if (!stopping) console.error(`Máy chủ Astro dừng (mã ${code}).`);
    stop(code ?? 1);
  });
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

main();
