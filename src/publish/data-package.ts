/**
 * The Frictionless Data package (datapackage.json) that describes the open
 * data of the public list: the CSV with a table schema, and the JSON.
 */
import { asciiText, type Authority } from '../domain/authority.ts';
import type { PublicList } from '../registry/public-list.ts';
import { PUBLIC_CSV_COLUMNS } from './list-files.ts';

/** "OCOP …" → "ocop-…": the package's machine name. */
const slugOf = (text: string) =>
  asciiText(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const NULLABLE = new Set(['Tên chủ thể', 'Đợt']);

export function dataPackage(list: PublicList, siteUrl: string, authority: Authority) {
  const url = (path: string) => new URL(path, siteUrl).href;
  return {
    profile: 'tabular-data-package',
    name: `danh-sach-san-pham-${slugOf(authority.titleSuffix)}`,
    title: authority.openData.title,
    description: list.sample
      ? `Dữ liệu mẫu, không phải quyết định của cơ quan nào. ${authority.openData.description}`
      : authority.openData.description,
    homepage: url('/danh-sach/'),
    created: list.generatedAt,
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title: 'Creative Commons Attribution 4.0',
      },
    ],
    resources: [
      {
        name: 'danh-sach-ocop-csv',
        path: url('/du-lieu/danh-sach-ocop.csv'),
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8-sig',
        dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
        schema: {
          fields: PUBLIC_CSV_COLUMNS.map((c) => ({
            name: c.name,
            type: 'string',
            description: c.description,
            constraints: { required: !NULLABLE.has(c.name) },
          })),
          primaryKey: ['Mã hồ sơ'],
        },
      },
      {
        name: 'danh-sach-ocop-json',
        path: url('/du-lieu/danh-sach-ocop.json'),
        profile: 'data-resource',
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
      },
    ],
  };
}
