// Staff e-mail digests against a real SMTP server on loopback: scope per account, plain text and
// HTML in Vietnamese, nothing personal, nothing when nothing is new, never twice, SMTP down then up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestSender } from '../../src/service/digest/digest.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { freePort } from '../support/process.ts';
import { postJson, useAppWithTwoEditors, validBody } from './helpers.ts';

const app = useAppWithTwoEditors();
let smtp: TestSmtp;
beforeEach(async () => {
  smtp = await startSmtp();
});
afterEach(() => smtp.close());

const sender = (url = smtp.url) =>
  new DigestSender(app().app.deps.db, () => app().app.deps.content, {
    smtpUrl: url,
    mailFrom: 'OCOP <ocop@example.vn>',
    siteUrl: 'https://ocop.example.vn/',
    everyMinutes: 60,
  });

async function register(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await postJson(
    app(),
    validBody({
      representative: 'Trần Văn Bình',
      phone: '0987654321',
      address: 'Bon Ndor',
      producerName: 'Hộ ông Bình',
      ...extra,
    }),
  );
  return ((await res.json()) as { receipt: string }).receipt;
}

describe('staff digests', () => {
  it('one message per account, each with only the registrations in its scope since the address was set; text and HTML; nothing personal', async () => {
    const before = await register({ commune: 'quang-son' });
    const accounts = app().app.deps.accounts;
    accounts.setEmail('huyen', 'huyen@example.vn');
    accounts.setEmail('quangson', 'quangson@example.vn');
    const son1 = await register({ commune: 'quang-son', productName: 'Cà phê bột' });
    const ha = await register({ commune: 'dak-ha', productName: 'Mật ong rừng' });
    const son2 = await register({ commune: 'quang-son', productName: 'Tiêu đen' });
    const spam = await register({ commune: 'quang-son', website: 'http://spam' });

    const outcomes = await sender().sendDue(new Date(), { respectInterval: true });
    expect(outcomes).toEqual([
      { account: 'huyen', result: 'sent', count: 3 },
      { account: 'quangson', result: 'sent', count: 2 },
    ]);
    expect(smtp.mails).toHaveLength(2);
    const byTo = Object.fromEntries(smtp.mails.map((m) => [m.to[0], m]));
    const district = byTo['huyen@example.vn']!;
    const commune = byTo['quangson@example.vn']!;
    expect(district.subject).toBe('[OCOP] 3 đăng ký mới');
    expect(commune.subject).toBe('[OCOP] 2 đăng ký mới (Quảng Sơn)');
    for (const r of [son1, ha, son2]) {
      expect(district.text).toContain(r);
      expect(district.html).toContain(`https://ocop.example.vn/quan-ly/ho-so/${r}`);
    }
    expect(commune.text).toContain(son1);
    expect(commune.text).toContain(son2);
    expect(commune.text).not.toContain(ha);
    expect(commune.text).toContain('Cà phê bột');
    expect(commune.text).toMatch(/\d\d\/\d\d\/2024 \d\d:\d\d · Quảng Sơn/);
    expect(commune.html).toContain('<td>Tiêu đen</td>');
    for (const mail of [district, commune]) {
      expect(mail.text).toContain('Chào ');
      expect(mail.text).not.toContain(before);
      expect(mail.text).not.toContain(spam);
      for (const personal of ['Trần Văn Bình', '0987654321', 'Bon Ndor', 'Hộ ông Bình']) {
        expect(mail.text).not.toContain(personal);
        expect(mail.html).not.toContain(personal);
      }
    }
  });

  it('sends nothing when nothing is new, and never the same registration twice', async () => {
    app().app.deps.accounts.setEmail('quangson', 'quangson@example.vn');
    expect(await sender().sendDue(new Date(), { respectInterval: false })).toEqual([]);
    const first = await register();
    await sender().sendDue(new Date(), { respectInterval: false });
    expect(await sender().sendDue(new Date(), { respectInterval: false })).toEqual([]);
    const second = await register();
    await sender().sendDue(new Date(), { respectInterval: false });
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails[0]!.text).toContain(first);
    expect(smtp.mails[1]!.text).toContain(second);
    expect(smtp.mails[1]!.text).not.toContain(first);
    const log = app()
      .app.deps.db.prepare('SELECT account, count FROM digest_log ORDER BY id')
      .all();
    expect(log).toEqual([
      { account: 'quangson', count: 1 },
      { account: 'quangson', count: 1 },
    ]);
  });

  it("respects DIGEST_EVERY between one account's digests", async () => {
    app().app.deps.accounts.setEmail('huyen', 'huyen@example.vn');
    await register();
    await sender().sendDue(new Date(), { respectInterval: true });
    await register();
    expect(
      await sender().sendDue(new Date(Date.now() + 30 * 60_000), { respectInterval: true }),
    ).toEqual([]);
    expect(
      await sender().sendDue(new Date(Date.now() + 61 * 60_000), { respectInterval: true }),
    ).toEqual([{ account: 'huyen', result: 'sent', count: 1 }]);
  });

  it('SMTP unreachable: nothing marked; once it answers, everything comes in one message', async () => {
    app().app.deps.accounts.setEmail('huyen', 'huyen@example.vn');
    const a = await register();
    const down = `smtp://127.0.0.1:${await freePort()}`;
    const failed = await sender(down).sendDue(new Date(), { respectInterval: true });
    expect(failed).toEqual([
      { account: 'huyen', result: 'failed', count: 1, error: expect.any(String) },
    ]);
    const b = await register();
    expect(await sender().sendDue(new Date(), { respectInterval: true })).toEqual([
      { account: 'huyen', result: 'sent', count: 2 },
    ]);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.text).toContain(a);
    expect(smtp.mails[0]!.text).toContain(b);
  });

  it('an account without an address, or whose address was removed, gets nothing', async () => {
    app().app.deps.accounts.setEmail('huyen', 'huyen@example.vn');
    app().app.deps.accounts.setEmail('huyen', null);
    await register();
    expect(await sender().sendDue(new Date(), { respectInterval: false })).toEqual([]);
    expect(smtp.mails).toEqual([]);
  });
});
