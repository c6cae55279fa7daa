/**
 * The district's reference data: the contact office, the communes and the two
 * value sets. Slugs are file names and stable identifiers (registrations store
 * them), so entries here can be added but not deleted from the CMS.
 */
import { z } from 'zod';
import {
  line,
  lines,
  position,
  textList,
  type FilesCollection,
  type FolderCollection,
} from '../fields.ts';

export const contactCollection: FilesCollection = {
  name: 'contact',
  label: 'Liên hệ',
  description: 'Cơ quan nhận đăng ký và trả lời câu hỏi; hiện trên trang chủ và trang Liên hệ.',
  files: [
    {
      name: 'phong-nong-nghiep',
      label: 'Cơ quan nhận đăng ký',
      file: 'content/contact/phong-nong-nghiep.json',
      fields: [
        line(
          'office',
          'Tên cơ quan',
          'Tên đầy đủ của cơ quan nhận đăng ký, ví dụ: Phòng Kinh tế xã ….',
        ),
        line('address', 'Địa chỉ', 'Như người dân vẫn nói, ví dụ: Thôn 1, xã …, tỉnh ….'),
        line(
          'phone',
          'Số điện thoại (hiển thị)',
          'Viết như in trên giấy tờ, ví dụ: 0263 3123 456.',
        ),
        line(
          'phoneE164',
          'Số điện thoại quốc tế',
          'Cùng số trên, dạng +84 và bỏ số 0 đầu, không dấu cách, ví dụ: +842633123456. Dùng cho nút bấm gọi.',
          {
            pattern: ['^\\+84\\d{9,10}$', 'Số điện thoại quốc tế có dạng +84xxxxxxxxx'],
          },
        ),
        line(
          'hours',
          'Giờ làm việc',
          'Không bắt buộc, ví dụ: Sáng 7:00–11:30, chiều 13:30–17:00, thứ Hai đến thứ Sáu.',
          { required: false },
        ),
        line('email', 'Thư điện tử', 'Không bắt buộc.', {
          required: false,
          // The same test the schema's z.email() applies.
          pattern: [z.regexes.email.source, 'Địa chỉ thư điện tử chưa đúng, ví dụ: ocop@gmail.com'],
        }),
        lines(
          'otherPlaces',
          'Nơi khác nhận đăng ký',
          'Nơi người dân có thể đến đăng ký trực tiếp ngoài cơ quan trên.',
        ),
      ],
    },
  ],
};

export const communesCollection: FolderCollection = {
  name: 'communes',
  label: 'Địa bàn (xã, thôn…)',
  label_singular: 'địa bàn',
  description:
    'Các địa bàn nhận đăng ký (xã, phường, thôn, bon…), của mọi đợt. Tên khác (cách viết khác) giúp nhận đúng địa bàn khi người dân hoặc bảng tính viết khác đi.',
  folder: 'content/communes',
  extension: 'json',
  format: 'json',
  identifier_field: 'name',
  slug: '{{name}}',
  create: true,
  delete: false,
  summary: '{{name}}',
  sortable_fields: ['order', 'name'],
  fields: [
    line('name', 'Tên', 'Không ghi chữ "xã", "thôn"…, ví dụ: Thôn 1.'),
    line(
      'gsoCode',
      'Mã đơn vị hành chính',
      'Mã 5 chữ số theo danh mục của Tổng cục Thống kê, ví dụ: 20902. Để trống với thôn, bon (không có mã).',
      {
        required: false,
        pattern: ['^\\d{5}$', 'Mã đơn vị hành chính gồm 5 chữ số'],
      },
    ),
    textList(
      'aliases',
      'Cách viết khác',
      'cách viết',
      'Các cách viết khác của tên cần được hiểu là địa bàn này, ví dụ: Hoà / Hòa, Đắk / Đăk. Không cần thêm bản không dấu.',
      {
        required: false,
        default: [],
      },
    ),
    position('Vị trí trong danh sách, theo thứ tự mã đơn vị hành chính; 1 là đầu tiên.'),
  ],
};

/** Product groups and producer types share one shape (src/domain/value-set.ts). */
function valueSet(
  name: string,
  folder: string,
  label: string,
  singular: string,
  description: string,
  example: string,
): FolderCollection {
  return {
    name,
    label,
    label_singular: singular,
    description,
    folder: `content/${folder}`,
    extension: 'json',
    format: 'json',
    identifier_field: 'label',
    slug: '{{label}}',
    create: true,
    delete: false,
    summary: '{{order}}. {{label}}',
    sortable_fields: ['order', 'label'],
    fields: [
      line('label', 'Tên', `Tên người đọc thấy trên mẫu đăng ký, ví dụ: ${example}.`),
      lines(
        'hint',
        'Giải thích',
        'Không bắt buộc: một câu ngắn hiện dưới lựa chọn trên mẫu đăng ký.',
        { required: false },
      ),
      position('Vị trí trên mẫu đăng ký và trong danh sách; 1 là đầu tiên.'),
    ],
  };
}

export const productGroupsCollection = valueSet(
  'productGroups',
  'product-groups',
  'Nhóm sản phẩm',
  'nhóm sản phẩm',
  'Các nhóm sản phẩm OCOP (Quyết định 148/QĐ-TTg năm 2023) trên mẫu đăng ký.',
  'Thực phẩm',
);

export const dossierItemsCollection = valueSet(
  'dossierItems',
  'dossier-items',
  'Giấy tờ hồ sơ OCOP',
  'giấy tờ',
  'Các giấy tờ của hồ sơ OCOP. Cán bộ đánh dấu từng giấy tờ đã có, còn thiếu hay không áp dụng cho mỗi hồ sơ; người đăng ký thấy giấy tờ còn thiếu khi tra cứu mã hồ sơ.',
  'Phiếu kiểm nghiệm',
);

export const producerTypesCollection = valueSet(
  'producerTypes',
  'producer-types',
  'Loại chủ thể',
  'loại chủ thể',
  'Các loại chủ thể sản xuất được đăng ký trên mẫu đăng ký.',
  'Hợp tác xã',
);
