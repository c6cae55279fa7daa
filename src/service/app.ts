/** The service: one Hono app with the form API, staff review and the static site. Tested through app.request(). */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { ServiceConfig } from './config.ts';
import { makeDeps, type AppOptions, type Deps } from './deps.ts';
import { requestLog, stdoutSink } from './http/log.ts';
import { mountHistoryPage } from './cms/history-page.ts';
import { mountCmsRoute } from './cms/route.ts';
import { mountAuditPage } from './review/audit-page.ts';
import { mountReviewUi } from './review/routes.ts';
import { mountConfirmationRoute } from './routes/confirmation.ts';
import { mountDossierRoute } from './routes/dossier.ts';
import { mountEmbedRoutes } from './routes/embed.ts';
import { mountExportRoute } from './routes/export.ts';
import { mountLookupRoute } from './routes/lookup.ts';
import { mountPersonalDataRoutes } from './routes/personal-data.ts';
import { mountRegistrationRoutes } from './routes/registrations.ts';
import { mountStatusRoute } from './routes/status.ts';
import { mountStaticSite } from './http/static-site.ts';
import { adminConnectSources } from './http/admin-connect.ts';
import { securityHeaders } from './http/security-headers.ts';
import { setupPublishing, type Publishing } from './publish/setup.ts';

export type { AppOptions } from './deps.ts';

export type ServiceApp = Hono & {
  deps: Deps;
  /** Live publishing: the served folder, the publisher, start() (server.ts calls it). */
  publishing: Publishing;
  /** Closes the database; settles when its background thread has closed too. */
  close(): Promise<void>;
};

export function createApp(config: ServiceConfig, options: AppOptions = {}): ServiceApp {
  const deps = makeDeps(config, options);
  const app = new Hono();
  app.use('*', requestLog(options.log ?? stdoutSink));
  app.use(
    '*',
    securityHeaders({ trustProxy: config.trustProxy, adminConnectSources: adminConnectSources() }),
  );
  app.onError((err, c) => {
    // A bug, not bad input: say so without details, and keep the details out of the request log.
    console.error(err);
    return c.json({ errors: [{ field: '', message: 'Lỗi máy chủ; vui lòng thử lại sau.' }] }, 500);
  });
  app.get('/healthz', (c) => c.text('ok'));
  if (config.corsOrigins.length > 0) {
    // Only the public registration endpoints; the editor API never answers another origin.
    const publicApi = cors({
      origin: config.corsOrigins,
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type', 'Accept'],
      maxAge: 600,
    });
    app.use('/api/registrations', publicApi);
    app.use('/api/registrations/:receipt', publicApi);
  }
  mountExportRoute(app, deps);
  mountRegistrationRoutes(app, deps);
  mountStatusRoute(app, deps);
  mountDossierRoute(app, deps);
  mountPersonalDataRoutes(app, deps);
  mountConfirmationRoute(app, deps);
  const publishing = setupPublishing(app, deps, config);
  mountLookupRoute(app, deps, () => publishing.live.dir);
  mountEmbedRoutes(app, deps);
  mountCmsRoute(app, deps);
  mountReviewUi(app, deps);
  mountAuditPage(app, deps);
  // After the review UI: its security headers apply to this page too.
  mountHistoryPage(app, deps);
  mountStaticSite(app, () => publishing.live.dir);
  return Object.assign(app, { deps, publishing, close: () => deps.close() });
}
