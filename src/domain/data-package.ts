/**
 * The Frictionless Data package (datapackage.json) that describes the open
 * data of the public list: the CSV with a table schema, and the JSON.
 */
import { PUBLIC_CSV_COLUMNS, type PublicList } from './public-list.ts';

const NULLABLE = new Set(['Tên chủ thể', 'Đợt']);

export function dataPackage(list: PublicList, siteUrl: string) {
  const url = (path: string) => new URL(path, siteUrl).href;
  return {
    profile: 'tabular-data-package',
    name: 'danh-sach-san-pham-ocop-dak-glong',
    title: 'Danh sách sản phẩm được chọn xây dựng sản phẩm OCOP, huyện Đắk Glong',
    description: 'Sản phẩm được Ủy ban nhân dân huyện Đắk Glong chọn xây dựng sản phẩm OCOP, theo xã. Tên chủ thể chỉ được công khai khi chủ thể đồng ý (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15).',
    homepage: url('/danh-sach/'),
    created: list.generatedAt,
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }],
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
          fields: PUBLIC_CSV_COLUMNS.map((c) => ({ name: c.name, type: 'string', description: c.description, constraints: { required: !NULLABLE.has(c.name) } })),
          primaryKey: ['Mã hồ sơ'],
        },
      },
      { name: 'danh-sach-ocop-json', path: url('/du-lieu/danh-sach-ocop.json'), profile: 'data-resource', format: 'json', mediatype: 'application/json', encoding: 'utf-8' },
    ],
  };
}
