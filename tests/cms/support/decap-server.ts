/** Runs the real decap-server (local file-system mode) on a loopback port over a given repository directory. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../support/server.ts';

export interface RunningDecapServer {
  port: number;
  url: string;
  /** Everything it printed, for failure messages. */
  output(): string;
  close(): Promise<void>;
}

/** Ports that were free a moment ago, all different (decap-server cannot be told to pick one itself). */
export async function freePorts(count: number): Promise<number[]> {
  // Held open together, so the system cannot hand out the same port twice.
  const servers = Array.from({ length: count }, () => createServer());
  await Promise.all(servers.map((s) => new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok))));
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise<void>((ok) => s.close(() => ok()))));
  return ports;
}

export async function freePort(): Promise<number> {
  return (await freePorts(1))[0]!;
}

export async function startDecapServer(
  repoDir: string,
  port?: number,
): Promise<RunningDecapServer> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/decap-server/dist/index.js')],
    {
      cwd: repoDir,
      env: {
        ...process.env,
        PORT: String(chosen),
        BIND_HOST: '127.0.0.1',
        GIT_REPO_DIRECTORY: repoDir,
        MODE: 'fs',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`decap-server did not start within 20 s:\n${log}`)),
      20_000,
    );
    const check = () => {
      if (log.includes('listening on')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`decap-server exited with ${code}:\n${log}`));
    });
  });
  return {
    port: chosen,
    url: `http://127.0.0.1:${chosen}/api/v1`,
    output: () => log,
    close: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
