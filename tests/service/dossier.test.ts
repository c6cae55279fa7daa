// The dossier checklist: items from content, marks through the API and the review UI (scope, CSRF,
// bad input in Vietnamese, the access log), and the producer's lookup listing what is missing.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDossierItems } from '../../src/service/storage/dossier.ts';
import { SESSION_COOKIE } from '../../src/service/http/session.ts';
import { basic, EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const app = useAppWithTwoEditors();

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  return ((await (await postJson(app(), validBody(extra))).json()) as { receipt: string }).receipt;
}
const mark = (receipt: string, body: unknown, who = 'huyen') =>
  app().request(`/api/registrations/${receipt}/dossier`, {
    method: 'POST',
    headers: { ...basic(who, EDITOR_PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('dossier items', () => {
  it("are the content folder's files, in their order", () => {
    const items = readDossierItems(app().config.contentDir);
    expect(items.map((i) => `${i.slug}.json`).sort()).toEqual(
      readdirSync(join(app().config.contentDir, 'dossier-items')).sort(),
    );
    expect(items[0]!.label).toBe('Phiếu đăng ký sản phẩm OCOP');
    expect(items.map((i) => i.order)).toEqual([...items.map((i) => i.order)].sort((a, b) => a - b));
  });
});

describe('POST /api/registrations/RECEIPT/dossier', () => {
  it('marks items, keeps the others, logs it, and the lookup lists what is missing', async () => {
    const receipt = await register();
    const res = await mark(receipt, {
      items: { 'phieu-kiem-nghiem': 'thieu', 'nhan-bao-bi': 'thieu', 'phieu-dang-ky': 'co' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      receipt,
      items: { 'phieu-kiem-nghiem': 'thieu', 'nhan-bao-bi': 'thieu', 'phieu-dang-ky': 'co' },
    });
    expect(
      (
        await mark(receipt, {
          items: { 'nhan-bao-bi': 'co', 'giay-dang-ky-kinh-doanh': 'khong-ap-dung' },
        })
      ).status,
    ).toBe(200);
    const html = await (await app().request(`/tra-cuu/?ma=${receipt}`)).text();
    expect(html).toContain('Giấy tờ trong hồ sơ còn thiếu');
    expect(html).toContain('<li>Phiếu kết quả kiểm nghiệm sản phẩm</li>');
    expect(html).not.toContain('<li>Nhãn và bao bì sản phẩm</li>');
    const audit = app()
      .app.deps.audit.list(10)
      .find((e) => e.action === 'dossier');
    expect(audit).toMatchObject({ account: 'huyen', receipt });
  });

  it("refuses unknown items and states in Vietnamese, another commune's receipt, and no sign-in", async () => {
    const receipt = await register({ commune: 'dak-ha' });
    const unknown = await mark(receipt, { items: { 'giay-phep-lai-xe': 'co' } });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(await unknown.json())).toContain('Không có giấy tờ');
    expect((await mark(receipt, { items: { 'phieu-dang-ky': 'roi' } })).status).toBe(422);
    expect((await mark(receipt, { items: [] })).status).toBe(422);
    expect((await mark(receipt, {})).status).toBe(422);
    expect((await mark(receipt, { items: { 'phieu-dang-ky': 'co' } }, 'quangson')).status).toBe(
      403,
    );
    const none = await app().request(`/api/registrations/${receipt}/dossier`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"items":{}}',
    });
    expect(none.status).toBe(401);
    expect(app().app.deps.dossier.marks(receipt).size).toBe(0);
  });

  it("staff mark items on the registration's page in the review UI (CSRF required)", async () => {
    const receipt = await register();
    const cookie = { Cookie: `${SESSION_COOKIE}=${app().app.deps.sessions.create('quangson')}` };
    const page = await (
      await app().request(`/quan-ly/ho-so/${receipt}`, { headers: cookie })
    ).text();
    expect(page).toContain('Giấy tờ hồ sơ OCOP');
    expect(page).toContain('name="phieu-kiem-nghiem" value="thieu"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const post = (fields: Record<string, string>) =>
      app().request(`/quan-ly/ho-so/${receipt}/giay-to`, {
        method: 'POST',
        headers: { ...cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect((await post({ 'anh-san-pham': 'thieu' })).status).toBe(403);
    const saved = await post({ _csrf: csrf, 'anh-san-pham': 'thieu', 'phieu-dang-ky': 'co' });
    expect(saved.status).toBe(303);
    expect(Object.fromEntries(app().app.deps.dossier.marks(receipt))).toEqual({
      'anh-san-pham': 'thieu',
      'phieu-dang-ky': 'co',
    });
    const after = await (
      await app().request(saved.headers.get('location')!, { headers: cookie })
    ).text();
    expect(after).toContain('Đã lưu giấy tờ hồ sơ.');
    expect(after).toContain('name="anh-san-pham" value="thieu" checked');
    expect(after).toContain('Còn thiếu 1 giấy tờ');
  });
});
