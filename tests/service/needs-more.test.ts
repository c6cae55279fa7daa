// "Cần bổ sung" end to end: staff set it with a public reason (API and review UI), the producer's
// status API shows the reason, the export carries it in its last column, and the registry reads
// that export back without publishing the row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS } from '../../src/export/format.ts';
import { runRegistry } from '../../src/registry/node/run.ts';
import { SESSION_COOKIE } from '../../src/service/http/session.ts';
import { basic, EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const app = useAppWithTwoEditors();
const REASON = 'Vui lòng bổ sung giấy chứng nhận an toàn thực phẩm và ảnh nhãn sản phẩm.';

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postJson(app(), validBody(extra));
  expect(res.status).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

const setStatus = (receipt: string, body: unknown, who = 'huyen') =>
  app().request(`/api/registrations/${receipt}/status`, {
    method: 'POST',
    headers: { ...basic(who, EDITOR_PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

const lookup = async (receipt: string) =>
  (await app().request(`/api/registrations/${receipt}`)).json();

let tmp: string | undefined;
afterEach(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  tmp = undefined;
});

describe('can-bo-sung through the API', () => {
  it('needs a public reason of at most 500 characters, kept apart from the private note', async () => {
    const receipt = await register();
    const missing = await setStatus(receipt, { status: 'can-bo-sung', note: 'gọi điện chưa được' });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ errors: [{ field: 'publicNote' }] });
    const long = await setStatus(receipt, { status: 'can-bo-sung', publicNote: 'x'.repeat(501) });
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({
      errors: [{ field: 'publicNote', message: expect.stringContaining('500') }],
    });
    expect((await setStatus(receipt, { status: 'can-bo-sung', publicNote: 42 })).status).toBe(422);
    expect(app().app.deps.registrations.get(receipt)!.status).toBe('cho-ra-soat');

    const ok = await setStatus(receipt, {
      status: 'can-bo-sung',
      note: 'Chủ hộ hẹn tuần sau',
      publicNote: `  ${REASON.normalize('NFD')}  `,
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      status: 'can-bo-sung',
      publicNote: REASON,
      note: 'Chủ hộ hẹn tuần sau',
    });
    expect(await lookup(receipt)).toEqual({
      receipt,
      round: '2024-dot-1',
      status: 'can-bo-sung',
      publicNote: REASON,
    });
    expect(app().app.deps.registrations.history(receipt).at(-1)).toMatchObject({
      status: 'can-bo-sung',
      publicNote: REASON,
    });
  });

  it('another status drops the public reason; the lookup never shows the private note', async () => {
    const receipt = await register();
    expect(
      (await setStatus(receipt, { status: 'can-bo-sung', publicNote: REASON, note: 'riêng tư' }))
        .status,
    ).toBe(200);
    expect(JSON.stringify(await lookup(receipt))).not.toContain('riêng tư');
    expect(
      (await setStatus(receipt, { status: 'chua-chon', publicNote: 'bỏ qua', note: 'riêng tư' }))
        .status,
    ).toBe(200);
    expect(await lookup(receipt)).toEqual({ receipt, round: '2024-dot-1', status: 'chua-chon' });
    expect(app().app.deps.registrations.get(receipt)!.publicNote).toBe('');
  });

  it('a registration staff marked rac is answered as cho-ra-soat', async () => {
    const receipt = await register();
    expect((await setStatus(receipt, { status: 'rac' })).status).toBe(200);
    expect(await lookup(receipt)).toEqual({ receipt, round: '2024-dot-1', status: 'cho-ra-soat' });
  });
});

describe('can-bo-sung in the review UI, the export and the registry', () => {
  it('staff set it on the detail page; the export holds the reason last; the registry counts it, unpublished', async () => {
    const receipt = await register();
    const chosen = await register({ productName: 'Mật ong rừng' });
    expect((await setStatus(chosen, { status: 'da-chon' })).status).toBe(200);

    const token = app().app.deps.sessions.create('quangson');
    const cookie = { Cookie: `${SESSION_COOKIE}=${token}` };
    const detail = await (
      await app().request(`/quan-ly/ho-so/${receipt}`, { headers: cookie })
    ).text();
    expect(detail).toContain('name="publicNote"');
    expect(detail).toContain('<option value="can-bo-sung"');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(detail)![1]!;
    const post = (fields: Record<string, string>) =>
      app().request(`/quan-ly/ho-so/${receipt}`, {
        method: 'POST',
        headers: { ...cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
      });
    const refused = await post({ status: 'can-bo-sung', note: 'nội bộ', publicNote: '' });
    expect(refused.status).toBe(422);
    const again = await refused.text();
    expect(again).toContain('cần ghi lý do');
    expect(again).toMatch(/<option value="can-bo-sung" selected>/);
    expect(again).toContain('nội bộ</textarea>');
    expect((await post({ status: 'can-bo-sung', note: 'nội bộ', publicNote: REASON })).status).toBe(
      303,
    );
    const shown = await (
      await app().request(`/quan-ly/ho-so/${receipt}`, { headers: cookie })
    ).text();
    expect(shown).toContain(REASON);
    expect(shown).toContain('Cần bổ sung');

    const res = await app().request('/api/registrations.csv', {
      headers: basic('huyen', EDITOR_PASSWORD),
    });
    const csv = new TextDecoder().decode(await res.arrayBuffer());
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    const header = rows[0]!;
    expect(header.slice(-4)).toEqual([
      'Thời điểm đồng ý',
      'Phiên bản nội dung đồng ý',
      'Kỳ đăng ký',
      EXPORT_COLUMNS.at(-1)!.header,
    ]);
    expect(EXPORT_COLUMNS.at(-1)!.key).toBe('publicNote');
    const row = rows.find((r) => r[0] === receipt)!;
    expect(row.at(-1)).toBe(REASON);
    expect(row[header.indexOf('Trạng thái')]).toBe('can-bo-sung');
    expect(row[header.indexOf('Ghi chú rà soát')]).toBe('nội bộ');

    tmp = mkdtempSync(join(tmpdir(), 'ocop-needs-more-'));
    const file = join(tmp, 'xuat.csv');
    writeFileSync(file, csv);
    const read = runRegistry({ paths: [file] });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.run.files[0]).toMatchObject({ ignoredColumns: [], missingColumns: [] });
    expect(read.run.report).toMatchObject({ read: 2, published: 1, notPublic: 1, rejected: 0 });
    expect(JSON.stringify(read.run.list)).not.toContain(receipt);
    expect(JSON.stringify(read.run.list)).toContain(chosen);

    // An export made before the column existed is read without a missing-column note.
    const older = csv
      .split('\r\n')
      .map((line) => line.replace(/,[^,]*$/, ''))
      .join('\r\n');
    writeFileSync(file, older);
    const old = runRegistry({ paths: [file] });
    if (!old.ok) throw new Error(old.errors.join('\n'));
    expect(old.run.files[0]!.missingColumns).toEqual([]);
    expect(old.run.report).toMatchObject({ read: 2, published: 1, notPublic: 1, rejected: 0 });
  });

  it('the registry reads the status by its label too', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ocop-needs-more-'));
    const receipt = await register();
    const res = await app().request('/api/registrations.csv', {
      headers: basic('huyen', EDITOR_PASSWORD),
    });
    const csv = new TextDecoder()
      .decode(await res.arrayBuffer())
      .replace(',cho-ra-soat,', ',Cần bổ sung,');
    const file = join(tmp, 'nhan.csv');
    writeFileSync(file, csv);
    const read = runRegistry({ paths: [file] });
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read.run.report).toMatchObject({ read: 1, notPublic: 1, rejected: 0 });
    expect(receipt).toMatch(/^.{4}-.{4}$/);
  });
});
