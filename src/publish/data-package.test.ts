// The open data's description (datapackage.json): the CSV's columns as its schema, the two files'
// addresses on the site, and a sample list never described as the authority's data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSiteContent } from '../domain/content-files-node.ts';
import { dataPackage } from './data-package.ts';
import { PUBLIC_CSV_COLUMNS } from './list-files.ts';

const { authority } = readSiteContent(join(import.meta.dirname, '../../content'));
const list = { generatedAt: '2026-01-01T07:00:00+07:00', communes: [] };

describe('dataPackage', () => {
  it("describes the CSV's columns in order, the producer's name and the round may be empty", () => {
    const pkg = dataPackage(list, 'https://example.org/sub/', authority);
    const [csv, json] = pkg.resources;
    expect(csv!.path).toBe('https://example.org/du-lieu/danh-sach-ocop.csv');
    expect(json!.path).toBe('https://example.org/du-lieu/danh-sach-ocop.json');
    const fields = csv!.schema!.fields;
    expect(fields.map((f) => f.name)).toEqual(PUBLIC_CSV_COLUMNS.map((c) => c.name));
    expect(fields.filter((f) => !f.constraints.required).map((f) => f.name)).toEqual([
      'Tên chủ thể',
      'Đợt',
    ]);
    expect(pkg.name).toMatch(/^danh-sach-san-pham-[a-z0-9-]+$/);
    expect(pkg.created).toBe(list.generatedAt);
  });
  it('says a sample list is sample data, not a decision', () => {
    const real = dataPackage(list, 'https://example.org/', authority);
    const sample = dataPackage({ ...list, sample: true }, 'https://example.org/', authority);
    expect(real.description).toBe(authority.openData.description);
    expect(sample.description).toMatch(/^Dữ liệu mẫu, không phải quyết định/);
  });
});
