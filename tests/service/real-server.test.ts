// The same routes over a real socket (@hono/node-server), where the body is read from Node's stream.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { validBody } from './helpers.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ rateLimit: 3 });
});
afterAll(() => server.close());

/** A raw POST, optionally chunked (no Content-Length), so the 413 path sees the bytes arrive. */
function post(
  body: string,
  opts: { chunked?: boolean; type?: string; forwardedFor?: string } = {},
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const url = new URL('/api/registrations', server.url);
    const headers: Record<string, string> = {
      'Content-Type': opts.type ?? 'application/json',
      Accept: 'application/json',
    };
    if (!opts.chunked) headers['Content-Length'] = String(Buffer.byteLength(body));
    if (opts.forwardedFor) headers['X-Forwarded-For'] = opts.forwardedFor;
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => ok({ status: res.statusCode!, text, headers: res.headers }));
    });
    req.on('error', fail);
    if (opts.chunked) {
      for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
      req.end();
    } else req.end(body);
  });
}

describe('over a real socket', () => {
  it('stores a registration (201), refuses a large body declared or streamed (413), and rate-limits by socket address', async () => {
    const ok = await post(JSON.stringify(validBody()));
    expect(ok.status).toBe(201);
    expect(JSON.parse(ok.text)).toMatchObject({ status: 'cho-ra-soat' });
    const big = JSON.stringify(validBody({ description: 'x'.repeat(100 * 1024) }));
    expect((await post(big)).status).toBe(413);
    expect((await post(big, { chunked: true })).status).toBe(413);
    // Without TRUST_PROXY, X-Forwarded-For changes nothing: the socket address is the client.
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(
        (await post(JSON.stringify(validBody()), { forwardedFor: `198.51.100.${i}` })).status,
      );
    expect(answers).toContain(429);
    const limited = await post(JSON.stringify(validBody()));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
