// The CMS backend in the service (POST /api/cms/v1) through real HTTP, over a temporary git repository:
// who may use it, where it may write, what it refuses, and the commit each save leaves.
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../support/server.ts';
import { commitAsDev, contentRepo, git } from './support/content-repo.ts';

let repo: string;
let outside: string;
let server: RunningServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  repo = contentRepo();
  outside = mkdtempSync(join(tmpdir(), 'ocop-cms-outside-'));
  server = await startServer({ projectDir: repo, contentDir: join(repo, 'content') });
  const { accounts, sessions } = server.app.deps;
  await accounts.add('lan', 'mat khau dai cua lan', null);
  await accounts.add('minh', 'mat khau dai cua minh', null);
  await accounts.add('xa-quang-son', 'mat khau dai cua xa', 'quang-son');
  for (const name of ['lan', 'minh', 'xa-quang-son'])
    cookies[name] = `ocop_phien=${sessions.create(name)}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function cms(
  body: unknown,
  opts: { as?: string; origin?: string | null; type?: string; basic?: string } = {},
) {
  const headers: Record<string, string> = { 'Content-Type': opts.type ?? 'application/json' };
  if (opts.as) headers.Cookie = cookies[opts.as]!;
  if (opts.basic) headers.Authorization = `Basic ${Buffer.from(opts.basic).toString('base64')}`;
  if (opts.origin !== null) headers.Origin = opts.origin ?? server.url;
  return fetch(`${server.url}/api/cms/v1`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const ROUND = 'content/rounds/2024-dot-2.json';
const read = (path: string) => readFileSync(join(repo, path), 'utf8');
const round = () => JSON.parse(read(ROUND)) as Record<string, unknown>;
const persist = (path: string, raw: string, extra: Record<string, unknown> = {}) => ({
  action: 'persistEntry',
  params: {
    branch: 'main',
    dataFiles: [{ slug: 'x', path, raw, ...extra }],
    assets: [],
    options: { commitMessage: 'Update Rounds “x”', useWorkflow: false, status: '' },
  },
});
const headCount = () => Number(git(repo, 'rev-list', '--count', 'HEAD').trim());

describe('who may use it', () => {
  test('no session → 401, a commune account → 403, another origin → 403, a district editor → 200', async () => {
    expect((await cms({ action: 'info' }, {})).status).toBe(401);
    const commune = await cms({ action: 'info' }, { as: 'xa-quang-son' });
    expect(commune.status).toBe(403);
    expect((await commune.json()).error).toMatch(/toàn đơn vị/);
    expect(
      (await cms({ action: 'info' }, { as: 'lan', origin: 'https://ke-gian.example' })).status,
    ).toBe(403);
    // A session without any Origin (not a browser's fetch) is refused as well.
    expect((await cms({ action: 'info' }, { as: 'lan', origin: null })).status).toBe(403);
    const ok = await cms({ action: 'info' }, { as: 'lan' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ publish_modes: ['simple'] });
    // Scripts use Basic and send no Origin.
    expect(
      (await cms({ action: 'info' }, { basic: 'minh:mat khau dai cua minh', origin: null })).status,
    ).toBe(200);
    expect((await cms({ action: 'info' }, { basic: 'minh:sai', origin: null })).status).toBe(401);
  });

  test('JSON only, and the body is bounded (413 above 8 MiB)', async () => {
    expect(
      (await cms('action=info', { as: 'lan', type: 'application/x-www-form-urlencoded' })).status,
    ).toBe(415);
    const huge = JSON.stringify({
      action: 'persistMedia',
      params: {
        asset: {
          path: 'content/registrations/a.csv',
          content: 'A'.repeat(9 * 1024 * 1024),
          encoding: 'base64',
        },
      },
    });
    expect((await cms(huge, { as: 'lan' })).status).toBe(413);
    expect(existsSync(join(repo, 'content/registrations/a.csv'))).toBe(false);
  });
});

describe('reading', () => {
  test('entriesByFolder lists a collection as decap-server does', async () => {
    const res = await cms(
      {
        action: 'entriesByFolder',
        params: { branch: 'main', folder: 'content/rounds', extension: 'json', depth: 1 },
      },
      { as: 'lan' },
    );
    const entries = (await res.json()) as { data: string; file: { path: string; id: string } }[];
    expect(entries.map((e) => e.file.path)).toEqual([
      'content/rounds/2024-dot-1.json',
      'content/rounds/2024-dot-2.json',
    ]);
    expect(entries[1]!.data).toBe(read(ROUND));
    expect(entries[1]!.file.id).toMatch(/^[0-9a-f]{64}$/);
  });

  test('reads outside content/ are refused', async () => {
    for (const path of [
      'package.json',
      '../etc/passwd',
      '/etc/passwd',
      'content/../package.json',
      'content/rounds/\u0000.json',
    ]) {
      const res = await cms(
        { action: 'getEntry', params: { branch: 'main', path } },
        { as: 'lan' },
      );
      expect(res.status, path).toBe(400);
    }
  });
});

describe('saving', () => {
  test('a valid save is written and committed with the editor as author', async () => {
    const before = headCount();
    const changed = {
      ...round(),
      deadline: '2024-07-15T00:00:00+07:00',
      deadlineText: 'trước ngày 15/7/2024',
    };
    const res = await cms(persist(ROUND, JSON.stringify(changed, null, 2)), { as: 'lan' });
    expect(res.status).toBe(200);
    expect(round().deadline).toBe('2024-07-15T00:00:00+07:00');
    expect(headCount()).toBe(before + 1);
    expect(git(repo, 'log', '-1', '--format=%an|%ae|%s')).toBe(
      'lan|lan@cms.invalid|Nội dung: sửa content/rounds/2024-dot-2.json\n',
    );
    expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(ROUND);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('an invalid round is refused with a Vietnamese message; the file and the history are unchanged', async () => {
    const before = read(ROUND);
    const commits = headCount();
    const res = await cms(
      persist(ROUND, JSON.stringify({ ...round(), deadline: '15/7/2024', deadlineText: '' })),
      { as: 'lan' },
    );
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: string };
    expect(error).toMatch(/^Không lưu được, tệp vẫn như cũ\./);
    expect(error).toContain(
      'Hạn (nhận trước thời điểm này): Thời điểm phải có dạng 2024-03-25T00:00:00+07:00',
    );
    expect(error).toContain('Hạn (như công văn ghi): chưa điền (bắt buộc)');
    expect(read(ROUND)).toBe(before);
    expect(headCount()).toBe(commits);
    // Broken JSON is refused the same way.
    expect((await cms(persist(ROUND, '{"label": '), { as: 'lan' })).status).toBe(422);
    expect(read(ROUND)).toBe(before);
  });

  test('a notice is checked by its front matter', async () => {
    const path = 'content/notices/dang-ky-san-pham-ocop-2024.mdx';
    const text = read(path);
    const broken = text.replace(/^symbol: .*$/m, 'symbol: ""');
    expect(broken).not.toBe(text);
    const res = await cms(persist(path, broken), { as: 'lan' });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toContain('Ký hiệu');
    expect(read(path)).toBe(text);
    const edited = text.replace(/^title: .*$/m, 'title: Tiêu đề mới');
    expect((await cms(persist(path, edited), { as: 'lan' })).status).toBe(200);
    expect(read(path)).toContain('title: Tiêu đề mới');
  });

  test('the home text is refused with a misspelt box, in Vietnamese, before it could stop a build', async () => {
    const path = 'content/authority/trang-chu.mdx';
    const text = read(path);
    const commits = headCount();
    const broken = text.replace('<ContactBox />', '<ContactBx />');
    expect(broken).not.toBe(text);
    const res = await cms(persist(path, broken), { as: 'lan' });
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as { error: string };
    expect(error).toContain(
      'Không lưu được, tệp vẫn như cũ: trang chủ có khung không có: <ContactBx />.',
    );
    expect(error).toContain('Các khung dùng được: RoundDeadlines, RegisterButton, ContactBox');
    expect(read(path)).toBe(text);
    expect(headCount()).toBe(commits);
    const edited = text.replace('<ContactBox />', 'Gọi cho chúng tôi.\n\n<ContactBox />');
    expect((await cms(persist(path, edited), { as: 'lan' })).status).toBe(200);
    expect(read(path)).toContain('Gọi cho chúng tôi.');
  });

  test('paths out of content/ in path, newPath and media are refused and nothing is written', async () => {
    symlinkSync(outside, join(repo, 'content/rounds/lien-ket'));
    symlinkSync(join(outside, 'x.json'), join(repo, 'content/rounds/ra-ngoai.json'));
    const commits = headCount();
    const valid = JSON.stringify(round());
    const attempts = [
      persist('content/../package.json', valid),
      persist('/tmp/x.json', valid),
      persist('content/rounds/ra-ngoai.json', valid),
      persist('content/rounds/lien-ket/x.json', valid),
      persist('content/rounds/a\u0000.json', valid),
      persist('src/x.json', valid),
      persist(ROUND, valid, { newPath: '../x.json' }),
      persist(ROUND, valid, { newPath: 'content/rounds/lien-ket/x.json' }),
      persist(ROUND, valid, { newPath: 'content/communes/x.json' }),
      {
        action: 'persistMedia',
        params: {
          asset: { path: 'content/registrations/../../x.csv', content: 'YQ==', encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      },
      {
        action: 'persistMedia',
        params: {
          asset: { path: 'content/rounds/x.csv', content: 'YQ==', encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      },
      {
        action: 'persistMedia',
        params: {
          asset: { path: 'content/registrations/trang.html', content: 'YQ==', encoding: 'base64' },
          options: { commitMessage: 'x' },
        },
      },
      { action: 'getMediaFile', params: { path: 'content/rounds/2024-dot-1.json' } },
      {
        action: 'deleteFile',
        params: { path: 'content/../package.json', options: { commitMessage: 'x' } },
      },
      { action: 'deleteFiles', params: { paths: [ROUND], options: { commitMessage: 'x' } } },
    ];
    const before = read(ROUND);
    try {
      for (const body of attempts) {
        const res = await cms(body, { as: 'lan' });
        expect([400, 403, 422], JSON.stringify(body).slice(0, 120)).toContain(res.status);
      }
    } finally {
      unlinkSync(join(repo, 'content/rounds/lien-ket'));
      unlinkSync(join(repo, 'content/rounds/ra-ngoai.json'));
    }
    expect(read(ROUND)).toBe(before);
    expect(existsSync(join(outside, 'x.json'))).toBe(false);
    expect(
      existsSync(join(repo, 'x.json')) ||
        existsSync(join(repo, 'x.csv')) ||
        existsSync('/tmp/x.json'),
    ).toBe(false);
    expect(existsSync(join(repo, 'content/registrations/trang.html'))).toBe(false);
    expect(existsSync(join(repo, 'package.json'))).toBe(false);
    expect(headCount()).toBe(commits);
  });

  test('a CSV upload lands in the media folder, committed; the media library lists and deletes it', async () => {
    const csv = 'Mã hồ sơ,Tên\r\nA,B\r\n';
    const res = await cms(
      {
        action: 'persistMedia',
        params: {
          branch: 'main',
          asset: {
            path: 'content/registrations/xa-moi.csv',
            content: Buffer.from(csv).toString('base64'),
            encoding: 'base64',
          },
          options: { commitMessage: 'Upload' },
        },
      },
      { as: 'minh' },
    );
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('xa-moi.csv');
    expect(read('content/registrations/xa-moi.csv')).toBe(csv);
    expect(git(repo, 'log', '-1', '--format=%an %s')).toBe(
      'minh Nội dung: tải lên content/registrations/xa-moi.csv\n',
    );
    const media = (await (
      await cms(
        { action: 'getMedia', params: { branch: 'main', mediaFolder: 'content/registrations' } },
        { as: 'minh' },
      )
    ).json()) as { name: string }[];
    expect(media.map((m) => m.name)).toContain('xa-moi.csv');
    expect(
      (
        await cms(
          {
            action: 'deleteFiles',
            params: {
              branch: 'main',
              paths: ['content/registrations/xa-moi.csv'],
              options: { commitMessage: 'Delete' },
            },
          },
          { as: 'minh' },
        )
      ).status,
    ).toBe(200);
    expect(existsSync(join(repo, 'content/registrations/xa-moi.csv'))).toBe(false);
    expect(git(repo, 'log', '-1', '--format=%an %s')).toBe(
      'minh Nội dung: xoá content/registrations/xa-moi.csv\n',
    );
    // Gone already: 404, no commit.
    expect(
      (
        await cms(
          {
            action: 'deleteFile',
            params: {
              branch: 'main',
              path: 'content/registrations/xa-moi.csv',
              options: { commitMessage: 'Delete' },
            },
          },
          { as: 'minh' },
        )
      ).status,
    ).toBe(404);
  });

  test('when git cannot commit (another git holds the index), the save is undone and reported: no change without history', async () => {
    const before = read(ROUND);
    const commits = headCount();
    const lock = join(repo, '.git/index.lock');
    writeFileSync(lock, '');
    try {
      const res = await cms(
        persist(ROUND, JSON.stringify({ ...round(), deadlineText: 'trước ngày 1/8/2024' })),
        { as: 'lan' },
      );
      expect(res.status).toBe(500);
      expect((await res.json()).error).toMatch(/tệp vẫn như cũ/);
    } finally {
      rmSync(lock, { force: true });
    }
    expect(read(ROUND)).toBe(before);
    expect(headCount()).toBe(commits);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('a file named like a pattern is committed alone, never the files it would match', async () => {
    // A CSV already in the history, then changed by hand and not committed.
    const other = 'content/registrations/da-co.csv';
    const original = 'Mã hồ sơ\r\nA\r\n';
    writeFileSync(join(repo, other), original);
    git(repo, 'add', '--', other);
    commitAsDev(repo, 'csv');
    writeFileSync(join(repo, other), original + 'sửa tay, chưa ghi lịch sử\r\n');
    try {
      const res = await cms(
        {
          action: 'persistMedia',
          params: {
            asset: {
              path: 'content/registrations/*.csv',
              content: Buffer.from('a,b\r\n').toString('base64'),
              encoding: 'base64',
            },
            options: { commitMessage: 'x' },
          },
        },
        { as: 'minh' },
      );
      expect(res.status).toBe(200);
      expect(git(repo, 'show', '--name-only', '--format=', 'HEAD').trim()).toBe(
        'content/registrations/*.csv',
      );
      expect(git(repo, 'status', '--porcelain').trim()).toBe(`M ${other}`);
    } finally {
      writeFileSync(join(repo, other), original);
      rmSync(join(repo, 'content/registrations/*.csv'), { force: true });
      commitAsDev(repo, 'tidy', { tracked: true });
    }
  });

  test('two editors saving different files at once: both written, each in its own commit by its own author', async () => {
    const commits = headCount();
    const one = {
      ...JSON.parse(read('content/rounds/2024-dot-1.json')),
      deadlineText: 'trước ngày 26/3/2024',
    };
    const commune = {
      ...JSON.parse(read('content/communes/quang-son.json')),
      aliases: ['Quảng Sơn mới'],
    };
    const [a, b] = await Promise.all([
      cms(persist('content/rounds/2024-dot-1.json', JSON.stringify(one, null, 2)), { as: 'lan' }),
      cms(persist('content/communes/quang-son.json', JSON.stringify(commune, null, 2)), {
        as: 'minh',
      }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(headCount()).toBe(commits + 2);
    const log = git(repo, 'log', '-2', '--name-only', '--format=%an').trim().split(/\n+/);
    const pairs = [log.slice(0, 2), log.slice(2, 4)].map(([who, file]) => `${who} ${file}`).sort();
    expect(pairs).toEqual([
      'lan content/rounds/2024-dot-1.json',
      'minh content/communes/quang-son.json',
    ]);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });
});

test('a project folder that is no git repository refuses to save (nothing is kept without history)', async () => {
  const plain = mkdtempSync(join(tmpdir(), 'ocop-cms-plain-'));
  mkdirSync(join(plain, 'content/rounds'), { recursive: true });
  writeFileSync(join(plain, 'content/rounds/2024-dot-2.json'), read(ROUND));
  const other = await startServer({ projectDir: plain });
  try {
    await other.app.deps.accounts.add('lan', 'mat khau dai cua lan', null);
    const res = await fetch(`${other.url}/api/cms/v1`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: `ocop_phien=${other.app.deps.sessions.create('lan')}`,
        Origin: other.url,
      },
      body: JSON.stringify(persist(ROUND, JSON.stringify({ ...round(), deadlineText: 'khác' }))),
    });
    expect(res.status).toBe(503);
    expect(readFileSync(join(plain, ROUND), 'utf8')).toBe(read(ROUND));
  } finally {
    await other.close();
    rmSync(plain, { recursive: true, force: true });
  }
});

describe('history and sign-in', () => {
  const page = (path: string, as?: string) =>
    fetch(`${server.url}${path}`, {
      redirect: 'manual',
      headers: as ? { Cookie: cookies[as]! } : {},
    });

  test('/quan-ly/noi-dung/ lists the last content changes with their author, for district accounts only', async () => {
    const group = 'content/product-groups/do-uong.json';
    const saved = await cms(
      persist(group, JSON.stringify({ ...JSON.parse(read(group)), hint: 'Cà phê, trà' }, null, 2)),
      { as: 'lan' },
    );
    expect(saved.status).toBe(200);
    const res = await page('/quan-ly/noi-dung/', 'lan');
    expect(res.status).toBe(200);
    const html = await res.text();
    const items = html.split('<li>').slice(1);
    expect(items[0]).toMatch(
      / · lan · mã <code>[0-9a-f]{10}<\/code><\/p>\n<p>Nội dung: sửa content\/product-groups\/do-uong\.json<\/p>/,
    );
    expect(items.at(-1)).toMatch(
      / · dev · mã .*\n<p>start<\/p><p class="files">Tệp: (<code>content\/[^<]+<\/code>, ){4}<code>[^<]+<\/code> và \d+ tệp khác/,
    );
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect((await page('/quan-ly/noi-dung/', 'xa-quang-son')).status).toBe(403);
    const anonymous = await page('/quan-ly/noi-dung/');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(
      '/quan-ly/dang-nhap?tiep=%2Fquan-ly%2Fnoi-dung%2F',
    );
    // The review UI's header links to it for district accounts.
    expect(await (await page('/quan-ly/', 'lan')).text()).toContain('href="/quan-ly/noi-dung/"');
  });

  test('sign-in takes the editor back to /admin/ (and never to another site)', async () => {
    const form = await page('/quan-ly/dang-nhap?tiep=%2Fadmin%2F%23%2Fcollections%2Frounds');
    const html = await form.text();
    expect(html).toContain(
      'action="/quan-ly/dang-nhap?tiep=%2Fadmin%2F%23%2Fcollections%2Frounds"',
    );
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const cookie = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const signIn = (tiep: string) =>
      fetch(`${server.url}/quan-ly/dang-nhap?tiep=${encodeURIComponent(tiep)}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie },
        body: new URLSearchParams({
          _csrf: csrf,
          name: 'lan',
          password: 'mat khau dai cua lan',
        }).toString(),
      });
    expect((await signIn('/admin/#/collections/rounds')).headers.get('location')).toBe(
      '/admin/#/collections/rounds',
    );
    for (const bad of [
      'https://ke-gian.example/',
      '//ke-gian.example/admin/',
      '/admin/../../x',
      '/dang-ky/',
    ]) {
      expect((await signIn(bad)).headers.get('location'), bad).toBe('/quan-ly/');
    }
  });
});

test('the project folder follows CONTENT_DIR unless PROJECT_DIR names one: a content copy elsewhere never makes the CMS write here', async () => {
  const { readConfig } = await import('../../src/service/config.ts');
  expect(readConfig({ CONTENT_DIR: '/srv/ban-sao/content' }).projectDir).toBe('/srv/ban-sao');
  expect(
    readConfig({ CONTENT_DIR: '/srv/ban-sao/content', PROJECT_DIR: '/srv/kho' }).projectDir,
  ).toBe('/srv/kho');
  expect(readConfig({}).projectDir).toBe(join(import.meta.dirname, '../..'));
});
