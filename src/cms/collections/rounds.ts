/** Registration rounds: JSON files whose fields follow src/domain/round.ts. */
import { line, position, type CmsField, type FolderCollection } from '../fields.ts';

/**
 * The datetime widget formats in the browser's time zone with dayjs; "Z" writes
 * the offset ("+07:00" on an editor's machine in Việt Nam). The admin page also
 * rewrites the value to +07:00 before saving (src/cms/admin/setup.js), so a
 * browser set to another zone still saves the same instant in Việt Nam time.
 */
export const INSTANT_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';

const instant = (
  name: string,
  label: string,
  hint: string,
  extra: Partial<CmsField> = {},
): CmsField => ({
  name,
  label,
  widget: 'datetime',
  // With a format given the widget is the browser's own date-and-time input, shown in the editor's locale.
  format: INSTANT_FORMAT,
  hint,
  ...extra,
});

export const roundsCollection: FolderCollection = {
  name: 'rounds',
  label: 'Đợt đăng ký',
  label_singular: 'đợt đăng ký',
  description: 'Các đợt nhận đăng ký và hạn của từng đợt. Giờ Việt Nam (UTC+7).',
  folder: 'content/rounds',
  extension: 'json',
  format: 'json',
  identifier_field: 'label',
  // Named by its deadline's year, not the year it is written in: the rounds of a 2027 campaign
  // opened in December 2026 are 2027-dot-1, 2027-dot-2.
  slug: "{{fields.deadline | date('YYYY')}}-{{label}}",
  create: true,
  delete: false,
  summary: '{{label}}: {{deadlineText}}',
  sortable_fields: ['order', 'label'],
  fields: [
    line('label', 'Tên đợt', 'Tên người đọc thấy, ví dụ: Đợt 2.'),
    position('1 cho đợt đầu tiên, 2 cho đợt tiếp theo…'),
    instant(
      'opensAt',
      'Bắt đầu nhận',
      'Ngày giờ bắt đầu nhận đăng ký của đợt (giờ Việt Nam). Để trống nếu nhận ngay từ đầu.',
      { required: false },
    ),
    instant(
      'deadline',
      'Hạn (nhận trước thời điểm này)',
      'Hồ sơ gửi TRƯỚC thời điểm này thuộc đợt này (giờ Việt Nam). "Trước ngày 25/6/2024" thì chọn 25/06/2024 lúc 00:00; ngày cuối nhận là 24/6.',
    ),
    line(
      'deadlineText',
      'Hạn (như công văn ghi)',
      'Viết như trong công văn, ví dụ: trước ngày 25/6/2024. Nhớ sửa cùng với ô Hạn ở trên.',
    ),
    {
      name: 'notice',
      label: 'Công văn thông báo đợt này',
      widget: 'relation',
      collection: 'notices',
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      hint: 'Chọn công văn đã thông báo đợt đăng ký này.',
    },
  ],
};
