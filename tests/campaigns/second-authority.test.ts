/**
 * Campaign after campaign, for any authority, by content alone. Two content sets, each built as a
 * whole site (registry + astro) in a project copy:
 *  - another authority (UBND xã Quảng Khê, tỉnh Lâm Đồng; campaign 2027 by thôn/bon): no string of
 *    the 2024 authority anywhere in dist/ or in the service's pages and messages; the form offers the
 *    new units; a registration lands in the new round and carries its campaign;
 *  - the 2024 district opening 2027: 2024's list moves to /luu-tru/2024/, its URLs keep answering.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteContent } from '../../src/domain/content-files-node.ts';
import { createApp } from '../../src/service/app.ts';
import { readConfig } from '../../src/service/config.ts';
import { copyProject } from '../cms/support/site-copy.ts';
import { listFiles } from '../support/dist.ts';
import { ROOT } from '../support/server.ts';
import { UNITS_2027, writeNextCampaign, writeSecondAuthority } from './content-sets.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Registry + astro build inside the copy; the built files by path. */
function build(repo: string): { dist: string; files: Map<string, string> } {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of ['CONTENT_DIR', 'REGISTRY_DIR', 'SAMPLE_DATA']) delete env[name];
  const reg = spawnSync(process.execPath, ['scripts/registry.ts', '--strict'], {
    cwd: repo,
    encoding: 'utf8',
    env,
  });
  if (reg.status !== 0) throw new Error(`registry failed:\n${reg.stdout}\n${reg.stderr}`);
  const dist = join(repo, 'dist');
  const b = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist],
    { cwd: repo, encoding: 'utf8', env, maxBuffer: 16 * 1024 * 1024 },
  );
  if (b.status !== 0) throw new Error(`astro build failed:\n${b.stdout}\n${b.stderr}`);
  const files = new Map<string, string>();
  for (const f of listFiles(dist))
    if (!/\.(js|wasm|png|svg|ico|map)$/.test(f)) files.set(f, readFileSync(join(dist, f), 'utf8'));
  return { dist, files };
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
const compact = (s: string) => fold(s).replace(/[^a-z0-9]/g, '');

/** Every distinctive string of the 2024 authority (content/ of the repository), also folded and compacted. */
function firstAuthorityStrings(): string[] {
  const { authority, contact, communes } = readSiteContent(join(ROOT, 'content'));
  const core = (s: string) =>
    s
      .replace(/^(ủy ban nhân dân|ubnd|ocop|huyện|tỉnh|xã)\s+/giu, '')
      .replace(/^(huyện|tỉnh|xã)\s+/iu, '');
  const names = [
    authority.name,
    authority.shortName,
    authority.area,
    authority.province,
    authority.brand,
    authority.titleSuffix,
    authority.footer,
    authority.calendarName,
    authority.openData.title,
    contact.office,
    contact.address,
    contact.phone,
    contact.phoneE164,
  ];
  const places = [authority.area, authority.province, ...communes.map((c) => c.name)]
    .map(core)
    .filter((p) => compact(p) !== 'quangkhe');
  return [...new Set([...names, ...places])];
}

function hits(strings: readonly string[], where: string, text: string): string[] {
  const f = fold(text);
  const c = compact(text);
  return strings
    .filter((s) => text.includes(s) || f.includes(fold(s)) || c.includes(compact(s)))
    .map((s) => `${where}: ${s}`);
}

describe('a second authority: UBND xã Quảng Khê, tỉnh Lâm Đồng, campaign 2027 by thôn/bon', () => {
  let repo: string;
  let site: { dist: string; files: Map<string, string> };
  const data = mkdtempSync(join(tmpdir(), 'second-authority-data-'));
  made.push(data);

  beforeAll(() => {
    repo = copyProject();
    made.push(repo);
    writeSecondAuthority(repo);
    site = build(repo);
  }, 240_000);

  it('no string of the first authority anywhere in dist/', () => {
    const strings = firstAuthorityStrings();
    expect(strings).toContain('Đắk Glong');
    const found = [...site.files].flatMap(([path, text]) => hits(strings, path, text));
    expect(found).toEqual([]);
  });

  it('home, form and list speak for the new authority, its campaign and its units', () => {
    const home = site.files.get('index.html')!;
    expect(home).toContain('Đăng ký sản phẩm OCOP xã Quảng Khê năm 2027');
    expect(home).toContain('trước ngày 01/4/2027');
    expect(home).toContain('<title>Đăng ký sản phẩm OCOP | OCOP Quảng Khê</title>');
    // Its own home text (content/authority/trang-chu.mdx), the boxes where it places them.
    expect(home).toContain('Trưởng thôn, bon hướng dẫn làm hồ sơ.');
    expect(home).toContain('content="Đăng ký sản phẩm OCOP tại xã Quảng Khê: ai được đăng ký');
    const order = ['class="button"', 'Hạn nộp', 'class="rounds"', 'Hỏi thêm', 'tel:+842633000111'];
    const at = order.map((s) => home.indexOf(s));
    expect(at.every((i) => i > 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const form = site.files.get('dang-ky/index.html')!;
    expect(form).toContain('Tôi đồng ý cho UBND xã Quảng Khê xử lý thông tin');
    expect(form).toMatch(/<label class="label" for="commune">Thôn, bon<\/label>/);
    for (const u of UNITS_2027)
      expect(form).toContain(`<option value="${u.slug}">${u.name.replace("'", '&#39;')}</option>`);
    const list = site.files.get('danh-sach/index.html')!;
    expect(list).toContain('Cà phê Bon Bu Nor');
    expect(list).toContain('Theo thôn, bon');
    expect(site.files.get('danh-sach/bon-bu-nor/index.html')).toContain('Cà phê Bon Bu Nor');
    expect(site.files.get('lich-dang-ky.ics')).toContain('X-WR-CALNAME:Hạn đăng ký OCOP Quảng Khê');
    expect(JSON.parse(site.files.get('du-lieu/datapackage.json')!).title).toBe(
      'Sản phẩm OCOP được chọn, xã Quảng Khê',
    );
    expect(site.files.get('admin/index.html')).toContain('Quản trị nội dung | OCOP Quảng Khê');
  });

  it('the service: the new units, the new round, the campaign in the export, and no first-authority string in its answers', async () => {
    const config = readConfig({
      CONTENT_DIR: join(repo, 'content'),
      DIST_DIR: site.dist,
      DATA_DIR: data,
      RATE_LIMIT: '0',
    });
    const app = createApp(config, {
      log: () => {},
      now: () => new Date('2027-02-10T10:00:00+07:00'),
    });
    try {
      const strings = firstAuthorityStrings();
      const body = {
        producerName: 'Hộ kinh doanh Bon R’But',
        producerType: 'ho-kinh-doanh',
        representative: 'Y Sơn',
        phone: '0912 345 678',
        commune: 'bon rbut',
        address: 'Bon R’But',
        productName: 'Mắc ca sấy',
        productGroup: 'thuc-pham',
        productStage: 'da-co',
        consentProcessing: true,
      };
      const ok = await app.request('/api/registrations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      });
      expect(ok.status).toBe(201);
      expect(await ok.json()).toMatchObject({ round: '2027-dot-1', status: 'cho-ra-soat' });
      const row = app.deps.db.prepare('SELECT commune, round, campaign FROM registrations').get();
      expect(row).toEqual({ commune: 'bon-r-but', round: '2027-dot-1', campaign: '2027' });

      const bad = await app.request('/api/registrations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ ...body, commune: 'Quảng Sơn' }),
      });
      expect(bad.status).toBe(422);
      const badText = await bad.text();
      expect(badText).toContain('Không có thôn, bon \\"Quảng Sơn\\" trong danh sách');
      const page = await app.request('/api/registrations', {
        method: 'POST',
        body: new URLSearchParams({ ...body, commune: 'xyz', consentProcessing: 'on' }),
      });
      expect(page.status).toBe(422);
      const html = await page.text();
      expect(html).toContain('OCOP xã Quảng Khê');
      const denied = await app.request('/api/registrations.csv');
      expect(denied.status).toBe(401);
      const realm = denied.headers.get('www-authenticate')!;
      expect(realm).toContain('OCOP Quang Khe');
      const notFound = await app.request('/khong-co/');
      const answers = [
        ['422 json', badText.replace('Quảng Sơn', '')],
        ['422 page', html],
        ['realm', realm],
        ['404', await notFound.text()],
      ] as const;
      expect(answers.flatMap(([where, text]) => hits(strings, where, text))).toEqual([]);
    } finally {
      app.close();
    }
  });
});

describe('the 2024 district opens a 2027 campaign: 2024 goes to the archive', () => {
  let site: { dist: string; files: Map<string, string> };

  beforeAll(() => {
    const repo = copyProject();
    made.push(repo);
    writeNextCampaign(
      repo,
      readFileSync(join(ROOT, 'examples/registrations/vi-du-2024-dot-1-2.csv'), 'utf8'),
    );
    site = build(repo);
  }, 240_000);

  it('the current campaign drives home, form and /danh-sach/; 2024 products are not in it', () => {
    expect(site.files.get('index.html')).toContain('trước ngày 01/4/2027');
    expect(site.files.get('index.html')).toContain('href="/luu-tru/2024/"');
    const form = site.files.get('dang-ky/index.html')!;
    expect(form).toContain('<option value="thon-2">Thôn 2</option>');
    expect(form).not.toContain('value="quang-son"');
    const list = site.files.get('danh-sach/index.html')!;
    expect(list).toContain('Mật ong Thôn 2');
    expect(list).not.toContain('Rượu cần');
    expect(list).not.toContain('gửi muộn');
  });

  it("a late 2024 registration uploaded during 2027 is listed in 2024's archive, not in 2027", () => {
    const unit = site.files.get('luu-tru/2024/dak-ha/index.html')!;
    expect(unit).toContain('Mắc khén gửi muộn'); // its export names 2024
    expect(unit).toContain('Hạt điều gửi muộn'); // an older export: sent while 2024 ran
    for (const [file, html] of site.files)
      if (!file.startsWith('luu-tru/2024/') && file.endsWith('.html'))
        expect(html, file).not.toContain('gửi muộn');
  });

  it('2024 keeps its notice URL, its rounds and its list per unit under /luu-tru/2024/; its old unit pages point there', () => {
    expect(site.files.has('cong-van/dang-ky-san-pham-ocop-2024/index.html')).toBe(true);
    const archive = site.files.get('luu-tru/2024/index.html')!;
    expect(archive).toContain('trước ngày 25/3/2024');
    expect(archive).toContain('href="/cong-van/dang-ky-san-pham-ocop-2024/"');
    expect(archive).toContain('href="/luu-tru/2024/dak-ha/"');
    expect(site.files.get('luu-tru/2024/dak-ha/index.html')).toContain('Rượu cần Tà Đùng');
    const moved = site.files.get('danh-sach/dak-ha/index.html')!;
    expect(moved).toContain('http-equiv="refresh" content="0; url=/luu-tru/2024/dak-ha/"');
    expect(site.files.get('luu-tru/index.html')).toContain('href="/luu-tru/2024/"');
  });
});
