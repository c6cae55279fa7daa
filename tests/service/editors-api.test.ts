// The editors' API: the CSV export and status changes, with HTTP Basic or the review UI's session.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/export/format.ts';
import { basic, EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const PASSWORD = EDITOR_PASSWORD;
const app = useAppWithTwoEditors();

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postJson(app(), validBody(extra));
  expect(res.status).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

async function exportRows(query = '', who = 'huyen') {
  const res = await app().request(`/api/registrations.csv${query}`, {
    headers: basic(who, PASSWORD),
  });
  expect(res.status).toBe(200);
  const text = new TextDecoder().decode(await res.arrayBuffer());
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

const col = (key: string) => EXPORT_COLUMNS.find((c) => c.key === key)!.header;

describe('GET /api/registrations.csv', () => {
  it('without or with wrong credentials → 401 with WWW-Authenticate', async () => {
    for (const headers of [
      {},
      basic('huyen', 'sai mật khẩu rồi'),
      basic('nobody', PASSWORD),
      { Authorization: 'Basic !!!' },
    ]) {
      const res = await app().request('/api/registrations.csv', { headers });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    }
  });

  it('the bytes: BOM, CRLF, Vietnamese header row, +07:00 times, neutralised formulas, empty reviewed-at', async () => {
    const receipt = await register({
      producerName: '=HYPERLINK("http://x")',
      description: 'dòng 1\ndòng 2, có "ngoặc"',
      businessId: '-5',
      supportNeeds: ['@SUM(A1)'],
    });
    const res = await app().request('/api/registrations.csv', {
      headers: basic('huyen', PASSWORD),
    });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="dang-ky-ocop-.*\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      EXPORT_COLUMNS.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header)).join(','),
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').replace(/dòng 1\ndòng 2/, '')).not.toContain('\n');
    const row = Papa.parse<string[]>(text, { skipEmptyLines: true }).data[1]!;
    const cell = (key: string) => row[EXPORT_COLUMNS.findIndex((c) => c.key === key)];
    expect(cell('receipt')).toBe(receipt);
    expect(cell('submittedAt')).toBe('2024-03-20T10:00:00+07:00');
    expect(cell('reviewedAt')).toBe('');
    expect(cell('producerName')).toBe(`'=HYPERLINK("http://x")`);
    expect(cell('businessId')).toBe("'-5");
    expect(cell('supportNeeds')).toBe("'@SUM(A1)");
    expect(cell('description')).toBe('dòng 1\ndòng 2, có "ngoặc"');
    expect(cell('commune')).toBe('quang-son');
    expect(cell('consentProcessing')).toBe('có');
  });

  it('reviewed-at is filled by the first review, in +07:00', async () => {
    const receipt = await register();
    app().clock.now = new Date('2024-04-01T02:03:04Z');
    const res = await app().request(`/api/registrations/${receipt}/status`, {
      method: 'POST',
      headers: { ...basic('huyen', PASSWORD), 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'da-chon', note: 'Đạt yêu cầu' }),
    });
    expect(res.status).toBe(200);
    const [row] = await exportRows();
    expect(row![col('reviewedAt')]).toBe('2024-04-01T09:03:04+07:00');
    expect(row![col('status')]).toBe('da-chon');
    expect(row![col('reviewNote')]).toBe('Đạt yêu cầu');
  });

  it('a commune editor sees only their commune; filters by commune, round and status', async () => {
    const son = await register({ commune: 'quang-son' });
    const ha = await register({ commune: 'Đăk Ha' });
    app().clock.now = new Date('2024-05-01T00:00:00+07:00');
    const later = await register({ commune: 'quang-son', website: 'spam' });
    expect((await exportRows()).map((r) => r[col('receipt')])).toEqual([son, ha, later]);
    expect((await exportRows('', 'quangson')).map((r) => r[col('receipt')])).toEqual([son, later]);
    expect(await exportRows('?commune=dak-ha', 'quangson')).toEqual([]);
    expect((await exportRows('?commune=xã Đắk Ha')).map((r) => r[col('receipt')])).toEqual([ha]);
    expect((await exportRows('?round=2024-dot-2')).map((r) => r[col('receipt')])).toEqual([later]);
    expect((await exportRows('?status=rac')).map((r) => r[col('receipt')])).toEqual([later]);
    expect(await exportRows('?round=tiep-theo')).toEqual([]);
    const bad = await app().request('/api/registrations.csv?status=nope', {
      headers: basic('huyen', PASSWORD),
    });
    expect(bad.status).toBe(422);
  });

  it('throttles repeated wrong Basic passwords per account and address', async () => {
    for (let i = 0; i < 5; i++)
      expect(
        (
          await app().request('/api/registrations.csv', {
            headers: basic('huyen', 'sai sai sai sai'),
          })
        ).status,
      ).toBe(401);
    const blocked = await app().request('/api/registrations.csv', {
      headers: basic('huyen', PASSWORD),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await app().request('/api/registrations.csv', { headers: basic('quangson', PASSWORD) }))
        .status,
    ).toBe(200);
  });
});

describe('sign-in throttle across names', () => {
  it('caps failures per address whatever the names (password spraying), the right password included', async () => {
    const answers: number[] = [];
    for (let i = 1; i <= 12; i++)
      answers.push(
        (
          await app().request('/api/registrations.csv', {
            headers: basic(`user${i}`, 'sai sai sai sai'),
          })
        ).status,
      );
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers.slice(10)).toEqual([429, 429]);
    const blocked = await app().request('/api/registrations.csv', {
      headers: basic('huyen', PASSWORD),
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses an overlong name without keeping it, and keeps its limiters bounded', async () => {
    const deps = app().app.deps;
    const res = await app().request('/api/registrations.csv', {
      headers: basic('x'.repeat(10_000), 'sai sai sai sai'),
    });
    expect(res.status).toBe(401);
    expect(deps.signInLimiter.size).toBe(0);
    expect(deps.addressSignInLimiter.size).toBe(1);
  });
});

describe('POST /api/registrations/RECEIPT/status', () => {
  const post = (
    receipt: string,
    body: unknown,
    headers: Record<string, string> = basic('huyen', PASSWORD),
  ) =>
    app().request(`/api/registrations/${receipt}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('200 for an allowed editor; records reviewedAt, the note and who', async () => {
    const receipt = await register();
    const res = await post(
      receipt,
      { status: 'chua-chon', note: '  Thiếu hồ sơ  ' },
      basic('quangson', PASSWORD),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      receipt,
      status: 'chua-chon',
      reviewedAt: '2024-03-20T10:00:00+07:00',
    });
    expect(app().app.deps.registrations.get(receipt)).toMatchObject({
      status: 'chua-chon',
      reviewNote: 'Thiếu hồ sơ',
    });
    expect(app().app.deps.registrations.history(receipt)).toEqual([
      {
        status: 'chua-chon',
        note: 'Thiếu hồ sơ',
        publicNote: '',
        account: 'quangson',
        at: '2024-03-20T10:00:00+07:00',
      },
    ]);
    expect(await (await app().request(`/api/registrations/${receipt}`)).json()).toMatchObject({
      status: 'chua-chon',
    });
  });

  it('401 without credentials, 403 for another commune, 404 unknown receipt, 422 unknown status', async () => {
    const receipt = await register({ commune: 'dak-som' });
    expect((await post(receipt, { status: 'da-chon' }, {})).status).toBe(401);
    expect((await post(receipt, { status: 'da-chon' }, basic('quangson', PASSWORD))).status).toBe(
      403,
    );
    expect(app().app.deps.registrations.get(receipt)!.status).toBe('cho-ra-soat');
    expect((await post('2222-2222', { status: 'da-chon' })).status).toBe(404);
    // A commune account gets one answer for another commune's receipt and an unknown one: existence does not leak.
    const elsewhere = await post(receipt, { status: 'da-chon' }, basic('quangson', PASSWORD));
    const unknown = await post('2222-2222', { status: 'da-chon' }, basic('quangson', PASSWORD));
    expect([elsewhere.status, unknown.status]).toEqual([403, 403]);
    expect(await elsewhere.json()).toEqual(await unknown.json());
    expect((await post(receipt, { status: 'duyet' })).status).toBe(422);
    expect((await post(receipt, { status: 'da-chon', note: ['x'] })).status).toBe(422);
    const control = await post(receipt, { status: 'da-chon', note: 'a\u0000b' });
    expect(control.status).toBe(422);
    expect(await control.json()).toEqual({
      errors: [{ field: 'note', message: expect.stringContaining('ký tự điều khiển') }],
    });
    expect((await post(receipt, { status: 'chua-chon', note: 'Dòng 1\nDòng 2' })).status).toBe(200);
    const broken = await app().request(`/api/registrations/${receipt}/status`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...basic('huyen', PASSWORD) },
      body: '{',
    });
    expect(broken.status).toBe(422);
  });
});
