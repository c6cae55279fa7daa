/** Starts the service on PORT/HOST: the static site and the form service on one port. */
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { DigestSender, scheduleDigests } from './digest/digest.ts';

// The database, its journal and backups hold producers' personal data: owner-only files.
process.umask(0o077);

// node:sqlite announces itself as experimental; keep stderr for real problems.
process.removeAllListeners('warning');

let config;
try {
  config = readConfig();
} catch (err) {
  console.error(`Configuration error: ${(err as Error).message}`);
  process.exit(1);
}
const app = createApp(config);
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.error(
    `OCOP: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${info.port}/`,
  );
  // Editors' changes to content/ go live without a restart (WATCH_CONTENT=0 turns this off).
  app.publishing.start();
});
// Staff e-mail digests, when an SMTP server is set and DIGEST_EVERY is not 0.
const stopDigests =
  config.smtpUrl && config.digestEveryMinutes > 0
    ? scheduleDigests(
        new DigestSender(app.deps.db, () => app.deps.content, {
          smtpUrl: config.smtpUrl,
          mailFrom: config.mailFrom,
          siteUrl: config.siteUrl ?? `http://${config.host}:${config.port}/`,
          everyMinutes: config.digestEveryMinutes,
        }),
        config.digestEveryMinutes,
        (o) =>
          console.error(
            o.result === 'sent'
              ? `digest: sent ${o.count} to ${o.account}`
              : `digest: ${o.account} not sent (${o.error}); tried again next time`,
          ),
      )
    : () => {};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`OCOP: ${signal}, stopping`);
    // A build in progress is stopped; a client holding a connection open does not keep the service up.
    void app.publishing.publisher.stop();
    setTimeout(() => process.exit(0), 10_000).unref();
    server.close(() => {
      stopDigests();
      app.close();
      process.exit(0);
    });
  });
}
