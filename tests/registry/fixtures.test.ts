// The registry over every messy fixture: each row's outcome is known by construction (fixtures/expected.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countsAddUp } from '../../src/registry/build.ts';
import { runRegistry, type RegistryRun } from '../../src/registry/node/run.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
interface Expected {
  file: string;
  line: number;
  receipt: string | null;
  outcome: string;
  productName: string;
  commune: string;
  producerName: string | null;
}
const expected: Expected[] = JSON.parse(readFileSync(join(FIXTURES, 'expected.json'), 'utf8'));
let run: RegistryRun;

beforeAll(() => {
  const result = runRegistry({
    paths: [join(FIXTURES, 'readable')],
    now: new Date('2024-07-01T03:00:00Z'),
  });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  run = result.run;
});

const published = () =>
  run.list.communes.flatMap((c) => c.products.map((p) => ({ ...p, commune: c.slug })));
const reportRow = (file: string, line: number) =>
  run.report.rows.find((r) => r.file.endsWith(file) && r.line === line);

describe('registry over the messy fixtures', () => {
  it('counts every row once: read = published + notPublic + duplicates + rejected', () => {
    const count = (o: string) => expected.filter((e) => e.outcome === o).length;
    expect(run.report).toMatchObject({
      read: expected.length,
      published: count('published'),
      notPublic: count('notPublic'),
      duplicates: count('duplicate'),
      rejected: count('rejected'),
    });
    expect(countsAddUp(run.report)).toBe(true);
  });

  it('reads every file: UTF-8 with and without BOM, Windows-1258 with ";", tab with LF', () => {
    const enc = Object.fromEntries(
      run.files.map((f) => [f.file.split('/').pop(), `${f.encoding} ${f.delimiter}`]),
    );
    expect(enc['01-xuat-chuan.csv']).toBe('utf-8-bom ,');
    expect(enc['02-excel-windows-1258.csv']).toBe('windows-1258 ;');
    expect(enc['03-utf8-tab-lf.tsv']).toBe('utf-8 \t');
    expect(run.files.find((f) => f.file.endsWith('03-utf8-tab-lf.tsv'))!.missingColumns).toEqual(
      [],
    );
  });

  it.each(expected.filter((e) => e.outcome === 'published' && e.receipt))(
    'publishes $productName ($file line $line) with NFC text and the name only with consent',
    (e) => {
      const p = published().find((x) => x.receipt === e.receipt);
      expect(p).toMatchObject({
        productName: e.productName,
        commune: e.commune,
        producerName: e.producerName,
      });
      expect(p!.productName).toBe(p!.productName.normalize('NFC'));
    },
  );

  it('publishes nothing that is not chosen, and each receipt at most once', () => {
    const receipts = published().map((p) => p.receipt);
    expect(new Set(receipts).size).toBe(receipts.length);
    for (const e of expected.filter((x) => x.outcome !== 'published' && x.receipt)) {
      const winner = expected.find((x) => x.receipt === e.receipt && x.outcome === 'published');
      if (!winner) expect(receipts).not.toContain(e.receipt);
    }
  });

  it('reports every rejected and duplicate row with file, line and problems in Vietnamese', () => {
    for (const e of expected.filter((x) => x.outcome === 'rejected' || x.outcome === 'duplicate')) {
      const row = reportRow(e.file, e.line);
      expect(row, `${e.file}:${e.line}`).toMatchObject({ outcome: e.outcome });
      expect(row!.problems.length).toBeGreaterThan(0);
    }
    expect(run.report.rows.filter((r) => r.outcome === 'rejected')).toHaveLength(
      run.report.rejected,
    );
  });

  it('keeps a chosen product whose private fields a spreadsheet mangled, noting each problem', () => {
    const row = reportRow('04-dong-hong.csv', 2)!;
    expect(row.outcome).toBe('published');
    expect(row.problems.join('\n')).toMatch(
      /số mũ[\s\S]*Thư điện tử không đúng|Thư điện tử không đúng[\s\S]*số mũ/,
    );
    expect(row.problems.join('\n')).toContain('không được công khai');
  });

  it('rejects a chosen row whose published fields are wrong, saying why', () => {
    const problems = (line: number) => reportRow('04-dong-hong.csv', line)!.problems.join(' ');
    expect(problems(3)).toContain('Mã hồ sơ "SAI-MA" không đúng dạng');
    expect(problems(4)).toContain('Không có xã "Hà Nội"');
    expect(problems(5)).toContain('Vui lòng nhập tên sản phẩm');
    expect(problems(6)).toContain('Nhóm sản phẩm "nong-san-khac" không có trong danh mục');
    expect(problems(7)).toContain('Trạng thái "da-duyet" không rõ');
    expect(problems(10)).toContain('Đợt "Đợt 9"');
    expect(reportRow('09-bi-cat-cut.csv', 3)!.problems[0]).toContain('cắt cụt');
  });

  it('lets the latest review win across files, whichever file is read first', () => {
    expect(reportRow('06-trung-moi.csv', 2)).toMatchObject({
      outcome: 'duplicate',
      problems: [expect.stringContaining('05-trung-cu.csv dòng 2')],
    });
    expect(reportRow('05-trung-cu.csv', 3)).toMatchObject({
      outcome: 'duplicate',
      problems: [expect.stringContaining('06-trung-moi.csv dòng 3')],
    });
  });

  it('imports a Google Forms export twice without duplicating, taking "Trạng thái" from the sheet', () => {
    const forms = run.report.rows.filter((r) => r.file.endsWith('07-google-form.csv'));
    expect(forms.map((r) => r.outcome)).toEqual(Array(5).fill('duplicate'));
    const names = expected
      .filter((e) => e.file === '08-google-form-lan-2.csv' && e.outcome === 'published')
      .map((e) => e.productName);
    for (const name of names)
      expect(published().filter((p) => p.productName === name).length).toBeGreaterThanOrEqual(1);
    const round = published().find((p) => p.productName === names[0])!.round;
    expect(round).toMatch(/^2024-dot-[12]$/);
  });

  it("shows hostile product names as plain data: HTML kept as text, the export's formula guard undone", () => {
    const names = published().map((p) => p.productName);
    expect(names).toContain('<script>alert("ocop")</script> Mật ong rừng');
    expect(names).toContain('=HYPERLINK("http://lua-dao.example","Cà phê")');
  });
});
