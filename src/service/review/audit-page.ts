/**
 * /quan-ly/nhat-ky/: the access log for district-wide accounts (Luật
 * 91/2025/QH15: who exported, viewed, reviewed, changed consent of or erased
 * which registration). Commune accounts are refused (403); without a session
 * the page sends the editor to sign in. The same entries as GET /api/audit.
 */
import type { Hono } from 'hono';
import { AUDIT_MAX_LIMIT, type AuditAction, type AuditEntry } from '../storage/audit.ts';
import type { Deps } from '../deps.ts';
import { esc } from '../http/html.ts';
import { readSessionCookie } from '../http/session.ts';
import { reviewPage, UI } from './layout.ts';
import { problemPage } from './pages.ts';

export const AUDIT_PAGE = `${UI}nhat-ky/`;
/** Entries shown on the page (newest first). */
const SHOWN = 300;

const ACTION_LABELS: Record<AuditAction, string> = {
  export: 'Xuất CSV',
  view: 'Xem hồ sơ',
  status: 'Đổi trạng thái',
  consent: 'Đổi đồng ý công khai tên',
  correct: 'Sửa thông tin',
  erase: 'Xóa dữ liệu cá nhân',
  retention: 'Xóa do hết hạn lưu giữ',
  dossier: 'Đánh dấu giấy tờ hồ sơ',
};

function row(e: AuditEntry): string {
  const receipt = e.receipt ? `<a href="${UI}ho-so/${esc(e.receipt)}">${esc(e.receipt)}</a>` : '';
  return `<tr><td>${esc(e.at.slice(0, 16).replace('T', ' '))}</td><td>${esc(e.account)}</td><td>${esc(ACTION_LABELS[e.action] ?? e.action)}</td><td class="nowrap">${receipt}</td><td>${esc(e.detail)}</td></tr>`;
}

export function mountAuditPage(app: Hono, deps: Deps): void {
  app.get(AUDIT_PAGE, (c) => {
    const session = deps.sessions.get(readSessionCookie(c));
    if (!session) return c.redirect(`${UI}dang-nhap`, 303);
    const v = { account: session.account, csrf: session.csrf, content: deps.content };
    if (session.account.commune !== null)
      return c.html(
        problemPage(
          'Không có quyền',
          'Chỉ tài khoản cấp trên (toàn đơn vị) được xem nhật ký truy cập.',
          v,
        ),
        403,
      );
    const entries = deps.audit.list(Math.min(SHOWN, AUDIT_MAX_LIMIT));
    const table = entries.length
      ? `<div class="table-wrap"><table><thead><tr><th>Thời điểm</th><th>Tài khoản</th><th>Việc</th><th>Mã hồ sơ</th><th>Chi tiết</th></tr></thead><tbody>${entries.map(row).join('')}</tbody></table></div>`
      : '<p>Chưa có mục nào.</p>';
    const body = `<p><a href="${UI}">← Danh sách hồ sơ</a></p><h1>Nhật ký truy cập dữ liệu cá nhân</h1>
<p>${entries.length} mục mới nhất. Nhật ký chỉ được thêm, không sửa hay xóa được; không chứa thông tin cá nhân ngoài mã hồ sơ và tên tài khoản. Toàn bộ nhật ký: <code>GET /api/audit?limit=${AUDIT_MAX_LIMIT}</code>.</p>
${table}`;
    return c.html(
      reviewPage({ title: 'Nhật ký truy cập', account: session.account, csrf: session.csrf, body }),
    );
  });
}
