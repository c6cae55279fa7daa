/**
 * The privacy notice (/bao-ve-du-lieu/) and the retention periods it states,
 * which `npm run retention` also applies: two single files editors change
 * when the authority's practice changes (Luật 91/2025/QH15).
 */
import { line, lines, type CmsField, type FilesCollection } from '../fields.ts';

const months = (name: string, label: string, hint: string): CmsField => ({
  name,
  label,
  widget: 'number',
  value_type: 'int',
  min: 1,
  max: 240,
  step: 1,
  hint,
});

export const privacyNoticeCollection: FilesCollection = {
  name: 'privacyNotice',
  label: 'Bảo vệ dữ liệu cá nhân',
  format: 'frontmatter',
  description:
    'Trang giải thích thông tin cá nhân trong phiếu đăng ký được dùng và bảo vệ thế nào; có liên kết cạnh ô đồng ý và ở chân mọi trang.',
  files: [
    {
      name: 'bao-ve-du-lieu',
      label: 'Trang Bảo vệ dữ liệu cá nhân',
      file: 'content/privacy/bao-ve-du-lieu.mdx',
      fields: [
        line('title', 'Tiêu đề', 'Tiêu đề trang, ví dụ: Bảo vệ dữ liệu cá nhân.'),
        lines('description', 'Mô tả', 'Một hai câu tóm tắt, hiện trong kết quả tìm kiếm.'),
        {
          name: 'updated',
          label: 'Ngày cập nhật',
          widget: 'datetime',
          format: 'YYYY-MM-DD',
          time_format: false,
          hint: 'Đổi ngày này mỗi khi sửa nội dung; trang ghi "Cập nhật ngày …".',
        },
        {
          name: 'body',
          label: 'Nội dung',
          widget: 'markdown',
          modes: ['rich_text', 'raw'],
          buttons: ['bold', 'italic', 'link', 'heading-two', 'bulleted-list'],
          editor_components: [],
          hint: 'Viết dễ hiểu cho người dân: ai chịu trách nhiệm, thu thông tin gì, để làm gì, ai được xem, quyền của người dân và cách thực hiện, khi bị lộ thông tin. Thời hạn lưu giữ và địa chỉ liên hệ được trang tự thêm vào cuối.',
        },
      ],
    },
  ],
};

export const retentionCollection: FilesCollection = {
  name: 'retention',
  label: 'Thời hạn lưu giữ',
  description:
    'Sau bao lâu thông tin cá nhân trong hồ sơ được xóa; trang Bảo vệ dữ liệu cá nhân hiện các thời hạn này.',
  files: [
    {
      name: 'retention',
      label: 'Thời hạn lưu giữ thông tin cá nhân',
      file: 'content/privacy/retention.json',
      fields: [
        months(
          'notChosenMonths',
          'Hồ sơ không được chọn (tháng)',
          'Số tháng giữ thông tin cá nhân sau hạn chót của đợt cuối, với hồ sơ không được chọn, đang chờ hoặc không hợp lệ.',
        ),
        months(
          'chosenMonths',
          'Hồ sơ được chọn (tháng)',
          'Số tháng giữ thông tin cá nhân của hồ sơ được chọn xây dựng sản phẩm OCOP, để theo dõi và công nhận lại.',
        ),
        {
          name: 'backupDays',
          label: 'Giữ bản sao lưu (ngày)',
          widget: 'number',
          value_type: 'int',
          min: 1,
          max: 3650,
          step: 1,
          hint: 'Bằng số ngày trong dòng cron sao lưu (docs/operations.md); thông tin đã xóa hết hẳn khỏi bản sao lưu sau thời gian này.',
        },
      ],
    },
  ],
};
