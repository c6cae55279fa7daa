import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, securityHeaders } from './security-headers.ts';

function app(trustProxy = false) {
  const a = new Hono();
  a.use('*', securityHeaders({ trustProxy, adminConnectSources: ['http://127.0.0.1:8081'] }));
  a.get('/', (c) =>
    c.html('<!doctype html><p>x</p><script>alert(1)</script><script src="/a.js"></script>'),
  );
  a.get('/admin/', (c) => c.html('<!doctype html><div id="nc-root"></div>'));
  a.get('/data.json', (c) => c.json({ a: 1 }));
  a.get('/strict', (c) => {
    c.header('Content-Security-Policy', "default-src 'none'");
    c.header('Referrer-Policy', 'same-origin');
    return c.html('<!doctype html><p>x</p>');
  });
  a.get('/away', (c) => c.redirect(c.req.query('to') ?? '/', 301));
  return a;
}

describe('securityHeaders', () => {
  it('hashes exactly the inline scripts of a page into its CSP', async () => {
    const res = await app().request('/');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain(inlineScriptHashes('<script>alert(1)</script>')[0]);
    expect(csp).not.toContain("unsafe-inline' ;");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(await res.text()).toContain('alert(1)');
  });

  it('sets the common headers on every response and no server banner', async () => {
    const res = await app().request('/data.json');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Server')).toBeNull();
    expect(res.headers.get('X-Powered-By')).toBeNull();
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
  });

  it('adds HSTS over HTTPS, and behind a trusted proxy that says so', async () => {
    expect(
      (await app().request('https://ocop.example/')).headers.get('Strict-Transport-Security'),
    ).toMatch(/max-age=\d+/);
    expect(
      (await app(true).request('/', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get(
        'Strict-Transport-Security',
      ),
    ).toMatch(/max-age/);
    expect(
      (await app(false).request('/', { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get(
        'Strict-Transport-Security',
      ),
    ).toBeNull();
  });

  it('gives /admin/ its own policy that allows the CMS backend', async () => {
    const res = await app().request('/admin/');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:8081");
    expect(res.headers.get('X-Frame-Options')).toBe('SAMEORIGIN');
  });

  it('keeps a stricter policy and referrer policy a route set itself', async () => {
    const res = await app().request('/strict');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'");
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('never lets a Location start with // or /\\ (another host to a browser)', async () => {
    for (const to of ['//evil.example/x', '/\\evil.example', '///x']) {
      const location = (await app().request(`/away?to=${encodeURIComponent(to)}`)).headers.get(
        'Location',
      )!;
      expect(location).toMatch(/^\/[^/\\]/);
    }
    expect((await app().request('/away?to=%2Fdang-ky%2F')).headers.get('Location')).toBe(
      '/dang-ky/',
    );
  });
});
