/**
 * A notice (công văn) as a Vietnamese administrative document, with the parts
 * named by Nghị định 30/2020/NĐ-CP. The body is the MDX file's content.
 */
import { z } from 'zod';

/** Quốc hiệu and tiêu ngữ, fixed by law and printed on every administrative document. */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

export const noticeSchema = z.object({
  /** Short title for the browser tab and lists: "Đăng ký xây dựng sản phẩm OCOP năm 2024". */
  title: z.string().min(1),
  /** One or two sentences for search results and link previews. */
  description: z.string().min(1),
  /** The issuing body's parent authority (cơ quan chủ quản), if printed; blank when the document prints none. */
  issuerParent: z.string().default(''),
  /** The issuing body as printed, one line per line: "ỦY BAN NHÂN DÂN\nXÃ …". */
  issuer: z.string().min(1),
  /** The number, which may be blank on a draft or a copy: "" in "Số: /UBND-NN". */
  number: z.string().default(''),
  /** The symbol after the slash: "UBND-NN". */
  symbol: z.string().min(1),
  /** Place as written before the date, as on the document. */
  place: z.string().min(1),
  /** Date as written, blanks kept: "ngày tháng 3 năm 2024". */
  dateText: z.string().min(1),
  /** A sortable date for the notice (YYYY-MM-DD). */
  date: z.coerce.date(),
  /** Subject line ("V/v …") as printed, line breaks kept. */
  subject: z.string().min(1),
  /** "Kính gửi": the recipients, one per item. */
  recipients: z.array(z.string().min(1)).min(1),
  /** "Nơi nhận": where copies go, one per item. */
  copiesTo: z.array(z.string().min(1)).default([]),
  /** Signature block: the authority line ("KT. CHỦ TỊCH"), the signer's title and name. */
  signature: z.object({
    /** "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"; blank when the head signs. */
    authority: z.string().default(''),
    /** "PHÓ CHỦ TỊCH". */
    title: z.string().min(1),
    /** "Trịnh Anh". */
    name: z.string().min(1),
  }),
});

export type Notice = z.infer<typeof noticeSchema>;

/** "Số: /UBND-NN", the number blank when it is. */
export function noticeNumberLine(n: Pick<Notice, 'number' | 'symbol'>): string {
  return `Số: ${n.number}/${n.symbol}`;
}
