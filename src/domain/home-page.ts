/**
 * The home page's wording as content: an MDX file (content/authority/trang-chu.mdx) whose front
 * matter gives the heading and the description, and whose text places the boxes the site fills in
 * from the rest of content/ (the current campaign's rounds, the receiving office, the notice…) with
 * a tag on its own line, `<RoundDeadlines />`, or inside a sentence, `Hoặc đến <ReceivingOffice />.` The editor writes every sentence; the boxes keep the
 * dates, addresses and links in one place each. The CMS offers the same boxes as editor components.
 */
import { z } from 'zod';

export const homePageSchema = z.object({
  /** The home page's heading (h1): "Đăng ký sản phẩm OCOP xã …". */
  title: z.string().trim().min(1),
  /** The description search engines and link previews show. */
  description: z.string().trim().min(1),
});

export type HomePage = z.infer<typeof homePageSchema>;

/** A box the home text may place, by its tag; what the editor reads in the CMS. */
export interface HomeBlock {
  /** The MDX tag: `<RoundDeadlines />`. */
  tag: string;
  /** A block stands alone on its line; an inline box sits inside a sentence ("Hoặc đến <ReceivingOffice />."). */
  inline: boolean;
  /** Its name in the CMS's "+" menu. */
  label: string;
  /** What it shows, for the CMS hint, the preview and the editor guide. */
  shows: string;
}

export const HOME_BLOCKS = [
  {
    tag: 'RoundDeadlines',
    inline: false,
    label: 'Hạn đăng ký các đợt',
    shows:
      'các đợt của đợt đăng ký hiện tại, hạn, ngày cuối nhận và tình trạng (đang nhận, sắp hết hạn, đã hết hạn), liên kết thêm hạn vào lịch điện thoại, câu "đăng ký sau hạn vẫn được nhận"',
  },
  {
    tag: 'RegisterButton',
    inline: false,
    label: 'Nút Đăng ký trực tuyến',
    shows: 'nút lớn dẫn đến mẫu đăng ký',
  },
  {
    tag: 'ContactBox',
    inline: false,
    label: 'Nơi nhận đăng ký (liên hệ)',
    shows: 'tên, địa chỉ và số điện thoại của cơ quan nhận đăng ký (mục Liên hệ)',
  },
  {
    tag: 'ReceivingOffice',
    inline: true,
    label: 'Tên và địa chỉ nơi nhận đăng ký (trong câu)',
    shows:
      'tên cơ quan nhận đăng ký (chữ đậm) và địa chỉ, trong câu, ví dụ: Hoặc đến <ReceivingOffice />.',
  },
  {
    tag: 'NoticeLink',
    inline: false,
    label: 'Liên kết công văn',
    shows: 'liên kết đến toàn văn công văn của đợt đăng ký hiện tại',
  },
  {
    tag: 'MoreLinks',
    inline: false,
    label: 'Liên kết danh sách, lưu trữ, tra cứu',
    shows:
      'liên kết đến danh sách sản phẩm được chọn, các đợt đăng ký trước (nếu có) và trang tra cứu hồ sơ',
  },
] as const satisfies readonly HomeBlock[];

export type HomeBlockTag = (typeof HOME_BLOCKS)[number]['tag'];

/** The tag as the editor writes it, alone on its line. */
export const blockText = (tag: string) => `<${tag} />`;

/**
 * Component tags in the text that the page does not know (a typo, a tag from another site), in the
 * order they appear; the build stops with their names rather than MDX's own English error.
 */
export function unknownHomeTags(body: string): string[] {
  const known = new Set<string>(HOME_BLOCKS.map((b) => b.tag));
  const found = [...body.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1]!);
  return [...new Set(found.filter((t) => !known.has(t)))];
}

/**
 * What is wrong with the home text's boxes, in Vietnamese (null: nothing): said by the build and
 * by the CMS server when the text is saved, so a misspelt box is refused before it stops a build.
 */
export function homeTagsProblem(body: string): string | null {
  const unknown = unknownHomeTags(body);
  if (unknown.length === 0) return null;
  const known = HOME_BLOCKS.map((b) => b.tag).join(', ');
  return `trang chủ có khung không có: ${unknown.map(blockText).join(', ')}. Các khung dùng được: ${known}.`;
}
