/**
 * The authority as editors see it: one file (content/authority/co-quan.json) with every word the
 * site says about who runs it. A new authority (a commune after 2025, a province) changes this file
 * and its units; no code changes. Field names match src/domain/authority.ts (checked by a test).
 */
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
    'Tên cơ quan tổ chức đăng ký OCOP và mọi lời giới thiệu trên trang: tiêu đề, chân trang, trang chủ, lời đồng ý, dữ liệu mở, lịch.',
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
        group(
          'home',
          'Trang chủ',
          'Lời trên trang chủ. Hạn đăng ký, nơi liên hệ và công văn được thêm tự động.',
          [
            line(
              'heading',
              'Tiêu đề',
              'Dòng chữ lớn đầu trang, ví dụ: Đăng ký sản phẩm OCOP xã ….',
            ),
            lines(
              'description',
              'Mô tả ngắn',
              'Một câu cho kết quả tìm kiếm và khi chia sẻ liên kết.',
            ),
            lines('lead', 'Đoạn mở đầu', 'Ai mời đăng ký, đăng ký để làm gì.'),
            lines(
              'whoMayRegister',
              'Ai được đăng ký',
              'Loại chủ thể, nơi sản xuất, loại sản phẩm.',
            ),
            lines(
              'inPerson',
              'Đăng ký trực tiếp',
              'Một câu về nơi đăng ký trực tiếp ngoài cơ quan nhận đăng ký, ví dụ: Hoặc đến nhà văn hoá thôn nơi bạn sản xuất.',
            ),
          ],
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
