/**
 * /quan-ly/ho-so/RECEIPT/phieu: the registration as a printable A4 form
 * (phiếu đăng ký) for the producer to check and sign at the office. Staff
 * only, held to the account's unit like the registration's page, and logged
 * as a view (it shows personal data). No script: the browser's own print
 * (Ctrl+P, "Lưu dưới dạng PDF") prints it, with the review UI's print rules.
 */
import type { Hono } from 'hono';
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../../domain/notice.ts';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { mayAccess } from '../auth.ts';
import { roundLabel, type Deps } from '../deps.ts';
import { esc, page } from '../html.ts';
import { readSessionCookie } from '../session.ts';
import type { StoredRegistration } from '../store.ts';
import { communeName, labelOf, stageLabel, when } from './labels.ts';
import { STYLESHEET, UI } from './layout.ts';
import { problemPage } from './pages.ts';

export function sheetHtml(deps: Deps, r: StoredRegistration): string {
  const { content } = deps;
  const { authority } = content;
  const rows: [string, string][] = [
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
    [F.supportNeeds.label, r.supportNeeds.join('; ')],
    ['Đồng ý công khai tên', r.consentPublishName ? 'Có' : 'Không'],
  ];
  const table = rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v) || '&nbsp;'}</td></tr>`).join('');
  return `<div class="sheet">
<div class="sheet-head"><div>${authority.parent ? `<p>${esc(authority.parent.toUpperCase())}</p>` : ''}<p><strong>${esc(authority.name.toUpperCase())}</strong></p></div>
<div><p><strong>${NATIONAL_TITLE}</strong></p><p><strong>${NATIONAL_MOTTO}</strong></p></div></div>
<h1>PHIẾU ĐĂNG KÝ SẢN PHẨM OCOP</h1>
<p class="sheet-meta">Mã hồ sơ: <strong>${esc(r.receipt)}</strong> · Gửi lúc: ${esc(when(r.submittedAt))} · Đợt: ${esc(roundLabel(content, r.round))}</p>
<table class="sheet-fields"><tbody>${table}</tbody></table>
<p>Tôi xin cam đoan những thông tin trên là đúng sự thật.</p>
<div class="sheet-sign"><div><p>Cán bộ tiếp nhận</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p></div>
<div><p>……………, ngày …… tháng …… năm ……</p><p>Người đăng ký</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p></div></div>
</div>`;
}

export function mountSheetRoute(app: Hono, deps: Deps): void {
  app.get(`${UI}ho-so/:receipt/phieu`, (c) => {
    const session = deps.sessions.get(readSessionCookie(c));
    if (!session) return c.redirect(`${UI}dang-nhap`, 303);
    const v = { account: session.account, csrf: session.csrf, content: deps.content };
    const receipt = normaliseReceipt(c.req.param('receipt'));
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    if (!record) return c.html(problemPage('Không tìm thấy hồ sơ', 'Không có hồ sơ với mã này.', v), 404);
    if (!mayAccess(session.account, record.commune)) return c.html(problemPage('Không tìm thấy hồ sơ', 'Không có hồ sơ với mã này.', v), 404);
    deps.audit.record(session.account.name, 'view', record.receipt, 'in phiếu đăng ký', deps.now());
    const back = `<p class="no-print"><a href="${UI}ho-so/${esc(record.receipt)}">← Hồ sơ ${esc(record.receipt)}</a> · Dùng lệnh In của trình duyệt (Ctrl+P) để in hoặc lưu PDF khổ A4.</p>`;
    return c.html(page({ title: `Phiếu đăng ký ${record.receipt}`, stylesheets: [STYLESHEET], body: `<main id="noi-dung" class="wrap">${back}${sheetHtml(deps, record)}</main>` }));
  });
}

/** Print and sheet rules, appended to the review UI's stylesheet. */
export const SHEET_CSS = `
.sheet{max-width:46rem;margin:1rem auto;color:#000}
.sheet-head{display:flex;justify-content:space-between;gap:1rem;text-align:center;font-size:.9rem}
.sheet-head p{margin:0}
.sheet h1{text-align:center;font-size:1.3rem;margin:1.5rem 0 .5rem}
.sheet-meta{text-align:center}
.sheet-fields{width:100%;border-collapse:collapse;margin:1rem 0}
.sheet-fields th,.sheet-fields td{border:1px solid #000;padding:.35rem .5rem;text-align:left;vertical-align:top}
.sheet-fields th{width:38%;font-weight:600}
.sheet-fields td{white-space:pre-wrap;overflow-wrap:anywhere}
.sheet-sign{display:flex;justify-content:space-between;gap:1rem;text-align:center;margin-top:1.5rem;min-height:8rem}
.sign-hint{font-style:italic;font-size:.9rem}
@page{size:A4;margin:15mm}
@media print{.no-print,header.site,.skip{display:none}body{font-size:11pt}.sheet{margin:0;max-width:none}}
`;
