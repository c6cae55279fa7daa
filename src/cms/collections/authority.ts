/**
 * The authority as editors see it: one file (content/authority/co-quan.json) with every word the
 * site says about who runs it. A new authority (a commune after 2025, a province) changes this file
 * and its units; no code changes. Field names match src/domain/authority.ts (checked by a test).
 * The home page's text (content/authority/trang-chu.mdx) is its own collection, with the boxes it
 * places (src/domain/home-page.ts) offered as editor components (src/cms/admin/home-blocks.js).
 */
import { HOME_BLOCKS, blockText } from '../../domain/home-page.ts';
import { line, lines, type CmsField, type FilesCollection } from '../fields.ts';

const group = (name: string, label: string, hint: string, fields: CmsField[]): CmsField => ({
  name,
  label,
  widget: 'object',
  hint,
  collapsed: false,
  fields,
});

export const authorityCollection: FilesCollection = {
  name: 'authority',
  label: 'Cơ quan chủ trì',
  description:
    'Tên cơ quan tổ chức đăng ký OCOP và mọi lời giới thiệu trên trang: tiêu đề, chân trang, lời đồng ý, dữ liệu mở, lịch. Lời trên trang chủ ở mục "Trang chủ".',
  files: [
    {
      name: 'co-quan',
      label: 'Cơ quan chủ trì',
      file: 'content/authority/co-quan.json',
      fields: [
        line('name', 'Tên đầy đủ', 'Như đầu văn bản, ví dụ: Ủy ban nhân dân xã ….'),
        line(
          'shortName',
          'Tên ngắn',
          'Dùng trong câu và trong lời đồng ý xử lý thông tin (cơ quan xử lý dữ liệu), ví dụ: UBND xã ….',
        ),
        line(
          'parent',
          'Cơ quan cấp trên',
          'Không bắt buộc, ví dụ: Ủy ban nhân dân tỉnh …. Để trống nếu không cần ghi.',
          { required: false, default: '' },
        ),
        line('area', 'Địa bàn', 'Viết như sau chữ "của": huyện …, xã …, tỉnh ….'),
        line('province', 'Tỉnh', 'Ví dụ: tỉnh ….'),
        line('brand', 'Dòng tên ở đầu trang', 'Ví dụ: OCOP xã ….'),
        line(
          'titleSuffix',
          'Đuôi tiêu đề trang',
          'Hiện sau dấu | trên thẻ trình duyệt, ngắn gọn, ví dụ: OCOP ….',
        ),
        lines('footer', 'Chân trang', 'Một dòng ở cuối mọi trang.'),
        line(
          'unitWord',
          'Tên gọi địa bàn đăng ký',
          'Viết thường: xã, phường, thôn, bon… Hiện trên mẫu đăng ký ("Chọn thôn") và lời báo lỗi. Mỗi đợt đăng ký có thể đặt tên gọi riêng.',
        ),
        line(
          'unitOffice',
          'Nơi nhận đăng ký ở từng địa bàn',
          'Viết trước tên địa bàn trên trang Liên hệ, ví dụ: Ủy ban nhân dân xã. Để trống nếu các địa bàn không nhận đăng ký trực tiếp.',
          { required: false, default: '' },
        ),
        lines(
          'inPerson',
          'Đăng ký trực tiếp (trên trang Đăng ký)',
          'Một câu cạnh số điện thoại hỗ trợ trên trang Đăng ký, ví dụ: Hoặc đến nhà văn hoá thôn nơi bạn sản xuất. Lời trên trang chủ sửa ở mục "Trang chủ".',
        ),
        group(
          'consent',
          'Lời đồng ý trên mẫu đăng ký',
          'Viết {co-quan} ở chỗ tên cơ quan xử lý thông tin; trang tự thay bằng tên ngắn ở trên.',
          [
            lines(
              'processing',
              'Đồng ý xử lý thông tin',
              'Bắt buộc tích mới gửi được, ví dụ: Tôi đồng ý cho {co-quan} xử lý thông tin trên để xét chọn sản phẩm OCOP.',
            ),
            lines(
              'publishName',
              'Đồng ý công khai tên',
              'Không bắt buộc tích; chỉ khi tích thì tên chủ thể mới hiện trong danh sách.',
            ),
          ],
        ),
        group(
          'openData',
          'Dữ liệu mở',
          'Tên và mô tả của bộ dữ liệu danh sách sản phẩm (datapackage.json).',
          [
            line(
              'title',
              'Tên bộ dữ liệu',
              'Ví dụ: Danh sách sản phẩm được chọn xây dựng sản phẩm OCOP, xã ….',
            ),
            lines(
              'description',
              'Mô tả',
              'Ai chọn, theo địa bàn nào, tên chủ thể công khai khi nào.',
            ),
          ],
        ),
        line(
          'calendarName',
          'Tên lịch hạn đăng ký',
          'Tên điện thoại hiện khi người dân thêm lịch hạn đăng ký, ví dụ: Hạn đăng ký OCOP ….',
        ),
      ],
    },
  ],
};

/** The editor-component id of a home box: its tag (registered by src/cms/admin/home-blocks.js). */
export const homeBlockIds = HOME_BLOCKS.map((b) => b.tag);

export const homeCollection: FilesCollection = {
  name: 'home',
  label: 'Trang chủ',
  format: 'frontmatter',
  description:
    'Lời trên trang chủ: tiêu đề, đoạn mở đầu, ai được đăng ký, cách đăng ký; các khung hạn đăng ký, liên hệ, nút đăng ký do trang tự điền.',
  files: [
    {
      name: 'trang-chu',
      label: 'Trang chủ',
      file: 'content/authority/trang-chu.mdx',
      fields: [
        line('title', 'Tiêu đề', 'Dòng chữ lớn đầu trang, ví dụ: Đăng ký sản phẩm OCOP xã ….'),
        lines('description', 'Mô tả ngắn', 'Một câu cho kết quả tìm kiếm và khi chia sẻ liên kết.'),
        {
          name: 'body',
          label: 'Nội dung trang chủ',
          widget: 'markdown',
          modes: ['rich_text', 'raw'],
          buttons: ['bold', 'italic', 'link', 'heading-two', 'bulleted-list', 'numbered-list'],
          editor_components: homeBlockIds,
          hint: `Đoạn đầu tiên hiện chữ to hơn (lời mời đăng ký). Đề mục dùng "Tiêu đề 2". Chèn các khung trang tự điền bằng nút "+" (Thêm thành phần); ở chế độ Markdown, mỗi khung là một thẻ viết riêng một dòng: ${HOME_BLOCKS.map((b) => `${blockText(b.tag)} (${b.label}: ${b.shows})`).join('; ')}. Không viết ngày hạn, địa chỉ hay số điện thoại vào lời: các khung lấy từ mục Đợt đăng ký và Liên hệ.`,
        },
      ],
    },
  ],
};
