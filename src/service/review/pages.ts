/** The review UI's pages as HTML strings; every value from storage or the request goes through esc(). */
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { MAX_PUBLIC_NOTE_LENGTH, NEEDS_MORE_STATUS, STATUSES } from '../../domain/status.ts';
import type { SiteContent } from '../../domain/content-files-node.ts';
import type { Account } from '../storage/accounts.ts';
import { roundLabel } from '../deps.ts';
import { esc } from '../http/html.ts';
import type { StatusChange, StoredRegistration } from '../storage/store.ts';
import { communeName, filledInRows, statusLabel, when } from './labels.ts';
import { rightsSection } from './rights.ts';
import { hiddenCsrf, reviewPage, UI } from './layout.ts';

export interface Viewer {
  account: Account;
  csrf: string;
  content: SiteContent;
}

export const frame = (v: Viewer, title: string, body: string) =>
  reviewPage({
    title,
    account: v.account,
    csrf: v.csrf,
    communeName: v.account.commune ? communeName(v.content, v.account.commune) : undefined,
    body,
  });

export function signInPage(opts: {
  csrf: string;
  name?: string;
  error?: string;
  next?: string;
}): string {
  const error = opts.error ? `<p class="error" role="alert">${esc(opts.error)}</p>` : '';
  return reviewPage({
    title: 'Đăng nhập',
    body: `<h1>Đăng nhập quản lý đăng ký</h1>
${error}
<form method="post" action="${UI}dang-nhap${opts.next ? `?tiep=${esc(encodeURIComponent(opts.next))}` : ''}">
${hiddenCsrf(opts.csrf)}
<label for="ten">Tên tài khoản</label>
<input type="text" id="ten" name="name" autocomplete="username" required value="${esc(opts.name ?? '')}">
<label for="mat-khau">Mật khẩu</label>
<input type="password" id="mat-khau" name="password" autocomplete="current-password" required>
<div><button class="primary" type="submit">Đăng nhập</button></div>
</form>`,
  });
}

export function detailPage(
  v: Viewer,
  r: StoredRegistration,
  history: StatusChange[],
  opts: {
    saved?: string;
    error?: string;
    typed?: { status: string; note: string; publicNote: string };
    dossier?: string;
  } = {},
): string {
  const { content } = v;
  // Values are text, except the phone and e-mail: links that call or write from a phone.
  const fields: [string, string | { html: string }][] = [
    ['Mã hồ sơ', r.receipt],
    ['Thời điểm gửi', when(r.submittedAt)],
    ['Đợt', roundLabel(content, r.round)],
    ['Trạng thái', statusLabel(r.status)],
    ['Thời điểm rà soát', when(r.reviewedAt) || 'Chưa rà soát'],
    ['Ghi chú rà soát', r.reviewNote],
    ...(r.status === NEEDS_MORE_STATUS
      ? [['Lý do cần bổ sung (người đăng ký thấy)', r.publicNote ?? ''] as [string, string]]
      : []),
    // Phone and e-mail as links that call or write from a phone.
    ...filledInRows(content, r).map(([k, v]): [string, string | { html: string }] =>
      k === F.phone.label && v
        ? [k, { html: `<a href="tel:${esc(v)}">${esc(spacedPhone(v))}</a>` }]
        : k === F.email.label && v
          ? [k, { html: `<a href="mailto:${esc(v)}">${esc(v)}</a>` }]
          : [k, v],
    ),
    ['Thời điểm đồng ý', when(r.consentAt ?? null)],
    ['Phiên bản nội dung đồng ý', r.consentVersion ?? ''],
  ];
  const dl = fields
    .map(
      ([k, val]) =>
        `<dt>${esc(k)}</dt><dd>${(typeof val === 'string' ? esc(val) : val.html) || '—'}</dd>`,
    )
    .join('\n');
  // Short enough that both buttons share one row at 360 px; the dialer shows the number.
  const call = r.phone
    ? `<a class="button" href="tel:${esc(r.phone)}" aria-label="Gọi điện ${esc(spacedPhone(r.phone))}">Gọi điện</a>`
    : '';
  const typed = opts.typed ?? {
    status: r.status,
    note: r.reviewNote,
    publicNote: r.publicNote ?? '',
  };
  const statusOptions = Object.entries(STATUSES)
    .map(
      ([value, text]) =>
        `<option value="${esc(value)}"${value === typed.status ? ' selected' : ''}>${esc(text)}</option>`,
    )
    .join('');
  const historyRows = history
    .map(
      (h) =>
        `<tr><td>${esc(when(h.at))}</td><td>${esc(h.account)}</td><td>${esc(statusLabel(h.status))}</td><td>${esc(h.note)}</td></tr>`,
    )
    .join('\n');
  return frame(
    v,
    `Hồ sơ ${r.receipt}`,
    `<p><a href="${UI}">← Danh sách</a></p>
<h1>Hồ sơ ${esc(r.receipt)}: ${esc(r.productName)}</h1>
${opts.saved ? `<p class="ok" role="status">${esc(opts.saved)}</p>` : ''}
${opts.error ? `<p class="error" role="alert">${esc(opts.error)}</p>` : ''}
${r.honeypot ? '<p class="error">Hồ sơ này bị đánh dấu là thư rác tự động (ô ẩn chống thư rác đã được điền).</p>' : ''}
<dl class="fields">
${dl}
</dl>
<p><a href="${UI}ho-so/${esc(r.receipt)}/phieu">In phiếu đăng ký (khổ A4, để người đăng ký ký)</a></p>
<nav class="thumb" aria-label="Thao tác nhanh">${call}<a class="button" href="#ra-soat">Đổi trạng thái</a></nav>
<section id="ra-soat" class="review" aria-labelledby="ra-soat-tieu-de">
<h2 id="ra-soat-tieu-de">Rà soát</h2>
<form method="post" action="${UI}ho-so/${esc(r.receipt)}">
${hiddenCsrf(v.csrf)}
<label for="trang-thai">Trạng thái</label>
<select id="trang-thai" name="status">${statusOptions}</select>
<label for="ghi-chu">Ghi chú rà soát (nội bộ, người đăng ký không thấy)</label>
<textarea id="ghi-chu" name="note" maxlength="2000">${esc(typed.note)}</textarea>
<label for="ly-do-bo-sung">Lý do cần bổ sung (chỉ khi chọn "Cần bổ sung"; người đăng ký thấy khi tra cứu mã hồ sơ)</label>
<textarea id="ly-do-bo-sung" name="publicNote" maxlength="${MAX_PUBLIC_NOTE_LENGTH}">${esc(typed.publicNote)}</textarea>
<div><button class="primary" type="submit">Lưu trạng thái</button></div>
</form>
</section>
${opts.dossier ?? ''}
${rightsSection(r, v.csrf)}
${history.length ? `<h2>Lịch sử rà soát</h2><div class="table-wrap"><table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Người rà soát</th><th scope="col">Trạng thái</th><th scope="col">Ghi chú</th></tr></thead><tbody>${historyRows}</tbody></table></div>` : ''}`,
  );
}

/** "0912 345 678" from the stored ten digits (other lengths as stored), for reading aloud. */
function spacedPhone(phone: string): string {
  return /^\d{10}$/.test(phone)
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : phone;
}

export function problemPage(title: string, message: string, v?: Viewer): string {
  const body = `<h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${UI}">Về danh sách</a></p>`;
  return v ? frame(v, title, body) : reviewPage({ title, body });
}
