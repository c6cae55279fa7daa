// Thousands of malformed requests against the real service process: only 4xx answers,
// the process stays alive and its memory stays bounded.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceProcess, type ServiceProcess } from '../support/process.ts';

let svc: ServiceProcess;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-fuzz-'));
  svc = await startServiceProcess({ DATA_DIR: dataDir });
});
afterAll(async () => {
  await svc?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'text/plain',
  'text/html',
  'application/xml',
  '',
  '*/*',
  'application/json, text/plain',
  'appli\u00e7ation/json',
];

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const bodies = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
  fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s)),
  fc.json().map((s) => Buffer.from(s)),
  fc
    .dictionary(fc.string({ maxLength: 20 }), fc.anything())
    .map((o) => Buffer.from(JSON.stringify(o))),
  fc.constantFrom(
    Buffer.from(nested(5000)),
    Buffer.from('['.repeat(20000)),
    Buffer.from('{"producerName":"\xff\xfe\x80"}', 'latin1'),
    Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    Buffer.from('{"__proto__":{"status":"da-chon"},"constructor":{"prototype":{"x":1}}}'),
    Buffer.from('producerName=%E0%A4%A&phone=%%%&commune[]=x&commune[a]=y'),
    Buffer.from('------x\r\nContent-Disposition: form-data; name="phone"\r\n\r\n'),
    Buffer.from(JSON.stringify({ producerName: 'x'.repeat(60_000) })),
    Buffer.from(
      JSON.stringify({
        phone: ['0912345678'],
        commune: { slug: 'dak-ha' },
        consentProcessing: [true],
      }),
    ),
  ),
);

describe('HTTP fuzzing', () => {
  it('answers every malformed registration with a 4xx and keeps memory bounded', async () => {
    const samples = fc.sample(fc.tuple(bodies, fc.constantFrom(...CONTENT_TYPES), fc.boolean()), {
      numRuns: 2500,
      seed: 2024,
    });
    const rssBefore = svc.rssBytes();
    const bad: string[] = [];
    for (let i = 0; i < samples.length; i += 10) {
      await Promise.all(
        samples.slice(i, i + 10).map(async ([body, type, json]) => {
          const headers: Record<string, string> = {};
          if (type) headers['Content-Type'] = type;
          if (json) headers.Accept = 'application/json';
          const res = await fetch(`${svc.url}/api/registrations`, {
            method: 'POST',
            headers,
            body,
          });
          await res.arrayBuffer();
          if (res.status < 400 || res.status >= 500)
            bad.push(`${res.status} ${type} ${body.subarray(0, 60).toString('latin1')}`);
        }),
      );
    }
    expect(bad).toEqual([]);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    expect(svc.rssBytes() - rssBefore).toBeLessThan(150 * 1024 * 1024);
  }, 180_000);

  it('refuses bodies over 64 KiB, even huge ones, without buffering them', async () => {
    for (const size of [64 * 1024 + 1, 5 * 1024 * 1024]) {
      const res = await fetch(`${svc.url}/api/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.alloc(size, 0x20),
      });
      expect(res.status).toBe(413);
    }
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });

  it('survives lying and odd headers on raw connections', async () => {
    const raw = (request: string) =>
      new Promise<string>((ok) => {
        const socket = connect(Number(new URL(svc.url).port), '127.0.0.1');
        let data = '';
        socket.on('data', (d) => (data += d));
        socket.on('close', () => ok(data));
        socket.on('error', () => ok(data));
        socket.end(request);
        setTimeout(() => socket.destroy(), 3000);
      });
    const requests = [
      'POST /api/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":1}',
      'POST /api/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot-hex\r\n0\r\n\r\n',
      'POST /api/registrations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n',
      'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /%2e%2e/%2e%2e/package.json HTTP/1.1\r\nHost: x\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`,
    ];
    for (const request of requests) {
      const answer = await raw(request);
      const status = Number(answer.match(/^HTTP\/1\.1 (\d{3})/)?.[1] ?? 0);
      expect(status === 0 || status < 500, `${request.slice(0, 50)} → ${status}`).toBe(true);
      expect(answer).not.toContain('root:x:0:0');
      expect(answer).not.toContain('"devDependencies"');
    }
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
  });
});
