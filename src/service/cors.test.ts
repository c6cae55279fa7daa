import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'ocop-cors-'));
const app = createApp(
  { ...readConfig({ CORS_ORIGIN: 'https://ocop.example.vn' }), dataDir },
  { log: () => {} },
);
afterAll(() => {
  app.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const preflight = (path: string, origin: string) =>
  app.request(path, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });

describe('CORS for a separately hosted site', () => {
  it('lets the configured origin post registrations from the browser', async () => {
    const res = await preflight('/api/registrations', 'https://ocop.example.vn');
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://ocop.example.vn');
  });

  it('refuses other origins and never opens the editor API', async () => {
    expect(
      (await preflight('/api/registrations', 'https://evil.example')).headers.get(
        'Access-Control-Allow-Origin',
      ),
    ).toBeNull();
    const csv = await app.request('/api/registrations.csv', {
      headers: { Origin: 'https://ocop.example.vn' },
    });
    expect(csv.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const status = await preflight(
      '/api/registrations/ABCD-EFGH/status',
      'https://ocop.example.vn',
    );
    expect(status.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('checks CORS_ORIGIN as it is read', () => {
    expect(() => readConfig({ CORS_ORIGIN: 'ocop.example.vn' })).toThrow(/CORS_ORIGIN/);
    expect(() => readConfig({ CORS_ORIGIN: 'https://ocop.example.vn/dang-ky/' })).toThrow(
      /no path/,
    );
    expect(readConfig({}).corsOrigins).toEqual([]);
  });
});
