// People's rights through the editors' API: proof of consent in the export, withdrawal of publish consent,
// erasure (nothing personal left in the database row or the export, the lookup still answering), commune
// scope, and the access log that records each action and is refused to commune accounts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { consentVersion } from '../../src/domain/consent.ts';
import { EXPORT_COLUMNS } from '../../src/export/format.ts';
import { consentText } from '../../src/domain/authority.ts';
import { readSiteContent } from '../../src/domain/content-files-node.ts';
import { DB_FILE } from '../../src/service/storage/db.ts';
import { runScript } from '../support/process.ts';
import { basic, EDITOR_PASSWORD, postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const app = useAppWithTwoEditors();
const PERSONAL = {
  representative: 'Y Brông Niê',
  phone: '0987 654 321',
  email: 'ybrong.nie@example.vn',
  address: 'Bon Ja Ráh, nhà số 7',
  businessId: '6400999888',
  description: 'Gia đình tôi trồng từ năm 2001',
  supportNeeds: ['Vốn vay riêng'],
};

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postJson(app(), validBody({ ...PERSONAL, ...extra }));
  expect(res.status).toBe(201);
  return ((await res.json()) as { receipt: string }).receipt;
}

const post = (path: string, body: unknown, who = 'huyen') =>
  app().request(path, {
    method: 'POST',
    headers: { ...basic(who, EDITOR_PASSWORD), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

async function exportText(): Promise<string> {
  const res = await app().request('/api/registrations.csv', {
    headers: basic('huyen', EDITOR_PASSWORD),
  });
  expect(res.status).toBe(200);
  return (await res.text()).replace(/^\uFEFF/, '');
}

const rowOf = (text: string, receipt: string) =>
  Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.find(
    (r) => r['Mã hồ sơ'] === receipt,
  )!;

const header = (key: string) => EXPORT_COLUMNS.find((c) => c.key === key)!.header;

describe('proof of consent', () => {
  it('stores when consent was given and the id of the wording shown (content/authority/), in the consent columns at the end', async () => {
    const receipt = await register();
    const text = await exportText();
    // At the end: the consent columns, the campaign, then the public reason of "Cần bổ sung".
    expect(
      text
        .split('\r\n')[0]!
        .endsWith(
          'Thời điểm đồng ý,Phiên bản nội dung đồng ý,Kỳ đăng ký,Lý do cần bổ sung (báo người đăng ký)',
        ),
    ).toBe(true);
    const row = rowOf(text, receipt);
    expect(row[header('consentAt')]).toBe('2024-03-20T10:00:00+07:00');
    const { authority } = readSiteContent();
    const wording = [
      consentText(authority, authority.consent.processing),
      consentText(authority, authority.consent.publishName),
    ];
    const shown = consentVersion(wording);
    expect(row[header('consentVersion')]).toBe(shown);
    // The wording behind the id stays readable in the database.
    const db = new DatabaseSync(join(app().config.dataDir, DB_FILE), { readOnly: true });
    try {
      const kept = db.prepare('SELECT wording FROM consent_versions WHERE id = ?').get(shown) as {
        wording: string;
      };
      expect(kept.wording).toContain(wording[0]);
    } finally {
      db.close();
    }
  });
});

describe('withdrawal and erasure', () => {
  it('withdraws consent to publish the name, with a reason; refuses a missing reason', async () => {
    const receipt = await register({ consentPublishName: 'on' });
    expect(
      (await post(`/api/registrations/${receipt}/consent`, { consentPublishName: false })).status,
    ).toBe(422);
    const res = await post(`/api/registrations/${receipt}/consent`, {
      consentPublishName: false,
      reason: 'Chủ thể gọi điện yêu cầu ngày 05/12/2026',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ receipt, consentPublishName: false });
    expect(rowOf(await exportText(), receipt)[header('consentPublishName')]).toBe('không');
  });

  it('a withdrawal or an erasure wins over an older export of the same receipt in the next public list', async () => {
    const named = await register({
      producerType: 'hop-tac-xa',
      producerName: 'HTX Rút Lại',
      consentPublishName: 'on',
    });
    const erased = await register({
      producerType: 'ca-nhan',
      producerName: 'Hộ bà Xóa Tên',
      consentPublishName: 'on',
    });
    for (const receipt of [named, erased])
      expect(
        (await post(`/api/registrations/${receipt}/status`, { status: 'da-chon' })).status,
      ).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'ocop-rights-'));
    try {
      writeFileSync(join(dir, 'truoc.csv'), await exportText());
      app().clock.now = new Date('2024-04-02T09:00:00+07:00');
      expect(
        (
          await post(`/api/registrations/${named}/consent`, {
            consentPublishName: false,
            reason: 'Yêu cầu của chủ thể',
          })
        ).status,
      ).toBe(200);
      expect(
        (await post(`/api/registrations/${erased}/erase`, { reason: 'Yêu cầu của chủ thể' }))
          .status,
      ).toBe(200);
      writeFileSync(join(dir, 'sau.csv'), await exportText());
      const run = runScript('scripts/registry.ts', [
        join(dir, 'truoc.csv'),
        join(dir, 'sau.csv'),
        '--out',
        join(dir, 'out'),
      ]);
      expect(run.stderr).toBe('');
      const list = readFileSync(join(dir, 'out', 'danh-sach-ocop.json'), 'utf8');
      const products = (
        JSON.parse(list) as {
          communes: { products: { receipt: string; producerName: string | null }[] }[];
        }
      ).communes.flatMap((c) => c.products);
      expect(products.find((p) => p.receipt === named)?.producerName).toBeNull();
      expect(products.find((p) => p.receipt === erased)?.producerName).toBeNull();
      expect(list).not.toContain('HTX Rút Lại');
      expect(list).not.toContain('Xóa Tên');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('erases every personal field (the name too for a household), keeps the row and the lookup', async () => {
    const receipt = await register({
      producerType: 'ca-nhan',
      producerName: 'Hộ ông Y Brông Niê',
      consentPublishName: 'on',
    });
    const other = await register();
    expect(
      (
        await post(`/api/registrations/${receipt}/status`, {
          status: 'da-chon',
          note: 'Gặp ông Y Brông tại nhà',
        })
      ).status,
    ).toBe(200);
    const res = await post(`/api/registrations/${receipt}/erase`, {
      reason: 'Yêu cầu xóa dữ liệu ngày 05/12/2026',
    });
    expect(res.status).toBe(200);

    const text = await exportText();
    const row = rowOf(text, receipt);
    expect(row[header('productName')]).toBe(validBody()['productName']);
    expect(row[header('status')]).toBe('da-chon');
    expect(row[header('consentPublishName')]).toBe('không');
    // No personal value left for the erased one; the other registration keeps its own.
    const otherRow = rowOf(text, other);
    expect(otherRow[header('representative')]).toBe('Y Brông Niê');
    const db = new DatabaseSync(join(app().config.dataDir, DB_FILE), { readOnly: true });
    try {
      const stored = JSON.stringify([
        db.prepare('SELECT * FROM registrations WHERE receipt = ?').get(receipt),
        db.prepare('SELECT note FROM status_changes').all(),
      ]);
      const exported = JSON.stringify(row);
      for (const value of [
        'Y Brông',
        '0987654321',
        'ybrong.nie@example.vn',
        'Bon Ja Ráh',
        '6400999888',
        'trồng từ năm 2001',
        'Vốn vay riêng',
        'Gặp ông',
      ]) {
        expect(stored).not.toContain(value);
        expect(exported).not.toContain(value);
      }
    } finally {
      db.close();
    }
    const lookup = await app().request(`/api/registrations/${receipt}`);
    expect(lookup.status).toBe(200);
    expect(((await lookup.json()) as { status: string }).status).toBe('da-chon');
  });

  it('corrects one personal field, checked like the form; refuses a non-personal field or a bad value', async () => {
    const receipt = await register();
    const ok = await post(`/api/registrations/${receipt}/correct`, {
      field: 'phone',
      value: '+84 912 000 111',
      reason: 'Chủ thể báo đổi số',
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ receipt, phone: '0912000111' });
    expect(rowOf(await exportText(), receipt)[header('phone')]).toBe('0912000111');
    expect(
      (
        await post(`/api/registrations/${receipt}/correct`, {
          field: 'phone',
          value: '123',
          reason: 'x',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await post(`/api/registrations/${receipt}/correct`, {
          field: 'status',
          value: 'da-chon',
          reason: 'x',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await post(`/api/registrations/${receipt}/correct`, {
          field: 'representative',
          value: 'Y Brông Niê',
          reason: '',
        })
      ).status,
    ).toBe(422);
  });

  it("keeps an organisation's name on erasure", async () => {
    const receipt = await register({
      producerType: 'hop-tac-xa',
      producerName: 'Hợp tác xã Cà phê Quảng Sơn',
    });
    expect(
      (await post(`/api/registrations/${receipt}/erase`, { reason: 'Hết thời hạn lưu trữ' }))
        .status,
    ).toBe(200);
    const row = rowOf(await exportText(), receipt);
    expect(row[header('producerName')]).toBe('Hợp tác xã Cà phê Quảng Sơn');
    expect(row[header('phone')]).toBe('');
  });

  it('a commune account gets 403 for another commune, as for an unknown receipt, and changes nothing', async () => {
    const receipt = await register({ commune: 'dak-som' });
    for (const action of ['consent', 'erase']) {
      const res = await post(
        `/api/registrations/${receipt}/${action}`,
        { consentPublishName: false, reason: 'thử' },
        'quangson',
      );
      expect(res.status).toBe(403);
      const unknown = await post(
        `/api/registrations/ZZZZ-ZZZZ/${action}`,
        { consentPublishName: false, reason: 'thử' },
        'quangson',
      );
      expect(unknown.status).toBe(403);
      expect(await unknown.json()).toEqual(await res.json());
    }
    expect(rowOf(await exportText(), receipt)[header('representative')]).toBe('Y Brông Niê');
    expect(
      (
        await app().request(`/api/registrations/${receipt}/erase`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"reason":"x"}',
        })
      ).status,
    ).toBe(401);
  });
});

describe('GET /api/audit', () => {
  it('holds every export, status change, consent change and erasure, with account and receipt; district only', async () => {
    const receipt = await register();
    await exportText();
    await post(`/api/registrations/${receipt}/status`, { status: 'chua-chon' });
    await post(`/api/registrations/${receipt}/consent`, {
      consentPublishName: false,
      reason: 'Yêu cầu của chủ thể',
    });
    await post(`/api/registrations/${receipt}/erase`, { reason: 'Yêu cầu của chủ thể' });
    const res = await app().request('/api/audit?limit=10', {
      headers: basic('huyen', EDITOR_PASSWORD),
    });
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as {
      entries: { account: string; action: string; receipt: string | null; at: string }[];
    };
    expect(entries.map((e) => e.action)).toEqual(['erase', 'consent', 'status', 'export']);
    expect(entries.every((e) => e.account === 'huyen' && /\+07:00$/.test(e.at))).toBe(true);
    expect(entries.slice(0, 3).every((e) => e.receipt === receipt)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Y Brông');
    expect(
      (await app().request('/api/audit', { headers: basic('quangson', EDITOR_PASSWORD) })).status,
    ).toBe(403);
    expect((await app().request('/api/audit')).status).toBe(401);
  });

  it('cannot be changed or emptied, even by SQL', async () => {
    await exportText();
    const db = new DatabaseSync(join(app().config.dataDir, DB_FILE));
    try {
      expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
      expect(() => db.exec("UPDATE audit_log SET account = 'x'")).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});
