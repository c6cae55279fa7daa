/**
 * Which backend the CMS saves through. The one switch is "use" in
 * src/cms/backend.json: "server" (the default: this site's own service at
 * /api/cms/v1, which checks and commits each save as the signed-in editor),
 * "github", "gitlab" or "gitea" (docs/cms.md explains the OAuth set-up each
 * needs), or "local" (only decap-server on the editor's own machine). On
 * loopback, npm run cms's decap-server is used whatever the switch says.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const BACKEND_FILE = resolve(import.meta.dirname, 'backend.json');
export const GIT_BACKENDS = ['github', 'gitlab', 'gitea'] as const;
export type BackendChoice = 'server' | 'local' | (typeof GIT_BACKENDS)[number];

/** Where the service answers the CMS (same origin as /admin/). */
export const SERVER_CMS_API = '/api/cms/v1';
/** The review UI's sign-in page, where /admin/ sends an editor without a session. */
export const SERVER_SIGN_IN = '/quan-ly/dang-nhap';

/** decap-server's own default; `npm run cms` and the built admin agree on it unless CMS_PROXY_PORT says otherwise. */
export const DEFAULT_PROXY_PORT = 8081;

export type BackendConfig = Record<string, string> & { name: string };

/** The proxy URL decap-server answers on, always loopback. */
export function proxyUrl(port: number): string {
  return `http://127.0.0.1:${port}/api/v1`;
}

/** The port of decap-server from the environment (CMS_PROXY_PORT), checked as it is read. */
export function readProxyPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CMS_PROXY_PORT;
  if (raw === undefined || raw === '') return DEFAULT_PROXY_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`CMS_PROXY_PORT must be a port number from 1 to 65535, got "${raw}"`);
  return port;
}

/** The backend block of the CMS configuration, from backend.json (or the given settings). */
export function readBackend(
  port: number,
  settings: Record<string, unknown> = JSON.parse(readFileSync(BACKEND_FILE, 'utf8')),
): BackendConfig {
  const use = settings.use;
  if (use === 'server') return { name: 'proxy', proxy_url: SERVER_CMS_API, branch: 'main' };
  if (use === 'local') return { name: 'proxy', proxy_url: proxyUrl(port), branch: 'main' };
  if (!GIT_BACKENDS.includes(use as never))
    throw new Error(
      `${BACKEND_FILE}: "use" must be server, local, github, gitlab or gitea, got ${JSON.stringify(use)}`,
    );
  const block = settings[use as string] as BackendConfig | undefined;
  if (!block || block.name !== use || !block.repo)
    throw new Error(`${BACKEND_FILE}: the "${use}" block needs "name": "${use}" and "repo"`);
  return block;
}
