// The one switch between local editing and a production Git backend (src/cms/backend.json).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { BACKEND_FILE, readBackend, readProxyPort } from '../../src/cms/backend.ts';
import { buildCmsConfig } from '../../src/cms/config.ts';

const settings = JSON.parse(readFileSync(BACKEND_FILE, 'utf8'));

test('"server" (the default) saves through the service on the same origin, and local editing still goes to decap-server', () => {
  expect(settings.use).toBe('server');
  const backend = readBackend(8081, { ...settings, use: 'server' });
  expect(backend).toEqual({ name: 'proxy', proxy_url: '/api/cms/v1', branch: 'main' });
  expect(buildCmsConfig({ proxyPort: 8081, backend }).local_backend).toEqual({
    url: 'http://127.0.0.1:8081/api/v1',
    allowed_hosts: ['127.0.0.1', 'localhost'],
  });
});

test('"local" edits through decap-server on loopback only', () => {
  expect(readBackend(8081, { ...settings, use: 'local' })).toEqual({
    name: 'proxy',
    proxy_url: 'http://127.0.0.1:8081/api/v1',
    branch: 'main',
  });
});

test.each(['github', 'gitlab', 'gitea'])(
  '"%s" selects its block, and local editing still goes to decap-server',
  (use) => {
    const backend = readBackend(8081, { ...settings, use });
    expect(backend).toEqual(settings[use]);
    const config = buildCmsConfig({ proxyPort: 8081, backend });
    expect(config.backend.name).toBe(use);
    expect(config.local_backend).toEqual({
      url: 'http://127.0.0.1:8081/api/v1',
      allowed_hosts: ['127.0.0.1', 'localhost'],
    });
  },
);

test('a wrong switch or an incomplete block is refused with the file named', () => {
  expect(() => readBackend(8081, { ...settings, use: 'bitbucket' })).toThrow(
    /backend\.json: "use" must be server, local, github, gitlab or gitea/,
  );
  expect(() => readBackend(8081, { use: 'gitlab', gitlab: { name: 'gitlab' } })).toThrow(
    /"gitlab" block needs "name": "gitlab" and "repo"/,
  );
});

test('the switch as committed is valid', () => {
  expect(() => readBackend(8081)).not.toThrow();
});

test('CMS_PROXY_PORT is checked as it is read', () => {
  expect(readProxyPort({})).toBe(8081);
  expect(readProxyPort({ CMS_PROXY_PORT: '9000' })).toBe(9000);
  expect(() => readProxyPort({ CMS_PROXY_PORT: 'abc' })).toThrow(
    /CMS_PROXY_PORT must be a port number/,
  );
  expect(() => readProxyPort({ CMS_PROXY_PORT: '70000' })).toThrow(/CMS_PROXY_PORT/);
});
