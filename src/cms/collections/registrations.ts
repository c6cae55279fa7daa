/**
 * Uploading CSV exports. The file widget puts each file into
 * content/registrations/ through the backend's media upload (decap-server
 * writes it to disk; GitHub, GitLab and Gitea commit it), and the entry logs it.
 */
import { CSV_NAME_PATTERN, CSV_UPLOADS_FILE, REGISTRATIONS_FOLDER } from '../csv-uploads.ts';
import type { FilesCollection } from '../fields.ts';

export const registrationsCollection: FilesCollection = {
  name: 'registrations',
  label: 'Tải lên tệp CSV',
  description:
    'Tải lên tệp CSV xuất từ trang quản lý hồ sơ (/quan-ly/). Danh sách công khai được cập nhật ở lần dựng trang tiếp theo.',
  editor: { preview: false },
  files: [
    {
      name: 'csv-uploads',
      label: 'Các tệp CSV đã tải lên',
      file: CSV_UPLOADS_FILE,
      description: 'Mỗi lần tải lên thêm một mục; tệp được lưu vào content/registrations/.',
      fields: [
        {
          name: 'uploads',
          label: 'Tệp CSV đã tải lên',
          label_singular: 'tệp CSV',
          widget: 'list',
          add_to_top: true,
          collapsed: false,
          summary: '{{fields.file}}',
          required: false,
          default: [],
          hint: 'Bấm "Thêm tệp CSV", "Chọn một tập tin", "Tải lên" và chọn tệp trên máy, rồi bấm "Công bố" → "Công bố ngay". Tệp mới nhất ở trên cùng.',
          fields: [
            {
              name: 'file',
              label: 'Tệp CSV',
              widget: 'file',
              media_folder: `/${REGISTRATIONS_FOLDER}`,
              public_folder: `/${REGISTRATIONS_FOLDER}`,
              choose_url: false,
              allow_multiple: false,
              hint: 'Tệp .csv xuất từ trang quản lý hồ sơ, giữ nguyên định dạng (có thể đã mở và lưu lại bằng Excel).',
              pattern: [CSV_NAME_PATTERN.source, 'Chỉ nhận tệp .csv'],
            },
            {
              name: 'commune',
              label: 'Địa bàn (xã, thôn…)',
              widget: 'relation',
              collection: 'communes',
              value_field: '{{slug}}',
              search_fields: ['name', 'aliases.*'],
              display_fields: ['name'],
              required: false,
              hint: 'Địa bàn của tệp xuất; để trống nếu tệp gồm mọi địa bàn.',
            },
            {
              name: 'note',
              label: 'Ghi chú',
              widget: 'string',
              required: false,
              hint: 'Không bắt buộc, ví dụ: xuất ngày 20/6/2024 sau khi rà soát đợt 2.',
            },
          ],
        },
      ],
    },
  ],
};
