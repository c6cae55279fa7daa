/**
 * The deadline card (/nhung/han-dang-ky/): a whole, tiny HTML page the authority's own portal shows
 * in an <iframe> — the rounds, how each stands now, and a link to the form. No script, no external
 * asset, styles inline, well under 3 KB gzipped. Framing is allowed for this path only
 * (security-headers.ts). The service renders it at request time so the states are never stale; the
 * static build holds a copy for hosting without the service.
 */
import type { Contact } from '../domain/contact.ts';
import { roundState, roundStateText, sortRounds, type RoundWithSlug } from '../domain/round.ts';
import { formatDateVn, lastDayBefore } from '../domain/time.ts';
import { esc } from './html.ts';

export const CARD_PATH = '/nhung/han-dang-ky/';

export interface CardInput {
  /** The current campaign's title ("Đăng ký sản phẩm OCOP năm 2024"). */
  title: string;
  rounds: readonly RoundWithSlug[];
  contact: Pick<Contact, 'office' | 'phone' | 'phoneE164'>;
  now: Date;
}

const CSS = `body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
.c{border:2px solid #1d5e2f;border-radius:6px;padding:10px 12px;max-width:34em}
h1{font-size:1.05em;margin:0 0 6px;color:#1d5e2f}
ul{list-style:none;margin:0 0 8px;padding:0}li{padding:4px 0;border-top:1px solid #dde5dd}
.s{display:inline-block;font-weight:600;padding:0 6px;border-radius:3px;background:#e8f1e9}
.closed{background:#eee;color:#555}.closing{background:#fff1cc}
a{color:#1d5e2f}.b{display:inline-block;background:#1d5e2f;color:#fff;font-weight:700;padding:6px 12px;border-radius:4px;text-decoration:none;margin-right:8px}
p{margin:6px 0}small{color:#555}`;

/** The card; its links are relative (they resolve against this site inside the frame) and open a new tab. */
export function deadlineCard({ title, rounds, contact, now }: CardInput): string {
  const items = sortRounds(rounds).map((r) => {
    const state = roundState(r, now);
    return `<li><b>${esc(r.label)}</b>: ${esc(r.deadlineText)} <small>(ngày cuối ${esc(formatDateVn(lastDayBefore(new Date(r.deadline))))})</small><br><span class="s ${state.state}">${esc(roundStateText(state))}</span></li>`;
  });
  const allClosed = rounds.every((r) => roundState(r, now).state === 'closed');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Hạn đăng ký sản phẩm OCOP</title>
<meta name="description" content="Các đợt đăng ký sản phẩm OCOP, tình trạng từng đợt và đường dẫn tới mẫu đăng ký trực tuyến.">
<style>${CSS}</style>
</head>
<body>
<div class="c">
<h1>Hạn đăng ký sản phẩm OCOP</h1>
<p>${esc(title)}</p>
<ul>${items.join('')}</ul>
<p>${allClosed ? 'Các đợt đã hết hạn; đăng ký vẫn được nhận và xét ở đợt tiếp theo.' : 'Đăng ký sau hạn vẫn được nhận và xét ở đợt tiếp theo.'}</p>
<p><a class="b" href="/dang-ky/" target="_blank" rel="noopener">Đăng ký trực tuyến</a><a href="/" target="_blank" rel="noopener">Xem công văn</a></p>
<p><small>Hỏi thêm: ${esc(contact.office)}, <a href="tel:${esc(contact.phoneE164)}" target="_top">${esc(contact.phone)}</a>. Cập nhật ${esc(formatDateVn(now))}.</small></p>
</div>
</body>
</html>
`;
}
