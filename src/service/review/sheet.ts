/**
 * /quan-ly/ho-so/RECEIPT/phieu: the registration as a printable A4 form
 * (phiếu đăng ký) for the producer to check and sign at the office. Staff
 * only, held to the account's unit like the registration's page, and logged
 * as a view (it shows personal data). No script: the browser's own print
 * (Ctrl+P, "Lưu dưới dạng PDF") prints it, with the review UI's print rules.
 */
import type { Hono } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { sheetFrameHtml, sheetRowsHtml } from '../../forms/sheet.ts';
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
  return sheetFrameHtml({
    authorityName: authority.name,
    authorityParent: authority.parent,
    metaHtml: `Mã hồ sơ: <strong>${esc(r.receipt)}</strong> · Gửi lúc: ${esc(when(r.submittedAt))} · Đợt: ${esc(roundLabel(content, r.round))}`,
    rowsHtml: sheetRowsHtml(rows),
    heading: 'h1',
  });
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
