/**
 * Everything a CMS browser test needs running: a temporary copy of content/,
 * the real decap-server over it, the site built from it (admin included) and
 * served by the real service, and an offline browser context.
 */
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser.ts';
import { startServer, type RunningServer } from '../../support/server.ts';
import { freePort, startDecapServer, type RunningDecapServer } from './decap-server.ts';
import { keepOffline } from './offline.ts';
import { buildSite, copyProject } from './site-copy.ts';

export interface AdminSession {
  repo: string;
  decap: RunningDecapServer;
  site: RunningServer;
  browser: Browser;
  context: BrowserContext;
  /** Every request that tried to leave the machine (all of them were aborted). */
  blocked: string[];
  /** Opens /admin/ and signs in to the local backend; the collection list is showing when it returns. */
  signIn(): Promise<Page>;
  close(): Promise<void>;
}

/** Registers the hooks of one admin session per test file; the getter gives it once started. */
export function useAdminSession(): () => AdminSession {
  let session: AdminSession | undefined;
  beforeAll(async () => {
    session = await startAdminSession();
  }, 180_000);
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('the admin session has not started');
    return session;
  };
}

export async function startAdminSession(): Promise<AdminSession> {
  const repo = copyProject();
  const port = await freePort();
  const dist = await buildSite(repo, port);
  const decap = await startDecapServer(repo, port);
  // The service's CSP for /admin/ lets the page reach decap-server on the port CMS_PROXY_PORT names, as the build does.
  process.env.CMS_PROXY_PORT = String(port);
  const site = await startServer({ distDir: dist, log: () => {} });
  const browser = await launchBrowser();
  // An editor's machine in Việt Nam: the datetime widget works in the browser's zone.
  const context = await browser.newContext({
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
    viewport: { width: 1280, height: 900 },
  });
  const blocked = await keepOffline(context);
  return {
    repo,
    decap,
    site,
    browser,
    context,
    blocked,
    async signIn() {
      const page = await context.newPage();
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${site.url}/admin/`);
      // The first visit shows the sign-in button; later ones in the same context are signed in already.
      const login = page.getByRole('button', { name: 'Đăng nhập' });
      const collections = page.getByRole('heading', { name: 'Bộ sưu tập' });
      await login.or(collections).first().waitFor();
      if (await login.isVisible()) await login.click();
      await collections.waitFor();
      return page;
    },
    async close() {
      await browser.close();
      await site.close();
      await decap.close();
      rmSync(repo, { recursive: true, force: true });
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Publishes the open entry ("Công bố" then "Công bố ngay") and waits until Decap says the changes are saved. */
export async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByText('Công bố ngay', { exact: true }).click();
  await page.getByText(/^Thay đổi đã được lưu$/i).waitFor();
}
