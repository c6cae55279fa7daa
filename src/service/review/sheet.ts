/**
 * /quan-ly/ho-so/RECEIPT/phieu: the registration as a printable A4 form
 * (phiếu đăng ký) for the producer to check and sign at the office. Staff
 * only, held to the account's unit like the registration's page, and logged
 * as a view (it shows personal data). No script: the browser's own print
 * (Ctrl+P, "Lưu dưới dạng PDF") prints it, with the review UI's print rules.
 */
import type { Context, Hono } from 'hono';
import { sheetFrameHtml, sheetRowsHtml } from '../../forms/sheet.ts';
import { roundLabel, type Deps } from '../deps.ts';
import { esc, page } from '../http/html.ts';
import type { StoredRegistration } from '../storage/store.ts';
import { filledInRows, when } from './labels.ts';
import { STYLESHEET, UI } from './layout.ts';
import type { Viewer } from './pages.ts';

export function sheetHtml(deps: Deps, r: StoredRegistration): string {
  const { content } = deps;
  const { authority } = content;
  return sheetFrameHtml({
    authorityName: authority.name,
    authorityParent: authority.parent,
    metaHtml: `Mã hồ sơ: <strong>${esc(r.receipt)}</strong> · Gửi lúc: ${esc(when(r.submittedAt))} · Đợt: ${esc(roundLabel(content, r.round))}`,
    rowsHtml: sheetRowsHtml(filledInRows(content, r)),
    heading: 'h1',
  });
}

/** The review UI's start of a registration's page (signed in, unit scope), from routes.ts. */
export type OpenedRegistration = (
  c: Context,
) => { v: Viewer; record: StoredRegistration } | { denied: Response };

export function mountSheetRoute(app: Hono, deps: Deps, opened: OpenedRegistration): void {
  app.get(`${UI}ho-so/:receipt/phieu`, (c) => {
    const o = opened(c);
    if ('denied' in o) return o.denied;
    const { v, record } = o;
    deps.audit.record(v.account.name, 'view', record.receipt, 'in phiếu đăng ký', deps.now());
    const back = `<p class="no-print"><a href="${UI}ho-so/${esc(record.receipt)}">← Hồ sơ ${esc(record.receipt)}</a> · Dùng lệnh In của trình duyệt (Ctrl+P) để in hoặc lưu PDF khổ A4.</p>`;
    return c.html(
      page({
        title: `Phiếu đăng ký ${record.receipt}`,
        stylesheets: [STYLESHEET],
        body: `<main id="noi-dung" class="wrap">${back}${sheetHtml(deps, record)}</main>`,
      }),
    );
  });
}
