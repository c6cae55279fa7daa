// The review UI at /quan-ly/: sign-in, sessions, CSRF, throttling, commune scoping, status changes.
import { describe, expect, it } from 'vitest';
import { cookieBrowser } from './cookie-browser.ts';
import { EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const PASSWORD = EDITOR_PASSWORD;
const app = useAppWithTwoEditors();

const Browser = cookieBrowser(app);

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  return ((await (await postJson(app(), validBody(extra))).json()) as { receipt: string }).receipt;
}

describe('sign-in and sessions', () => {
  it("keeps the review UI's own stricter headers over the site-wide ones", async () => {
    for (const path of ['/quan-ly/dang-nhap', '/quan-ly/giao-dien.css']) {
      const res = await app().request(path);
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
    // The rest of the site keeps the site-wide policy.
    expect((await app().request('/')).headers.get('content-security-policy')).toMatch(
      /^default-src 'self'/,
    );
  });

  it('sends people who are not signed in to the sign-in page', async () => {
    const res = await app().request('/quan-ly/');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-ly/dang-nhap');
    expect((await app().request('/quan-ly/ho-so/2222-2222')).status).toBe(303);
  });

  it('signs in with a new HttpOnly SameSite=Strict session, not the one planted before', async () => {
    const b = new Browser();
    b.cookies.set('ocop_phien', 'planted-by-an-attacker');
    const res = await b.signIn('huyen', PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/quan-ly/');
    const cookie = b.lastSetCookies.find((c) => c.startsWith('ocop_phien='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(b.cookies.get('ocop_phien')).not.toBe('planted-by-an-attacker');
    const list = await b.request('/quan-ly/');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Danh sách đăng ký');
    expect(list.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(list.headers.get('cache-control')).toBe('no-store');
  });

  it('marks the cookie Secure over HTTPS', async () => {
    const b = new Browser('https://ocop.example');
    await b.signIn('huyen', PASSWORD);
    expect(b.lastSetCookies.find((c) => c.startsWith('ocop_phien='))).toMatch(/Secure/);
  });

  it('refuses a sign-in without the form token, and a wrong password', async () => {
    const b = new Browser();
    await b.request('/quan-ly/dang-nhap');
    expect((await b.post('/quan-ly/dang-nhap', { name: 'huyen', password: PASSWORD })).status).toBe(
      403,
    );
    const wrong = await b.signIn('huyen', 'không đúng mật khẩu');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Tên tài khoản hoặc mật khẩu không đúng');
    expect(b.cookies.has('ocop_phien')).toBe(false);
  });

  it('throttles after 5 failures for that account and address, even with the right password', async () => {
    const b = new Browser();
    for (let i = 0; i < 5; i++)
      expect((await b.signIn('huyen', `sai lần thứ ${i} rồi`)).status).toBe(401);
    const blocked = await b.signIn('huyen', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expect((await new Browser().signIn('quangson', PASSWORD)).status).toBe(303);
    app().clock.now = new Date(app().clock.now.getTime() + 16 * 60_000);
    expect((await b.signIn('huyen', PASSWORD)).status).toBe(303);
  });

  it('signs out with the token, and the old session id stops working', async () => {
    const b = new Browser();
    await b.signIn('huyen', PASSWORD);
    const old = b.cookies.get('ocop_phien')!;
    const html = await (await b.request('/quan-ly/')).text();
    expect((await b.post('/quan-ly/dang-xuat', { _csrf: 'sai' })).status).toBe(403);
    const out = await b.post('/quan-ly/dang-xuat', { _csrf: Browser.csrf(html) });
    expect(out.status).toBe(303);
    const replay = new Browser();
    replay.cookies.set('ocop_phien', old);
    expect((await replay.request('/quan-ly/')).status).toBe(303);
  });
});

describe('reviewing', () => {
  it('lists, filters, opens and sets a status with a note (CSRF required)', async () => {
    const a = await register({ producerName: '<script>alert(1)</script> HTX' });
    const b = await register({ commune: 'dak-ha' });
    const br = new Browser();
    await br.signIn('huyen', PASSWORD);
    const list = await (await br.request('/quan-ly/')).text();
    expect(list).toContain(a);
    expect(list).toContain(b);
    expect(list).toContain('&lt;script&gt;alert(1)&lt;/script&gt; HTX');
    expect(list).not.toContain('<script>');
    const filtered = await (await br.request('/quan-ly/?commune=dak-ha&status=cho-ra-soat')).text();
    expect(filtered).not.toContain(a);
    expect(filtered).toContain('/api/registrations.csv?commune=dak-ha&amp;status=cho-ra-soat');

    const detail = await (await br.request(`/quan-ly/ho-so/${a}`)).text();
    expect(detail).toContain('0912345678');
    expect((await br.post(`/quan-ly/ho-so/${a}`, { status: 'da-chon', note: 'x' })).status).toBe(
      403,
    );
    expect(app().app.deps.registrations.get(a)!.reviewedAt).toBeNull();
    app().clock.now = new Date('2024-03-20T15:30:00+07:00'); // within the 8-hour session
    const saved = await br.post(`/quan-ly/ho-so/${a}`, {
      _csrf: Browser.csrf(detail),
      status: 'da-chon',
      note: 'Sản phẩm tốt',
    });
    expect(saved.status).toBe(303);
    expect(app().app.deps.registrations.get(a)).toMatchObject({
      status: 'da-chon',
      reviewNote: 'Sản phẩm tốt',
      reviewedAt: '2024-03-20T15:30:00+07:00',
    });
    const after = await (await br.request(saved.headers.get('location')!)).text();
    expect(after).toContain('Đã lưu trạng thái');
    expect(after).toContain('Lịch sử rà soát');
    expect(after).toContain('20/03/2024 15:30');
    expect(
      (await br.post(`/quan-ly/ho-so/${a}`, { _csrf: Browser.csrf(detail), status: 'nope' }))
        .status,
    ).toBe(422);
  });

  it('the session cookie works for the API too, with the CSRF token', async () => {
    const receipt = await register();
    const br = new Browser();
    await br.signIn('huyen', PASSWORD);
    const csrf = Browser.csrf(await (await br.request('/quan-ly/')).text());
    const post = (headers: Record<string, string>) =>
      br.request(`/api/registrations/${receipt}/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ status: 'chua-chon' }),
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'X-CSRF-Token': csrf })).status).toBe(200);
    expect((await br.request('/api/registrations.csv')).status).toBe(200);
  });

  it('holds a commune account to its commune on every route', async () => {
    const own = await register({ commune: 'quang-son' });
    const other = await register({ commune: 'dak-som' });
    const br = new Browser();
    await br.signIn('quangson', PASSWORD);
    const list = await (await br.request('/quan-ly/?commune=dak-som')).text();
    expect(list).not.toContain(other);
    expect(await (await br.request('/quan-ly/')).text()).toContain(own);
    // Another commune's receipt is answered exactly as one that does not exist: nothing leaks across communes.
    const elsewhere = await br.request(`/quan-ly/ho-so/${other}`);
    const unknown = await br.request('/quan-ly/ho-so/2222-2222');
    expect([elsewhere.status, unknown.status]).toEqual([404, 404]);
    expect(await elsewhere.text()).toBe(await unknown.text());
    const detail = await (await br.request(`/quan-ly/ho-so/${own}`)).text();
    const res = await br.post(`/quan-ly/ho-so/${other}`, {
      _csrf: Browser.csrf(detail),
      status: 'rac',
    });
    expect(res.status).toBe(404);
    expect(app().app.deps.registrations.get(other)!.status).toBe('cho-ra-soat');
    const csv = await (await br.request('/api/registrations.csv')).text();
    expect(csv).toContain(own);
    expect(csv).not.toContain(other);
  });
});

describe('search, counts and pages', () => {
  it('finds by receipt (dash and case forgiven), product or producer name without accents, within the filters', async () => {
    const coffee = await register({ productName: 'Cà phê bột', producerName: 'HTX Đắk Nguyên' });
    const tea = await register({
      productName: 'Trà dây',
      producerName: 'Hộ bà Đào',
      commune: 'dak-ha',
    });
    const br = new Browser();
    await br.signIn('huyen', PASSWORD);
    const find = async (query: string) => await (await br.request(`/quan-ly/?${query}`)).text();
    for (const q of [
      'ca phe',
      'CA  PHÊ',
      'dak nguyen',
      coffee.toLowerCase(),
      coffee.replace('-', ''),
      coffee.slice(0, 4),
    ]) {
      const html = await find(new URLSearchParams({ q }).toString());
      expect(html, q).toContain(coffee);
      expect(html, q).not.toContain(tea);
    }
    expect(await find('q=dao')).toContain(tea);
    expect(await find('q=tra+day&commune=quang-son')).not.toContain(tea);
    expect(await find('q=phe+tra')).toContain('0 hồ sơ khớp “phe tra”');
    const html = await find('q=tra&commune=dak-ha');
    expect(html).toContain('/api/registrations.csv?commune=dak-ha&amp;q=tra');
    expect(html).toContain('value="tra"');
    const csv = await (await br.request('/api/registrations.csv?q=ca%20phe')).text();
    expect(csv).toContain(coffee);
    expect(csv).not.toContain(tea);
  });

  it('counts per status within the scope and filters, each a link; pages keep the search', async () => {
    const receipts: string[] = [];
    for (let i = 0; i < 103; i++)
      receipts.push(
        await register({ productName: `Mật ong ${i}`, commune: i % 2 ? 'quang-son' : 'dak-som' }),
      );
    await register({ productName: 'Trà dây' });
    const deps = app().app.deps;
    deps.registrations.setStatus(receipts[1]!, 'da-chon', '', 'huyen', new Date());
    deps.registrations.setStatus(receipts[2]!, 'rac', '', 'huyen', new Date());
    const br = new Browser();
    await br.signIn('huyen', PASSWORD);
    const first = await (await br.request('/quan-ly/?q=mat+ong')).text();
    expect(first).toContain('103 hồ sơ khớp “mat ong”');
    expect(first).toMatch(
      /href="\/quan-ly\/\?q=mat\+ong" aria-current="true">Tất cả <strong>103<\/strong>/,
    );
    expect(first).toMatch(
      /href="\/quan-ly\/\?q=mat\+ong&amp;status=da-chon" data-status="da-chon">Đã chọn <strong>1<\/strong>/,
    );
    expect(first).toContain('Chờ rà soát <strong>101</strong>');
    expect(first).toContain('Trang 1/2');
    expect(first).toContain(receipts[102]);
    expect(first).not.toContain(receipts[0]);
    const next = /href="([^"]+)" rel="next"/.exec(first)![1]!.replace(/&amp;/g, '&');
    expect(next).toBe('/quan-ly/?q=mat+ong&trang=2');
    const second = await (await br.request(next)).text();
    expect(second).toContain('Trang 2/2');
    expect(second).toContain(receipts[0]);
    expect(second).not.toContain('Trà dây');
    const commune = new Browser();
    await commune.signIn('quangson', PASSWORD);
    const own = await (await commune.request('/quan-ly/?q=mat+ong')).text();
    expect(own).toContain('Tất cả <strong>51</strong>');
    expect(own).toContain('Đã chọn <strong>1</strong>');
    expect(own).toContain('Không hợp lệ <strong>0</strong>');
  });
});

describe('search after an erasure', () => {
  it("no longer finds a person's erased name; the product still finds the row", async () => {
    const receipt = await register({
      producerType: 'ca-nhan',
      producerName: 'Bà Hờ Thị Lan',
      productName: 'Rượu cần',
    });
    const br = new Browser();
    await br.signIn('huyen', PASSWORD);
    expect(await (await br.request('/quan-ly/?q=ho+thi+lan')).text()).toContain(receipt);
    app().app.deps.personalData.erase(receipt, 'người đăng ký yêu cầu', 'huyen', new Date());
    expect(await (await br.request('/quan-ly/?q=ho+thi+lan')).text()).not.toContain(receipt);
    expect(await (await br.request('/quan-ly/?q=ruou+can')).text()).toContain(receipt);
  });
});
