/** Runs the real service as a child process (so it can be killed with SIGKILL) and the project's CLIs. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './server.ts';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  /** Resident memory samples are read from /proc while it runs. */
  rssBytes(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `node src/service/server.ts` and waits for /healthz. */
export async function startServiceProcess(
  env: Record<string, string>,
  port?: number,
): Promise<ServiceProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, [join(ROOT, 'src/service/server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(p),
      RATE_LIMIT: '0',
      WATCH_CONTENT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`service exited with ${child.exitCode}: ${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`service did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    rssBytes() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        return Number(status.match(/VmRSS:\s+(\d+) kB/)?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null || child.signalCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill(signal);
      }),
  };
}

/** Runs a project script with the project's Node.js; returns its exit status and output. */
export function runScript(
  script: string,
  args: string[],
  opts: { env?: Record<string, string>; input?: string } = {},
) {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...opts.env },
    input: opts.input,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
