/** One real Chromium and the real service over dist/ per test file, closed after it. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ServiceConfig } from '../../src/service/config.ts';
import { launchBrowser } from './browser.ts';
import { requireDist } from './dist.ts';
import { startServer, type RunningServer } from './server.ts';

export interface SiteInBrowser {
  browser: Browser;
  server: RunningServer;
}

/** Registers the hooks; the returned object is filled before the first test runs. */
export function useSiteInBrowser(overrides: Partial<ServiceConfig> = {}): SiteInBrowser {
  const site = {} as SiteInBrowser;
  beforeAll(async () => {
    requireDist();
    [site.browser, site.server] = await Promise.all([launchBrowser(), startServer(overrides)]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
