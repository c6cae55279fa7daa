/**
 * The phiếu đăng ký's layout, one for both places that print it: the staff
 * page /quan-ly/ho-so/RECEIPT/phieu (filled by the service from the stored
 * registration) and the confirmation page (built empty into the page, filled
 * in the browser from what it just sent). Styles in sheet.css.
 */
import { NATIONAL_MOTTO, NATIONAL_TITLE } from '../domain/notice.ts';
import { esc } from './html.ts';

/** The id of the table body the confirmation page's script fills. */
export const SHEET_ROWS_ID = 'phieu-truong';

export interface SheetFrame {
  authorityName: string;
  authorityParent: string;
  /** The line under the title (receipt, time, round), already HTML. */
  metaHtml: string;
  /** The table's rows, already HTML. */
  rowsHtml: string;
  /** The title's element: h1 on a page of its own, h2 inside another page (one h1 a page). */
  heading: 'h1' | 'h2';
}

export const sheetRowsHtml = (rows: readonly [string, string][]) =>
  rows
    .map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v) || '&nbsp;'}</td></tr>`)
    .join('');

export function sheetFrameHtml({
  authorityName,
  authorityParent,
  metaHtml,
  rowsHtml,
  heading,
}: SheetFrame): string {
  return `<div class="sheet">
<div class="sheet-head"><div>${authorityParent ? `<p>${esc(authorityParent.toUpperCase())}</p>` : ''}<p><strong>${esc(authorityName.toUpperCase())}</strong></p></div>
<div><p><strong>${NATIONAL_TITLE}</strong></p><p><strong>${NATIONAL_MOTTO}</strong></p></div></div>
<${heading} class="sheet-title">PHIẾU ĐĂNG KÝ SẢN PHẨM OCOP</${heading}>
<p class="sheet-meta">${metaHtml}</p>
<table class="sheet-fields"><tbody id="${SHEET_ROWS_ID}">${rowsHtml}</tbody></table>
<p>Tôi xin cam đoan những thông tin trên là đúng sự thật.</p>
<div class="sheet-sign"><div><p>Cán bộ tiếp nhận</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p></div>
<div><p>……………, ngày …… tháng …… năm ……</p><p>Người đăng ký</p><p class="sign-hint">(Ký, ghi rõ họ tên)</p></div></div>
</div>`;
}
