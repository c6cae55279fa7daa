/**
 * The staff digest as an e-mail: plain text and HTML, in Vietnamese, listing each new registration
 * by receipt, time, unit and product name with a link to it in the review UI. Nothing personal: no
 * producer, representative, phone or address (the link leads to them, behind sign-in).
 */
import { formatDateTimeVn } from '../../domain/time.ts';
import { esc } from '../http/html.ts';

export interface DigestItem {
  receipt: string;
  /** ISO 8601 with +07:00. */
  submittedAt: string;
  unitName: string;
  productName: string;
}

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

export function digestMail(opts: {
  account: string;
  scope: string | null;
  items: readonly DigestItem[];
  siteUrl: string;
  everyMinutes: number;
}): DigestMail {
  const { items } = opts;
  const link = (path: string) => new URL(path, opts.siteUrl).href;
  const where = opts.scope ? ` (${opts.scope})` : '';
  const subject = `[OCOP] ${items.length} đăng ký mới${where}`;
  const intro = `Có ${items.length} đăng ký sản phẩm OCOP mới${where} kể từ thư thông báo trước.`;
  const footer = `Thư gửi tự động từ cổng đăng ký OCOP cho tài khoản ${opts.account}${opts.everyMinutes > 0 ? `, nhiều nhất một thư mỗi ${formatMinutes(opts.everyMinutes)}` : ''}, chỉ khi có đăng ký mới. Muốn ngừng nhận thư, hãy báo người quản trị hệ thống.`;
  const text = [
    `Chào ${opts.account},`,
    '',
    intro,
    '',
    ...items.flatMap((i) => [
      `- ${i.receipt} · ${formatDateTimeVn(new Date(i.submittedAt))} · ${i.unitName} · ${i.productName}`,
      `  ${link(`/quan-ly/ho-so/${i.receipt}`)}`,
    ]),
    '',
    `Xem và rà soát tất cả: ${link('/quan-ly/')}`,
    '',
    '-- ',
    footer,
    '',
  ].join('\n');
  const rows = items
    .map(
      (i) =>
        `<tr><td><a href="${esc(link(`/quan-ly/ho-so/${i.receipt}`))}">${esc(i.receipt)}</a></td><td>${esc(formatDateTimeVn(new Date(i.submittedAt)))}</td><td>${esc(i.unitName)}</td><td>${esc(i.productName)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>${esc(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1b1b1b">
<p>Chào ${esc(opts.account)},</p>
<p>${esc(intro)}</p>
<table cellpadding="6" style="border-collapse:collapse" border="1">
<thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Thời điểm gửi</th><th scope="col">Đơn vị</th><th scope="col">Sản phẩm</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p><a href="${esc(link('/quan-ly/'))}">Xem và rà soát tất cả</a></p>
<p style="color:#555;font-size:.9em">${esc(footer)}</p>
</body></html>
`;
  return { subject, text, html };
}

function formatMinutes(minutes: number): string {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes / 60} giờ`;
  return `${Math.round(minutes * 10) / 10} phút`;
}
