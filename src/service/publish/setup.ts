/**
 * Live publishing wired into the service: its settings from the environment, the live folder
 * (dist/ first), the publisher and its routes. `start()` is called by server.ts once the port is
 * open; apps made in tests without it never watch or build on their own.
 */
import { resolve } from 'node:path';
import type { Hono } from 'hono';
import type { ServiceConfig } from '../config.ts';
import { loadContentDeps, type ContentDeps, type Deps } from '../deps.ts';
import { builtAt, cleanBuilds, LiveSite, newestChange } from './live-site.ts';
import { Publisher } from './publisher.ts';
import { mountPublishRoutes } from './routes.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

export interface PublishConfig {
  /** WATCH_CONTENT=0 turns watching off (a static-host deployment builds elsewhere). */
  watch: boolean;
  /** CONTENT_HOOK_SECRET; the webhook answers 404 without it. */
  hookSecret: string | undefined;
  /** BUILDS_DIR: where live builds are made (default builds/ in the project). */
  buildsDir: string;
  /** PUBLISH_DEBOUNCE_MS: quiet time after a change before building (default 500). */
  debounceMs: number;
}

export function readPublishConfig(env: NodeJS.ProcessEnv = process.env): PublishConfig {
  const debounce = Number(env.PUBLISH_DEBOUNCE_MS ?? 500);
  if (!Number.isInteger(debounce) || debounce < 0 || debounce > 600_000)
    throw new Error(
      `PUBLISH_DEBOUNCE_MS must be an integer from 0 to 600000, got "${env.PUBLISH_DEBOUNCE_MS}"`,
    );
  return {
    watch: !['0', 'false', 'no', 'off'].includes(String(env.WATCH_CONTENT ?? '1').toLowerCase()),
    hookSecret: env.CONTENT_HOOK_SECRET || undefined,
    buildsDir: resolve(env.BUILDS_DIR || resolve(ROOT, 'builds')),
    debounceMs: debounce,
  };
}

export interface Publishing {
  live: LiveSite;
  publisher: Publisher<ContentDeps>;
  /** Watches content/ (unless WATCH_CONTENT=0) and builds at once when content changed while the service was down. */
  start(): void;
}

export function setupPublishing(
  app: Hono,
  deps: Deps,
  config: ServiceConfig,
  publish: PublishConfig = readPublishConfig(),
): Publishing {
  // dist/ (or DIST_DIR) is always served first; start() rebuilds at once when content/ is newer.
  const live = new LiveSite(config.distDir);
  const publisher = new Publisher<ContentDeps>({
    root: ROOT,
    contentDir: config.contentDir,
    buildsDir: publish.buildsDir,
    live,
    debounceMs: publish.debounceMs,
    loadContent: () => loadContentDeps(config.contentDir),
    useContent: (loaded) => Object.assign(deps, loaded),
  });
  mountPublishRoutes(app, deps, publisher as Publisher<unknown>, publish.hookSecret);
  return {
    live,
    publisher,
    start() {
      if (!publish.watch) return;
      cleanBuilds(publish.buildsDir, [live.dir]);
      publisher.watch();
      if (newestChange(config.contentDir) > builtAt(live.dir))
        publisher.changed('content changed while the service was stopped');
    },
  };
}
