/** Runs the real service in this process on a free loopback port, over a given dist/ and a temporary DATA_DIR. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/service/app.ts';
import { readConfig, type ServiceConfig } from '../../src/service/config.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  config: ServiceConfig;
  close(): Promise<void>;
}

export async function startServer(overrides: Partial<ServiceConfig> = {}): Promise<RunningServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'ocop-data-'));
  const config: ServiceConfig = { ...readConfig({}), port: 0, rateLimit: 0, ...overrides, dataDir };
  const app = createApp(config);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
      }),
  };
}
