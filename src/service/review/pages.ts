/** The review UI's pages as HTML strings; every value from storage or the request goes through esc(). */
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { STATUSES } from '../../domain/status.ts';
import type { SiteContent } from '../../lib/content-files.ts';
import type { Account } from '../accounts.ts';
import { roundLabel } from '../deps.ts';
import { NEXT_ROUND_VALUE, queryString } from '../filters.ts';
import { esc } from '../html.ts';
import type { StatusChange, StoredRegistration } from '../store.ts';
import { communeName, labelOf, stageLabel, statusLabel, when } from './labels.ts';
import { hiddenCsrf, reviewPage, UI } from './layout.ts';

export interface Viewer {
  account: Account;
  csrf: string;
  content: SiteContent;
}

const frame = (v: Viewer, title: string, body: string) =>
  reviewPage({ title, account: v.account, csrf: v.csrf, communeName: v.account.commune ? communeName(v.content, v.account.commune) : undefined, body });

export function signInPage(opts: { csrf: string; name?: string; error?: string; next?: string }): string {
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

function select(name: string, label: string, options: [string, string][], selected: string | undefined, all = 'Tất cả'): string {
  const opts = [['', all] as [string, string], ...options]
    .map(([value, text]) => `<option value="${esc(value)}"${value === (selected ?? '') ? ' selected' : ''}>${esc(text)}</option>`)
    .join('');
  return `<div><label for="loc-${name}">${esc(label)}</label><select id="loc-${name}" name="${name}">${opts}</select></div>`;
}

export interface ListView {
  records: StoredRegistration[];
  total: number;
  page: number;
  pages: number;
  query: Record<string, string>;
}

export function listPage(v: Viewer, list: ListView): string {
  const { content } = v;
  const communeFilter = v.account.commune
    ? ''
    : select('commune', 'Xã', content.communes.map((c) => [c.slug, c.name]), list.query.commune);
  const rounds: [string, string][] = [...content.rounds.map((r) => [r.slug, r.label] as [string, string]), [NEXT_ROUND_VALUE, roundLabel(content, null)]];
  const rows = list.records
    .map(
      (r) => `<tr><td><a href="${UI}ho-so/${esc(r.receipt)}">${esc(r.receipt)}</a></td><td>${esc(when(r.submittedAt))}</td>
<td>${esc(communeName(content, r.commune))}</td><td>${esc(r.productName)}</td><td>${esc(r.producerName)}</td>
<td>${esc(roundLabel(content, r.round))}</td><td><span class="status" data-status="${esc(r.status)}">${esc(statusLabel(r.status))}</span></td></tr>`,
    )
    .join('\n');
  const pager =
    list.pages > 1
      ? `<p>Trang ${list.page}/${list.pages}${list.page > 1 ? ` · <a href="${UI}${esc(queryString({ ...list.query, trang: String(list.page - 1) }))}">Trang trước</a>` : ''}${list.page < list.pages ? ` · <a href="${UI}${esc(queryString({ ...list.query, trang: String(list.page + 1) }))}">Trang sau</a>` : ''}</p>`
      : '';
  return frame(
    v,
    'Danh sách đăng ký',
    `<h1>Danh sách đăng ký</h1>
<form method="get" action="${UI}" class="filters">
${communeFilter}
${select('round', 'Đợt', rounds, list.query.round)}
${select('status', 'Trạng thái', Object.entries(STATUSES), list.query.status)}
<div><button class="primary" type="submit">Lọc</button></div>
</form>
<p>${list.total} hồ sơ. <a href="/api/registrations.csv${esc(queryString(list.query))}" download>Tải tệp CSV (theo bộ lọc này)</a></p>
${
  list.total === 0
    ? '<p>Chưa có hồ sơ nào khớp bộ lọc.</p>'
    : `<div class="table-wrap"><table>
<thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Thời điểm gửi</th><th scope="col">Xã</th><th scope="col">Sản phẩm</th><th scope="col">Người sản xuất</th><th scope="col">Đợt</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
}
${pager}`,
  );
}

export function detailPage(v: Viewer, r: StoredRegistration, history: StatusChange[], opts: { saved?: boolean; error?: string } = {}): string {
  const { content } = v;
  const fields: [string, string][] = [
    ['Mã hồ sơ', r.receipt],
    ['Thời điểm gửi', when(r.submittedAt)],
    ['Đợt', roundLabel(content, r.round)],
    ['Trạng thái', statusLabel(r.status)],
    ['Thời điểm rà soát', when(r.reviewedAt) || 'Chưa rà soát'],
    ['Ghi chú rà soát', r.reviewNote],
    [F.producerName.label, r.producerName],
    [F.producerType.label, labelOf(content.producerTypes, r.producerType)],
    [F.representative.label, r.representative],
    [F.phone.label, r.phone],
    [F.email.label, r.email],
    [F.commune.label, communeName(content, r.commune)],
    [F.address.label, r.address],
    [F.businessId.label, r.businessId],
    [F.productName.label, r.productName],
    [F.productGroup.label, labelOf(content.productGroups, r.productGroup)],
    [F.productStage.label, stageLabel(r.productStage)],
    [F.description.label, r.description],
    [F.supportNeeds.label, r.supportNeeds.join('\n')],
    ['Đồng ý công khai tên', r.consentPublishName ? 'Có' : 'Không'],
  ];
  const dl = fields.map(([k, val]) => `<dt>${esc(k)}</dt><dd>${esc(val) || '—'}</dd>`).join('\n');
  const statusOptions = Object.entries(STATUSES)
    .map(([value, text]) => `<option value="${esc(value)}"${value === r.status ? ' selected' : ''}>${esc(text)}</option>`)
    .join('');
  const historyRows = history
    .map((h) => `<tr><td>${esc(when(h.at))}</td><td>${esc(h.account)}</td><td>${esc(statusLabel(h.status))}</td><td>${esc(h.note)}</td></tr>`)
    .join('\n');
  return frame(
    v,
    `Hồ sơ ${r.receipt}`,
    `<p><a href="${UI}">← Danh sách</a></p>
<h1>Hồ sơ ${esc(r.receipt)}: ${esc(r.productName)}</h1>
${opts.saved ? '<p class="ok" role="status">Đã lưu trạng thái.</p>' : ''}
${opts.error ? `<p class="error" role="alert">${esc(opts.error)}</p>` : ''}
${r.honeypot ? '<p class="error">Hồ sơ này bị đánh dấu là thư rác tự động (ô ẩn chống thư rác đã được điền).</p>' : ''}
<dl class="fields">
${dl}
</dl>
<h2>Rà soát</h2>
<form method="post" action="${UI}ho-so/${esc(r.receipt)}">
${hiddenCsrf(v.csrf)}
<label for="trang-thai">Trạng thái</label>
<select id="trang-thai" name="status">${statusOptions}</select>
<label for="ghi-chu">Ghi chú rà soát</label>
<textarea id="ghi-chu" name="note" maxlength="2000">${esc(r.reviewNote)}</textarea>
<div><button class="primary" type="submit">Lưu trạng thái</button></div>
</form>
${history.length ? `<h2>Lịch sử rà soát</h2><div class="table-wrap"><table><thead><tr><th scope="col">Thời điểm</th><th scope="col">Người rà soát</th><th scope="col">Trạng thái</th><th scope="col">Ghi chú</th></tr></thead><tbody>${historyRows}</tbody></table></div>` : ''}`,
  );
}

export function problemPage(title: string, message: string, v?: Viewer): string {
  const body = `<h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${UI}">Về danh sách</a></p>`;
  return v ? frame(v, title, body) : reviewPage({ title, body });
}
