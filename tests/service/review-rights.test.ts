// People's rights in the review UI: on a registration's page, staff withdraw consent to publish the name,
// correct a field and erase personal data (each with a reason and the CSRF token, held to the account's
// commune), and the district sees each in /quan-ly/nhat-ky/, which commune accounts may not open.
import { describe, expect, it } from 'vitest';
import { cookieBrowser } from './cookie-browser.ts';
import { EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const app = useAppWithTwoEditors();
const Browser = cookieBrowser(app);

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  return ((await (await postJson(app(), validBody(extra))).json()) as { receipt: string }).receipt;
}

async function signedIn(name = 'huyen') {
  const b = new Browser();
  expect((await b.signIn(name, EDITOR_PASSWORD)).status).toBe(303);
  return b;
}

describe('rights on a registration page', () => {
  it('withdraws consent, corrects a phone and erases, each logged; the page says what was done', async () => {
    const receipt = await register({ consentPublishName: 'on', representative: 'Y Brông Niê' });
    const b = await signedIn();
    const page = await (await b.request(`/quan-ly/ho-so/${receipt}`)).text();
    expect(page).toContain('Quyền của chủ thể dữ liệu');
    const csrf = Browser.csrf(page);
    const act = (fields: Record<string, string>) =>
      b.post(`/quan-ly/ho-so/${receipt}/quyen`, { _csrf: csrf, ...fields });

    expect((await act({ action: 'dong-y', consent: 'khong', reason: '' })).status).toBe(422);
    const withdrawn = await act({
      action: 'dong-y',
      consent: 'khong',
      reason: 'Chủ thể yêu cầu qua điện thoại',
    });
    expect(withdrawn.status).toBe(303);
    expect(withdrawn.headers.get('location')).toBe(`/quan-ly/ho-so/${receipt}?da-luu=dong-y#quyen`);
    expect(await (await b.request(withdrawn.headers.get('location')!)).text()).toContain(
      'Đã ghi nhận thay đổi đồng ý công khai tên',
    );
    expect(app().app.deps.registrations.get(receipt)!.consentPublishName).toBe(false);

    expect(
      (await act({ action: 'sua', field: 'phone', value: '12', reason: 'Đổi số' })).status,
    ).toBe(422);
    expect(
      (await act({ action: 'sua', field: 'phone', value: '0912 000 111', reason: 'Đổi số' }))
        .status,
    ).toBe(303);
    expect(app().app.deps.registrations.get(receipt)!.phone).toBe('0912000111');

    expect((await act({ action: 'xoa', reason: 'Yêu cầu xóa' })).status).toBe(422);
    expect((await act({ action: 'xoa', reason: 'Yêu cầu xóa', confirm: 'co' })).status).toBe(303);
    const erased = app().app.deps.registrations.get(receipt)!;
    expect([erased.representative, erased.phone, erased.erasedAt === null]).toEqual([
      '',
      '',
      false,
    ]);
    expect(await (await b.request(`/quan-ly/ho-so/${receipt}`)).text()).toContain(
      'Dữ liệu cá nhân của hồ sơ này đã được xóa',
    );

    const log = await (await b.request('/quan-ly/nhat-ky/')).text();
    for (const words of [
      'Xóa dữ liệu cá nhân',
      'Sửa thông tin',
      'Đổi đồng ý công khai tên',
      'Xem hồ sơ',
    ])
      expect(log).toContain(words);
    expect(log).not.toContain('Y Brông');
  });

  it("refuses without the CSRF token, and another commune's registration to a commune account (as an unknown one)", async () => {
    const receipt = await register({ commune: 'dak-som' });
    const b = await signedIn();
    expect(
      (
        await b.post(`/quan-ly/ho-so/${receipt}/quyen`, {
          action: 'xoa',
          reason: 'x',
          confirm: 'co',
        })
      ).status,
    ).toBe(403);
    const commune = await signedIn('quangson');
    const csrf = Browser.csrf(await (await commune.request('/quan-ly/')).text());
    // The review UI answers another unit's receipt as an unknown one (404), so existence does not leak.
    const other = await commune.post(`/quan-ly/ho-so/${receipt}/quyen`, {
      _csrf: csrf,
      action: 'xoa',
      reason: 'x',
      confirm: 'co',
    });
    expect(other.status).toBe(404);
    expect(
      (
        await commune.post('/quan-ly/ho-so/ZZZZ-ZZZZ/quyen', {
          _csrf: csrf,
          action: 'xoa',
          reason: 'x',
          confirm: 'co',
        })
      ).status,
    ).toBe(404);
    expect(app().app.deps.registrations.get(receipt)!.erasedAt).toBeNull();
    expect((await commune.request('/quan-ly/nhat-ky/')).status).toBe(403);
    expect((await new Browser().request('/quan-ly/nhat-ky/')).status).toBe(303);
  });
});
