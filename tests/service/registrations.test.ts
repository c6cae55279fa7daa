// POST /api/registrations and the receipt lookup, through app.request() on a real SQLite file.
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { esc } from '../../src/service/http/html.ts';
import { formBody, makeTestApp, postForm, postJson, validBody, type TestApp } from './helpers.ts';

let t: TestApp;
beforeEach(() => (t = makeTestApp()));
afterEach(() => t.close());

const RECEIPT = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe('valid registrations', () => {
  it('JSON → 201 with receipt, round and status, stored normalised and committed', async () => {
    const res = await postJson(
      t,
      validBody({ producerName: '  Cà phê Quảng Sơn  '.normalize('NFD'), commune: 'QUANG HOA' }),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { receipt: string; round: string; status: string };
    expect(Object.keys(body).sort()).toEqual(['receipt', 'round', 'status']);
    expect(body.receipt).toMatch(RECEIPT);
    expect(body).toMatchObject({ round: '2024-dot-1', status: 'cho-ra-soat' });

    // Read through a second connection: the row is on disk, not only in this process.
    const db = new DatabaseSync(join(t.config.dataDir, 'ocop.sqlite'), { readOnly: true });
    const row = db
      .prepare('SELECT * FROM registrations WHERE receipt = ?')
      .get(body.receipt) as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({
      phone: '0912345678',
      commune: 'quang-hoa',
      producer_name: 'Cà phê Quảng Sơn',
      submitted_at: '2024-03-20T10:00:00+07:00',
    });
    expect(JSON.parse(row.support_needs as string)).toEqual(['Bao bì, nhãn mác', 'Vốn, tín dụng']);
  });

  it('form-encoded → 303 to the confirmation page, which shows receipt and round without JavaScript', async () => {
    const res = await postForm(t, formBody(validBody()));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/dang-ky\/da-nhan\/\?ma=[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const page = await t.request(location);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const receipt = location.split('=')[1]!;
    expect(html).toContain(`<strong id="ma">${receipt}</strong>`);
    expect(html).toContain('<span id="dot">Đợt 1</span>');
    expect(html).not.toContain('%MA_HO_SO%');
    // Typed back by a person: lower case, no dash.
    const typed = await t.request(`/dang-ky/da-nhan/?ma=${receipt.toLowerCase().replace('-', '')}`);
    expect(await typed.text()).toContain(receipt);
  });

  it('the confirmation page answers 404 with a clear text for an unknown or missing receipt', async () => {
    for (const path of [
      '/dang-ky/da-nhan/?ma=2222-2222',
      '/dang-ky/da-nhan/?ma=<script>',
      '/dang-ky/da-nhan/',
    ]) {
      const res = await t.request(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain('<strong id="ma">(không tìm thấy mã hồ sơ)</strong>');
      expect(html).toContain('<span id="dot"></span>');
      expect(html).not.toContain('<script>');
    }
  });

  it('multipart/form-data (a form with enctype) → 303', async () => {
    const fd = new FormData();
    for (const [k, v] of formBody(validBody())) fd.append(k, v);
    fd.append('tep', new Blob(['ignored']), 'a.txt');
    const res = await t.request('/api/registrations', { method: 'POST', body: fd });
    expect(res.status).toBe(303);
  });

  it('assigns the round from the submission time; after the last deadline → null, "Đợt tiếp theo"', async () => {
    t.clock.now = new Date('2024-03-25T00:00:00+07:00');
    expect(((await (await postJson(t, validBody())).json()) as { round: string }).round).toBe(
      '2024-dot-2',
    );
    t.clock.now = new Date('2024-03-24T23:59:59+07:00');
    expect(((await (await postJson(t, validBody())).json()) as { round: string }).round).toBe(
      '2024-dot-1',
    );
    t.clock.now = new Date('2025-01-02T08:00:00+07:00');
    const late = await postJson(t, validBody());
    expect(late.status).toBe(201);
    const { receipt, round } = (await late.json()) as { receipt: string; round: null };
    expect(round).toBeNull();
    expect(await (await t.request(`/dang-ky/da-nhan/?ma=${receipt}`)).text()).toContain(
      'Đợt tiếp theo',
    );
  });

  it('GET /api/registrations/RECEIPT → receipt, round, status only; unknown → 404', async () => {
    const { receipt } = (await (await postJson(t, validBody())).json()) as { receipt: string };
    const res = await t.request(`/api/registrations/${receipt.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ receipt, round: '2024-dot-1', status: 'cho-ra-soat' });
    expect((await t.request('/api/registrations/2222-2222')).status).toBe(404);
    expect((await t.request('/api/registrations/not-a-receipt')).status).toBe(404);
  });
});

describe('repeated submissionId', () => {
  it('JSON: 201 then 200 with the same body, stored once', async () => {
    const body = validBody();
    const first = await postJson(t, body);
    const second = await postJson(t, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(await first.json());
    expect(t.app.deps.registrations.list()).toHaveLength(1);
  });

  it('form: the same receipt both times; and across form and JSON', async () => {
    const body = validBody();
    const a = await postForm(t, formBody(body));
    const b = await postForm(t, formBody(body));
    expect(b.status).toBe(303);
    expect(b.headers.get('location')).toBe(a.headers.get('location'));
    const c = await postJson(t, body);
    expect(c.status).toBe(200);
    expect(a.headers.get('location')).toContain(((await c.json()) as { receipt: string }).receipt);
    expect(t.app.deps.registrations.list()).toHaveLength(1);
  });

  it('many at once (one group commit): each answered after commit, the same id stored once', async () => {
    const shared = validBody();
    const bodies = [
      ...Array.from({ length: 40 }, () => validBody()),
      ...Array.from({ length: 10 }, () => shared),
    ];
    const answers = await Promise.all(bodies.map((b) => postJson(t, b)));
    const json = (await Promise.all(answers.map((r) => r.json()))) as { receipt: string }[];
    expect(answers.filter((r) => r.status === 201)).toHaveLength(41);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(json.slice(40).map((j) => j.receipt)).size).toBe(1);
    expect(new Set(json.map((j) => j.receipt)).size).toBe(41);
    expect(t.app.deps.registrations.list()).toHaveLength(41);
  });
});

describe('honeypot', () => {
  it('a filled "website" is answered like a success and stored as rac', async () => {
    const res = await postJson(t, validBody({ website: 'http://spam.example' }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { receipt: string; status: string };
    expect(body.status).toBe('cho-ra-soat');
    expect(t.app.deps.registrations.get(body.receipt)).toMatchObject({
      status: 'rac',
      honeypot: true,
    });
    const form = await postForm(t, formBody(validBody({ website: 'x' })));
    expect(form.status).toBe(303);
  });
});

describe('invalid input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing producer name', { producerName: '  ' }, 'producerName'],
    ['bad phone', { phone: '12345' }, 'phone'],
    ['unknown commune', { commune: 'Hà Nội' }, 'commune'],
    ['unknown product group', { productGroup: 'xe-hoi' }, 'productGroup'],
    ['no consent', { consentProcessing: false }, 'consentProcessing'],
    ['too long', { description: 'a'.repeat(2001) }, 'description'],
    ['bad email', { email: 'khong-phai-email' }, 'email'],
    ['array for a string', { productName: ['a', 'b'] }, 'productName'],
    ['nested object', { representative: { name: 'x' } }, 'representative'],
  ];
  for (const [name, change, field] of cases) {
    it(`JSON, ${name} → 422 with the field`, async () => {
      const res = await postJson(t, validBody(change));
      expect(res.status).toBe(422);
      const { errors } = (await res.json()) as { errors: { field: string; message: string }[] };
      expect(errors.map((e) => e.field)).toContain(field);
      expect(errors.every((e) => e.message.length > 0)).toBe(true);
    });
  }

  it('form → 422 HTML page listing every problem and keeping what was typed', async () => {
    const res = await postForm(
      t,
      formBody(
        validBody({ phone: '123', commune: 'Hà "Nội"', productName: '', consentProcessing: false }),
      ),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    for (const message of [
      'Số điện thoại không đúng',
      `Không có xã "Hà "Nội"" trong danh sách`,
      'Vui lòng nhập tên sản phẩm',
      'Cần đồng ý cho xử lý thông tin',
    ]) {
      expect(html).toContain(esc(message));
    }
    expect(html).toContain('Hợp tác xã Cà phê Quảng Sơn');
    expect(t.app.deps.registrations.list()).toHaveLength(0);
  });

  it('broken bodies are 4xx, never 5xx', async () => {
    const bad: [string, BodyInit, string][] = [
      ['broken JSON', '{"producerName": ', 'application/json'],
      ['JSON array', '[1,2,3]', 'application/json'],
      ['JSON null', 'null', 'application/json'],
      ['JSON string', '"x"', 'application/json'],
      [
        'broken UTF-8 in JSON',
        new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
        'application/json',
      ],
      [
        'broken UTF-8 in a form',
        'producerName=%FF%FE&phone=1',
        'application/x-www-form-urlencoded',
      ],
      ['broken percent-encoding', 'producerName=%E0%A4%A&x=%', 'application/x-www-form-urlencoded'],
      ['broken multipart', '--abc\r\nnonsense', 'multipart/form-data; boundary=abc'],
      ['multipart without boundary', 'x', 'multipart/form-data'],
      ['empty JSON body', '', 'application/json'],
      ['deep nesting', '['.repeat(5000) + ']'.repeat(5000), 'application/json'],
    ];
    for (const [name, body, type] of bad) {
      const res = await t.request('/api/registrations', {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      });
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
    }
  });

  it('any JSON value at all gets 201, 200 or 422 (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.dictionary(fc.constantFrom(...Object.keys(validBody()), 'website'), fc.jsonValue()),
        ),
        async (value) => {
          const res = await postJson(t, JSON.stringify(value));
          expect([200, 201, 422]).toContain(res.status);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('limits', () => {
  it('> 64 KiB → 413 (declared or streamed), at exactly 64 KiB it is read', async () => {
    const big = JSON.stringify(validBody({ description: 'x'.repeat(70 * 1024) }));
    expect((await postJson(t, big)).status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const streamed = await t.request('/api/registrations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const form = await postForm(t, formBody(validBody({ description: 'x'.repeat(70 * 1024) })));
    expect(form.status).toBe(413);
    const padded = JSON.stringify(validBody());
    const exact = padded.slice(0, -1) + ' '.repeat(64 * 1024 - Buffer.byteLength(padded)) + '}';
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect((await postJson(t, exact)).status).toBe(201);
  });

  it('other content types → 415', async () => {
    for (const type of ['text/plain', 'application/xml', '']) {
      const res = await t.request('/api/registrations', {
        method: 'POST',
        headers: type ? { 'Content-Type': type } : {},
        body: 'x',
      });
      expect(res.status, type).toBe(415);
    }
  });

  it('RATE_LIMIT per client per minute → 429 with Retry-After; per X-Forwarded-For behind a proxy', async () => {
    t.close();
    t = makeTestApp({ rateLimit: 2, trustProxy: true });
    const from = (ip: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${ip}` });
    expect((await postJson(t, validBody(), from('10.0.0.1'))).status).toBe(201);
    expect((await postForm(t, formBody(validBody()), from('10.0.0.1'))).status).toBe(303);
    const limited = await postJson(t, validBody(), from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const limitedForm = await postForm(t, formBody(validBody()), from('10.0.0.1'));
    expect(limitedForm.status).toBe(429);
    expect(limitedForm.headers.get('content-type')).toMatch(/text\/html/);
    expect((await postJson(t, validBody(), from('10.0.0.2'))).status).toBe(201);
    t.clock.now = new Date(t.clock.now.getTime() + 61_000);
    expect((await postJson(t, validBody(), from('10.0.0.1'))).status).toBe(201);
  });

  it('RATE_LIMIT=0 turns the limit off', async () => {
    const answers = await Promise.all(Array.from({ length: 30 }, () => postJson(t, validBody())));
    expect(answers.every((r) => r.status === 201)).toBe(true);
  });
});

describe('request log', () => {
  it('one JSON line per request: method, path without query, status, ms; no personal data', async () => {
    t.logs.length = 0;
    await postJson(t, validBody({ representative: 'Trần Bí Mật', phone: '0987654321' }));
    await t.request('/dang-ky/da-nhan/?ma=2222-2222');
    expect(t.logs).toHaveLength(2);
    const lines = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ method: 'POST', path: '/api/registrations', status: 201 });
    expect(typeof lines[0]!.ms).toBe('number');
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/dang-ky/da-nhan/', status: 404 });
    const all = t.logs.join('\n');
    for (const secret of ['Trần', '0987654321', '2222-2222', 'ma='])
      expect(all).not.toContain(secret);
  });
});
