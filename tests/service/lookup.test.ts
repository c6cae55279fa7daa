// GET /tra-cuu/?ma=RECEIPT through the app: forgiving input, every status in words, the public reason,
// nothing personal, spam looking like a waiting registration, 404 naming the code, the rate limit.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyLookupSlot } from '../../src/forms/lookup-view.ts';
import { LOOKUPS_PER_MINUTE } from '../../src/service/deps.ts';
import {
  basic,
  EDITOR_PASSWORD,
  makeTestApp,
  postJson,
  useAppWithTwoEditors,
  validBody,
} from './helpers.ts';

const app = useAppWithTwoEditors();
const REASON = 'Cần bổ sung giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm.';

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postJson(
    app(),
    validBody({
      representative: 'Nguyễn Thị Hoà',
      phone: '0912345678',
      address: 'Thôn 2',
      ...extra,
    }),
  );
  return ((await res.json()) as { receipt: string }).receipt;
}
const review = (receipt: string, body: unknown) =>
  app().request(`/api/registrations/${receipt}/status`, {
    method: 'POST',
    headers: { ...basic('huyen', EDITOR_PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const lookup = (ma: string) => app().request(`/tra-cuu/?ma=${encodeURIComponent(ma)}`);

describe('/tra-cuu/', () => {
  it('without a code: the form, which sends ma by GET', async () => {
    const res = await app().request('/tra-cuu/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form method="get" action="/tra-cuu/"');
    expect(html).toContain('name="ma"');
    expect(html).not.toContain('<script');
    expect((await app().request('/tra-cuu?ma=x')).headers.get('location')).toBe('/tra-cuu/?ma=x');
  });

  it('finds a receipt typed in lower case, with spaces, without the dash; says the round and status in words', async () => {
    const receipt = await register();
    for (const typed of [
      receipt,
      receipt.toLowerCase(),
      ` ${receipt.replace('-', '')} `,
      receipt.replace('-', ' ').toLowerCase(),
    ]) {
      const res = await lookup(typed);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html).toContain(receipt);
      expect(html).toContain('Đợt 1');
      expect(html).toContain('Đã nhận, đang chờ rà soát');
      expect(html).toContain('Việc tiếp theo');
    }
  });

  it('every status in plain words; the public reason with can-bo-sung; nothing personal, no private note', async () => {
    const receipt = await register();
    const cases: [unknown, string][] = [
      [{ status: 'da-chon', note: 'ghi chú riêng tư' }, 'Đã được chọn xây dựng sản phẩm OCOP'],
      [{ status: 'chua-chon', note: 'ghi chú riêng tư' }, 'Chưa được chọn trong đợt này'],
      [
        { status: 'can-bo-sung', note: 'ghi chú riêng tư', publicNote: REASON },
        'Cần bổ sung hồ sơ',
      ],
      [{ status: 'rac', note: 'ghi chú riêng tư' }, 'Đã nhận, đang chờ rà soát'],
    ];
    for (const [body, words] of cases) {
      expect((await review(receipt, body)).status).toBe(200);
      const html = await (await lookup(receipt)).text();
      expect(html).toContain(words);
      expect(html.includes(REASON)).toBe((body as { status: string }).status === 'can-bo-sung');
      for (const personal of [
        'ghi chú riêng tư',
        'Nguyễn Thị Hoà',
        '0912345678',
        'Hợp tác xã Cà phê',
        'Cà phê bột',
        'Thôn 2',
        'Rang mộc',
      ])
        expect(html).not.toContain(personal);
    }
  });

  it('a honeypot registration reads exactly like a waiting one', async () => {
    const real = await register();
    const spam = await register({ website: 'http://spam' });
    const strip = (html: string, receipt: string) => html.replaceAll(receipt, 'MA');
    expect(strip(await (await lookup(spam)).text(), spam)).toBe(
      strip(await (await lookup(real)).text(), real),
    );
  });

  it('unknown or malformed → 404 naming the code and whom to call', async () => {
    const res = await lookup('zzzz-2222');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('ZZZZ-2222');
    expect(html).toContain('Không tìm thấy hồ sơ');
    expect(html).toMatch(/href="tel:\+84\d+"/);
    const bad = await lookup('<b>abc</b>');
    expect(bad.status).toBe(404);
    const badHtml = await bad.text();
    expect(badHtml).toContain('&lt;b&gt;abc&lt;/b&gt;');
    expect(badHtml).not.toContain('<b>abc');
  });

  it("fills the built page's slot when dist/ has one", async () => {
    const receipt = await register();
    mkdirSync(join(app().config.distDir, 'tra-cuu'), { recursive: true });
    writeFileSync(
      join(app().config.distDir, 'tra-cuu', 'index.html'),
      `<!doctype html><html lang="vi"><title>Khung trang</title><main>${emptyLookupSlot()}</main><footer>chân trang</footer></html>`,
    );
    const html = await (await lookup(receipt)).text();
    expect(html).toContain('Khung trang');
    expect(html).toContain('chân trang');
    expect(html).toContain(receipt);
    expect(html.match(/<form /g)).toHaveLength(1);
  });

  it(`with RATE_LIMIT on: 429 with Retry-After after ${LOOKUPS_PER_MINUTE} lookups a minute from one client (status API included), again a minute later`, async () => {
    const t = makeTestApp({ rateLimit: 20 });
    try {
      const receipt = ((await (await postJson(t, validBody())).json()) as { receipt: string })
        .receipt;
      const get = (path: string) => t.request(path);
      for (let i = 0; i < LOOKUPS_PER_MINUTE - 1; i++)
        expect((await get(`/tra-cuu/?ma=${receipt}`)).status).toBe(200);
      expect((await get(`/api/registrations/${receipt}`)).status).toBe(200);
      const blocked = await get(`/tra-cuu/?ma=${receipt}`);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await blocked.text()).toContain('Tra cứu quá nhiều lần');
      expect((await get('/tra-cuu/')).status).toBe(200); // the empty form is not counted
      t.clock.now = new Date(t.clock.now.getTime() + 61_000);
      expect((await get(`/tra-cuu/?ma=${receipt}`)).status).toBe(200);
    } finally {
      t.close();
    }
  });
});
