/**
 * /quan-ly/noi-dung/: the last changes to content/ with their author, read from
 * git log, so district staff see who changed what through the CMS (and how to
 * undo it: docs/cms.md). District-wide accounts only, like the CMS itself.
 */
import type { Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { esc } from '../http/html.ts';
import { reviewPage, UI } from '../review/layout.ts';
import { when } from '../review/labels.ts';
import { readSessionCookie } from '../http/session.ts';
import { recentChanges, type ContentChange } from './git.ts';

export const HISTORY_PAGE = `${UI}noi-dung/`;
const SHOWN = 30;

/** Files listed per change; a first commit of everything would otherwise fill the page. */
const FILES_SHOWN = 5;

/** One change per item (a list, not a table: it reads the same on a phone). */
function items(changes: ContentChange[]): string {
  return changes
    .map((ch) => {
      const files = ch.files
        .slice(0, FILES_SHOWN)
        .map((f) => `<code>${esc(f)}</code>`)
        .join(', ');
      const more =
        ch.files.length > FILES_SHOWN ? ` và ${ch.files.length - FILES_SHOWN} tệp khác` : '';
      return `<li><p><strong>${esc(when(ch.at))}</strong> · ${esc(ch.author)} · mã <code>${esc(ch.hash.slice(0, 10))}</code></p>
<p>${esc(ch.subject)}</p><p class="files">Tệp: ${files}${more}</p></li>`;
    })
    .join('\n');
}

export function mountHistoryPage(app: Hono, deps: Deps): void {
  app.get(HISTORY_PAGE, async (c) => {
    const session = deps.sessions.get(readSessionCookie(c));
    if (!session) return c.redirect(`${UI}dang-nhap?tiep=${encodeURIComponent(HISTORY_PAGE)}`, 303);
    const frame = (body: string) =>
      reviewPage({
        title: 'Thay đổi nội dung',
        account: session.account,
        csrf: session.csrf,
        body,
      });
    if (session.account.commune !== null)
      return c.html(
        frame(
          '<h1>Thay đổi nội dung</h1><p>Chỉ tài khoản cấp trên (toàn đơn vị) xem được trang này.</p>',
        ),
        403,
      );
    let changes: ContentChange[];
    try {
      changes = await recentChanges(deps.config.projectDir, SHOWN);
    } catch {
      return c.html(
        frame(
          '<h1>Thay đổi nội dung</h1><p class="error">Không đọc được lịch sử: thư mục của trang web chưa là một kho git.</p>',
        ),
        503,
      );
    }
    const list = changes.length
      ? `<ol class="changes">\n${items(changes)}\n</ol>`
      : '<p>Chưa có thay đổi nào.</p>';
    return c.html(
      frame(`<h1>Thay đổi nội dung</h1>
<p>${SHOWN} thay đổi gần nhất trong thư mục nội dung, mới nhất ở trên; mỗi lần bấm <strong>Công bố</strong> trong <a href="/admin/">trang quản trị nội dung</a> là một dòng. Muốn hoàn tác một thay đổi, đưa <strong>mã</strong> của nó cho cán bộ tin học (cách làm trong tài liệu <code>docs/cms.md</code>).</p>
${list}`),
    );
  });
}
