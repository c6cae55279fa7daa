/** The service: one Hono app with the form API, staff review and the static site. Tested through app.request(). */
import { Hono } from 'hono';
import type { ServiceConfig } from './config.ts';
import { mountStaticSite } from './static-site.ts';

export function createApp(config: ServiceConfig): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.text('ok'));
  mountStaticSite(app, config.distDir);
  return app;
}
