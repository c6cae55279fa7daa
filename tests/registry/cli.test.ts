// npm run registry as operators use it: exit codes, stdout summary, stderr reasons, outputs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const FIXTURES = join(import.meta.dirname, 'fixtures');
const out = mkdtempSync(join(tmpdir(), 'registry-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function registry(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/registry.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run registry', () => {
  it('reads a folder, writes the three outputs and prints the identity on one line', () => {
    const r = registry(join(FIXTURES, 'readable'), '--out', out);
    expect(r.code).toBe(0);
    const m =
      /read (\d+) = published (\d+) \+ notPublic (\d+) \+ duplicates (\d+) \+ rejected (\d+)/.exec(
        r.stdout,
      )!;
    expect(m).not.toBeNull();
    const [read, ...parts] = m.slice(1).map(Number);
    expect(read).toBe(parts.reduce((a, b) => a + b, 0));
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('rejected');
    const report = JSON.parse(readFileSync(join(out, 'bao-cao.json'), 'utf8'));
    expect(report).toMatchObject({
      read,
      published: parts[0],
      notPublic: parts[1],
      duplicates: parts[2],
      rejected: parts[3],
    });
    expect(
      readFileSync(join(out, 'danh-sach-ocop.csv'), 'utf8').startsWith('\uFEFFMã xã,Xã,Mã hồ sơ'),
    ).toBe(true);
    expect(
      JSON.parse(readFileSync(join(out, 'danh-sach-ocop.json'), 'utf8')).communes,
    ).toHaveLength(7);
  });

  it('--strict exits 1 when a row was rejected, 0 when none was', () => {
    expect(registry(join(FIXTURES, 'readable'), '--out', out, '--strict').code).toBe(1);
    const clean = registry(
      join(FIXTURES, 'readable/01-xuat-chuan.csv'),
      join(FIXTURES, 'readable/02-excel-windows-1258.csv'),
      '--out',
      out,
      '--strict',
    );
    expect(clean).toMatchObject({ code: 0, stderr: '' });
  });

  it('content/ ships no registration: the default list publishes nothing and is not marked as sample', () => {
    const r = registry('--out', out, '--strict');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/read 0 = published 0 /);
    const list = JSON.parse(readFileSync(join(out, 'danh-sach-ocop.json'), 'utf8'));
    expect(list.sample).toBeUndefined();
    expect(list.communes.flatMap((c: { products: unknown[] }) => c.products)).toEqual([]);
  });

  it('SAMPLE_DATA=1 adds the sample export of examples/, reads it without a rejected row and marks the list as sample', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/registry.ts'), '--out', out, '--strict'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SAMPLE_DATA: '1' } },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/published [1-9]\d* /);
    expect(JSON.parse(readFileSync(join(out, 'danh-sach-ocop.json'), 'utf8')).sample).toBe(true);
  });

  it.each([
    ['nhi-phan.csv', 'not text'],
    ['khong-co-cot.csv', 'none of the expected columns'],
    ['rong.csv', 'empty'],
  ])(
    'refuses %s with exit 1, the file and the reason on stderr, and writes nothing',
    (name, reason) => {
      const fresh = join(out, `x-${name}`);
      const r = registry(
        join(FIXTURES, 'readable/01-xuat-chuan.csv'),
        join(FIXTURES, 'unreadable', name),
        '--out',
        fresh,
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(name);
      expect(r.stderr).toContain(reason);
      expect(existsSync(fresh)).toBe(false);
    },
  );

  it('refuses a missing path, an unknown option and an empty --out', () => {
    expect(registry('khong-co-tep.csv')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no such file'),
    });
    expect(registry('--verbose')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Unknown option '--verbose'"),
    });
    expect(registry('--out', '')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--out needs a folder'),
    });
  });

  it('says so in one line, exit 1, when --out cannot be written (a file in the way)', () => {
    const file = join(out, 'a-file');
    writeFileSync(file, 'not a folder');
    const r = registry(join(FIXTURES, 'readable/01-xuat-chuan.csv'), '--out', join(file, 'sub'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      `registry: cannot write the outputs into ${join(file, 'sub')}: ENOTDIR`,
    );
  });
});
