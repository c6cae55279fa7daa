/**
 * Campaigns as editors see them: a title, the notice(s) that open it (its rounds are the rounds those
 * notices announce), the units it collects by and whether it is the current one. Opening a new
 * campaign is: write its notice, add its rounds, add its units, create the campaign, tick "current"
 * (docs/mo-dot-dang-ky.md). Fields follow src/domain/campaign.ts (checked by a test).
 */
import { line, type FolderCollection } from '../fields.ts';

export const campaignsCollection: FolderCollection = {
  name: 'campaigns',
  label: 'Kỳ đăng ký',
  label_singular: 'kỳ đăng ký',
  description:
    'Mỗi kỳ đăng ký gồm công văn, các đợt nhận hồ sơ và danh sách địa bàn. Kỳ đang chạy hiện ở trang chủ, mẫu đăng ký và trang Danh sách; các kỳ trước được lưu ở mục Lưu trữ.',
  folder: 'content/campaigns',
  extension: 'json',
  format: 'json',
  identifier_field: 'title',
  slug: '{{title}}',
  create: true,
  delete: false,
  summary: '{{title}}',
  sortable_fields: ['title'],
  fields: [
    line(
      'title',
      'Tên kỳ đăng ký',
      'Hiện trên trang lưu trữ, ví dụ: Đăng ký sản phẩm OCOP năm 2027. Tên tệp (địa chỉ trang lưu trữ) được đặt theo tên này khi tạo.',
    ),
    {
      name: 'current',
      label: 'Đang chạy',
      widget: 'boolean',
      default: false,
      required: false,
      hint: 'Bật cho kỳ đang nhận đăng ký và tắt ở kỳ trước. Nếu bật ở nhiều kỳ, kỳ có hạn muộn nhất được dùng.',
    },
    {
      name: 'notices',
      label: 'Công văn',
      widget: 'relation',
      multiple: true,
      min: 1,
      collection: 'notices',
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      hint: 'Công văn mở kỳ đăng ký này. Các đợt (mục Đợt đăng ký) gắn với công văn này là các đợt của kỳ.',
    },
    {
      name: 'units',
      label: 'Địa bàn nhận đăng ký',
      widget: 'relation',
      multiple: true,
      required: false,
      default: [],
      collection: 'communes',
      value_field: '{{slug}}',
      search_fields: ['name', 'aliases.*'],
      display_fields: ['name'],
      options_length: 200,
      hint: 'Chọn các địa bàn (xã, thôn, bon…) có trên mẫu đăng ký. Để trống: mọi địa bàn trong mục Địa bàn.',
    },
    line(
      'unitWord',
      'Tên gọi địa bàn',
      'Viết thường, ví dụ: thôn, bon, xã. Để trống thì dùng tên gọi trong mục Cơ quan chủ trì.',
      { required: false, default: '' },
    ),
  ],
};
