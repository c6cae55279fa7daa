/**
 * Where the CMS at /admin/ may connect (the CSP's connect-src): the Git
 * backend chosen in src/cms/backend.json, or decap-server on loopback for
 * local editing (also beside the service's own backend, which is 'self').
 */
import { readBackend, readProxyPort } from '../../cms/backend.ts';

const origin = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

export function adminConnectSources(env: NodeJS.ProcessEnv = process.env): string[] {
  const backend = readBackend(readProxyPort(env));
  const sources = new Set<string>();
  if (backend.name === 'proxy') {
    const port = readProxyPort(env);
    sources.add(`http://127.0.0.1:${port}`).add(`http://localhost:${port}`);
  }
  if (backend.name === 'github') sources.add('https://api.github.com');
  for (const key of ['base_url', 'api_root'] as const) {
    const o = origin(backend[key]);
    if (o) sources.add(o);
  }
  return [...sources];
}
