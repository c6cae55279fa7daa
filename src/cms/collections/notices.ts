/** The notices (công văn): MDX files whose front matter follows src/domain/notice.ts. */
import { line, lines, textList, type FolderCollection } from '../fields.ts';

export const noticesCollection: FolderCollection = {
  name: 'notices',
  label: 'Công văn',
  label_singular: 'công văn',
  description:
    'Công văn thông báo đăng ký sản phẩm OCOP, trình bày như bản giấy (Nghị định 30/2020/NĐ-CP).',
  folder: 'content/notices',
  extension: 'mdx',
  format: 'frontmatter',
  identifier_field: 'title',
  slug: '{{title}}',
  create: true,
  delete: false,
  summary: '{{title}} ({{date}})',
  sortable_fields: ['date', 'title'],
  fields: [
    line(
      'title',
      'Tiêu đề ngắn',
      'Hiện trên thẻ trình duyệt và trong danh sách, ví dụ: Đăng ký xây dựng sản phẩm OCOP năm 2024.',
    ),
    lines(
      'description',
      'Mô tả',
      'Một hai câu tóm tắt, hiện trong kết quả tìm kiếm và khi chia sẻ liên kết.',
    ),
    line(
      'issuerParent',
      'Cơ quan chủ quản',
      'Dòng trên tên cơ quan ban hành, nếu có, ví dụ: ỦY BAN NHÂN DÂN TỈNH …. Để trống nếu văn bản không ghi.',
      { required: false, default: '' },
    ),
    lines(
      'issuer',
      'Cơ quan ban hành',
      'Viết như trên văn bản, mỗi dòng một dòng, ví dụ: ỦY BAN NHÂN DÂN ↵ XÃ ….',
    ),
    line('number', 'Số văn bản', 'Phần số trước dấu gạch chéo. Để trống nếu văn bản chưa có số.', {
      required: false,
      default: '',
    }),
    line('symbol', 'Ký hiệu', 'Phần sau dấu gạch chéo, ví dụ: UBND-NN.'),
    line(
      'place',
      'Địa danh',
      'Viết trước ngày tháng: tên địa danh nơi ban hành, như trên văn bản.',
    ),
    line(
      'dateText',
      'Ngày tháng (như trên văn bản)',
      'Giữ nguyên chỗ trống nếu văn bản để trống, ví dụ: ngày    tháng 3 năm 2024.',
    ),
    {
      name: 'date',
      label: 'Ngày văn bản (để sắp xếp)',
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      // No time: the browser's date input.
      time_format: false,
      hint: 'Ngày dùng để sắp xếp các công văn, công văn mới nhất hiện trên trang chủ.',
    },
    lines('subject', 'Trích yếu', 'Dòng "V/v …" dưới số văn bản, xuống dòng như trên văn bản.'),
    textList(
      'recipients',
      'Kính gửi',
      'nơi nhận',
      'Mỗi mục một cơ quan hoặc đối tượng, kể cả dấu chấm phẩy cuối dòng như trên văn bản.',
      { min: 1 },
    ),
    textList(
      'copiesTo',
      'Nơi nhận (lưu, báo cáo)',
      'nơi nhận',
      'Danh sách "Nơi nhận" ở cuối văn bản, mỗi mục một dòng.',
      { required: false, default: [] },
    ),
    {
      name: 'signature',
      label: 'Chữ ký',
      widget: 'object',
      collapsed: false,
      hint: 'Khối chữ ký ở cuối văn bản.',
      fields: [
        line(
          'authority',
          'Quyền hạn ký',
          'Ví dụ: KT. CHỦ TỊCH, TM. ỦY BAN NHÂN DÂN. Để trống khi người đứng đầu ký.',
          { required: false, default: '' },
        ),
        line('title', 'Chức vụ người ký', 'Ví dụ: PHÓ CHỦ TỊCH.'),
        line('name', 'Họ và tên người ký', 'Ví dụ: Trịnh Anh.'),
      ],
    },
    {
      name: 'body',
      label: 'Nội dung công văn',
      widget: 'markdown',
      modes: ['rich_text', 'raw'],
      buttons: [
        'bold',
        'italic',
        'link',
        'heading-three',
        'bulleted-list',
        'numbered-list',
        'quote',
      ],
      editor_components: [],
      hint: 'Phần thân văn bản, từ "Căn cứ…" đến hết. Chữ đậm dùng cho các mục 1, 2, 3…',
    },
  ],
};
