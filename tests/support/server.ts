/** Runs the real service in this process on a free loopback port, over a given dist/ and a temporary DATA_DIR. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp, type AppOptions, type ServiceApp } from '../../src/service/app.ts';
import { readConfig, type ServiceConfig } from '../../src/service/config.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface RunningServer {
  url: string;
  config: ServiceConfig;
  app: ServiceApp;
  close(): Promise<void>;
}

/** Settings to override, plus the app's options (`log` defaults to silence here, `now` to the real clock). */
export async function startServer(
  overrides: Partial<ServiceConfig> & AppOptions = {},
): Promise<RunningServer> {
  const { log = () => {}, now, ...configOverrides } = overrides;
  const dataDir = configOverrides.dataDir ?? mkdtempSync(join(tmpdir(), 'ocop-data-'));
  const config: ServiceConfig = {
    ...readConfig({}),
    port: 0,
    rateLimit: 0,
    ...configOverrides,
    dataDir,
  };
  const app = createApp(config, { log, now });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    app,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => {
          // After the database's checkpoint thread has closed too, or it could still be opening the file.
          void app.close().finally(() => {
            if (!configOverrides.dataDir)
              rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
            ok();
          });
        });
        // Keep-alive connections from fetch() would hold close() open.
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
