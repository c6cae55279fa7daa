// Live publishing with the real service process, real files and real builds: content changes go
// live by themselves, a broken change leaves the site as it was and tells editors why, bursts
// coalesce, the webhook pulls only for its host — and a client polling meanwhile sees only 200s.
import { createHmac } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsvText } from '../../src/export/csv.ts';
import { newReceipt } from '../../src/domain/receipt-node.ts';
import { requireDist } from '../support/dist.ts';
import { startServer } from '../support/server.ts';
import {
  EDITOR,
  git,
  HOOK_SECRET,
  signIn,
  sleep,
  startPoller,
  startPublishingService,
  waitFor,
  type PublishingService,
} from './support.ts';

let svc: PublishingService;
let poller: ReturnType<typeof startPoller>;
const ROUND = 'rounds/2024-dot-2.json';
const basic = `Basic ${Buffer.from(`${EDITOR.name}:${EDITOR.password}`).toString('base64')}`;

const page = async (path: string) => (await fetch(svc.url + path)).text();
const buildStatus = async () =>
  (await fetch(`${svc.url}/api/build`, { headers: { Authorization: basic } })).json() as Promise<{
    state: string;
    lastSuccess: string | null;
    lastFailure: { at: string; message: string } | null;
  }>;
/** Round 2 as first read, with the given changes (as a CMS save writes it). */
let original: Record<string, unknown>;
const round = (changes: Record<string, unknown>) => {
  original ??= JSON.parse(readFileSync(join(svc.content, ROUND), 'utf8'));
  writeFileSync(
    join(svc.content, ROUND),
    JSON.stringify({ ...original, ...changes }, null, 2) + '\n',
  );
};

beforeAll(async () => {
  requireDist();
  svc = await startPublishingService();
  poller = startPoller(svc.url);
}, 120_000);

afterAll(async () => {
  await poller?.stop();
  await svc?.stop();
});

describe('live publishing', () => {
  it(
    'publishes a changed deadline and an uploaded CSV, and the service uses the new content itself',
    { timeout: 300_000 },
    async () => {
      expect(await page('/')).not.toContain('trước ngày 30/6/2024');
      round({
        label: 'Đợt 2 (gia hạn)',
        deadline: '2024-06-30T00:00:00+07:00',
        deadlineText: 'trước ngày 30/6/2024',
      });
      const csv = exportCsvText([
        {
          receipt: newReceipt(),
          submittedAt: '2024-04-02T09:00:00+07:00',
          reviewedAt: '2024-05-02T09:00:00+07:00',
          round: '2024-dot-2',
          status: 'da-chon',
          reviewNote: '',
          producerName: 'HTX Thử Nghiệm Đăng Tự Động',
          producerType: 'hop-tac-xa',
          representative: 'Nguyễn Văn A',
          phone: '0912345678',
          email: '',
          commune: 'quang-son',
          address: 'Thôn 1',
          businessId: '',
          productName: 'Mật ong rừng đăng tự động',
          productGroup: 'thuc-pham',
          productStage: 'da-co',
          description: '',
          supportNeeds: [],
          consentProcessing: true,
          consentPublishName: true,
        } as never,
      ]);
      writeFileSync(join(svc.content, 'registrations/tai-len-moi.csv'), csv);
      await waitFor('the new deadline on the home page', async () =>
        (await page('/')).includes('trước ngày 30/6/2024'),
      );
      await waitFor('the chosen product on /danh-sach/', async () =>
        (await page('/danh-sach/')).includes('Mật ong rừng đăng tự động'),
      );
      const status = await buildStatus();
      expect(status.lastSuccess).not.toBeNull();
      // The review UI's round filter comes from the content the service reloaded.
      const list = await (
        await fetch(`${svc.url}/quan-ly/`, { headers: { Cookie: await signIn(svc.url) } })
      ).text();
      expect(list).toContain('Đợt 2 (gia hạn)');
      expect(list).toContain('id="tinh-trang-dang"');
    },
  );

  it(
    'keeps the live site when a round file is broken, tells editors where, and publishes the fix',
    { timeout: 480_000 },
    async () => {
      const before = await page('/');
      const firstBuilds = svc.builds();
      // An upload that is not a CSV at all (a spreadsheet's binary file, renamed).
      const upload = join(svc.content, 'registrations/bang-tinh.csv');
      writeFileSync(
        upload,
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1, 2, 3]),
      );
      await waitFor('the upload failure', async () =>
        ((await buildStatus()).lastFailure?.message ?? '').includes(
          'content/registrations/bang-tinh.csv',
        ),
      );
      expect(await page('/')).toBe(before);

      round({ deadline: '30/6/2024' });
      await waitFor('the failure', async () =>
        ((await buildStatus()).lastFailure?.message ?? '').includes('rounds/'),
      );
      const { lastFailure, state } = await buildStatus();
      expect(state).toBe('idle');
      expect(lastFailure!.message).toContain('content/rounds/2024-dot-2.json');
      expect(lastFailure!.message).toMatch(/dòng \d+/);
      expect(lastFailure!.message).toContain('deadline');
      expect(await page('/')).toBe(before);
      const list = await (
        await fetch(`${svc.url}/quan-ly/`, { headers: { Cookie: await signIn(svc.url) } })
      ).text();
      expect(list).toContain('Thay đổi mới nhất chưa được đăng');
      expect(list).toContain('content/rounds/2024-dot-2.json');
      expect(svc.log()).toMatch(/publish: build \d+ failed: Tệp content\/rounds\/2024-dot-2\.json/);

      // JSON that does not parse: the line is named too.
      writeFileSync(join(svc.content, ROUND), '{\n  "label": "Đợt 2",\n  "order": 2,,\n}\n');
      await waitFor('the syntax failure', async () =>
        /dòng 3/.test((await buildStatus()).lastFailure?.message ?? ''),
      );
      expect(await page('/')).toBe(before);

      // A burst of 20 saves: ten, then ten more while the build they started is running → exactly one more build.
      const startBuilds = svc.builds();
      rmSync(upload);
      for (let i = 1; i <= 10; i++) {
        round({ deadline: '2024-07-01T00:00:00+07:00', deadlineText: `trước ngày ${i}/7/2024` });
        await sleep(30);
      }
      await waitFor(
        'a build to start',
        async () => (await buildStatus()).state === 'building',
        30_000,
      );
      for (let i = 11; i <= 20; i++) {
        round({ deadline: '2024-07-01T00:00:00+07:00', deadlineText: `trước ngày ${i}/7/2024` });
        await sleep(30);
      }
      await waitFor('the last save on the home page', async () =>
        (await page('/')).includes('trước ngày 20/7/2024'),
      );
      await waitFor('the builds to finish', async () => (await buildStatus()).state === 'idle');
      await sleep(2500); // a third build would have started by now (debounce 1.5 s)
      expect(svc.builds() - startBuilds).toBe(2);
      expect(firstBuilds).toBeGreaterThan(0);
      const after = await buildStatus();
      expect(after.lastSuccess! > after.lastFailure!.at).toBe(true);
      expect(
        await (
          await fetch(`${svc.url}/quan-ly/`, { headers: { Cookie: await signIn(svc.url) } })
        ).text(),
      ).not.toContain('chưa được đăng');
    },
  );

  it('answers GET /api/build only to editors', async () => {
    expect((await fetch(`${svc.url}/api/build`)).status).toBe(401);
    expect(
      (
        await fetch(`${svc.url}/api/build`, {
          headers: { Authorization: `Basic ${Buffer.from('bientap:sai').toString('base64')}` },
        })
      ).status,
    ).toBe(401);
    const body = await buildStatus();
    expect(Object.keys(body).sort()).toEqual(['lastFailure', 'lastSuccess', 'state']);
  });
});

describe('POST /api/hooks/content', () => {
  const hook = (body: string, headers: Record<string, string>) =>
    fetch(`${svc.url}/api/hooks/content`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  const sign = (body: string, secret = HOOK_SECRET) =>
    `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

  it(
    'pulls nothing without the host signature, pulls and publishes with it, and a replay only rebuilds once more',
    { timeout: 300_000 },
    async () => {
      // The Git host gets a commit that changes round 1's wording.
      const file = join(svc.upstream, 'rounds/2024-dot-1.json');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('trước ngày 25/3/2024', 'trước ngày 28/3/2024'),
      );
      git(svc.upstream, 'commit', '-qam', 'round 1');
      git(svc.upstream, 'push', '-q', 'origin', 'main');
      const head = git(svc.content, 'rev-parse', 'HEAD');
      const body = JSON.stringify({
        ref: 'refs/heads/main',
        after: git(svc.upstream, 'rev-parse', 'HEAD'),
      });

      expect((await hook(body, {})).status).toBe(401);
      expect(
        (await hook(body, { 'X-Hub-Signature-256': sign(body, 'another secret') })).status,
      ).toBe(401);
      expect((await hook(body, { 'X-Hub-Signature-256': sign(body + ' ') })).status).toBe(401);
      expect((await hook(body, { 'X-Gitlab-Token': 'wrong' })).status).toBe(401);
      await sleep(1500);
      expect(git(svc.content, 'rev-parse', 'HEAD')).toBe(head);
      expect((await buildStatus()).state).toBe('idle');

      const builds = svc.builds();
      const good = await hook(body, {
        'X-Hub-Signature-256': sign(body),
        'X-GitHub-Event': 'push',
      });
      expect(good.status).toBe(202);
      // The same call again (a replay, or the host's redelivery): accepted, and coalesced with the first.
      expect(
        (await hook(body, { 'X-Hub-Signature-256': sign(body), 'X-GitHub-Event': 'push' })).status,
      ).toBe(202);
      expect((await hook(body, { 'X-Gitlab-Token': HOOK_SECRET })).status).toBe(202);
      await waitFor('the pulled change on the home page', async () =>
        (await page('/')).includes('trước ngày 28/3/2024'),
      );
      expect(git(svc.content, 'rev-parse', 'HEAD')).toBe(git(svc.upstream, 'rev-parse', 'HEAD'));
      await waitFor('the builds to finish', async () => (await buildStatus()).state === 'idle');
      await sleep(2500);
      expect(svc.builds() - builds).toBeLessThanOrEqual(2);
    },
  );

  it('does not exist without CONTENT_HOOK_SECRET', async () => {
    const saved = process.env.CONTENT_HOOK_SECRET;
    delete process.env.CONTENT_HOOK_SECRET;
    const plain = await startServer();
    try {
      const res = await fetch(`${plain.url}/api/hooks/content`, {
        method: 'POST',
        body: '{}',
        headers: { 'X-Gitlab-Token': 'x' },
      });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
      if (saved !== undefined) process.env.CONTENT_HOOK_SECRET = saved;
    }
  });
});

describe('while all of that happened', () => {
  it('a client polling / and /healthz every 50 ms got only 200s', async () => {
    await poller.stop();
    expect(poller.requests()).toBeGreaterThan(100);
    expect(poller.failures.slice(0, 5), svc.log()).toEqual([]);
  });
});
