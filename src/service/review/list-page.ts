/**
 * The review list at /quan-ly/: a search box, the filters folded into one
 * disclosure, counts per status that filter when tapped, and the page of
 * registrations twice: as cards for phones (below 40rem, where a seven-column
 * table broke receipts and pushed the status off a 360 px screen) and as a
 * table for wide screens. CSS shows one of the two; no script.
 */
import { STATUSES, type Status } from '../../domain/status.ts';
import { roundLabel } from '../deps.ts';
import { NEXT_ROUND_VALUE, queryString } from '../http/filters.ts';
import { esc } from '../http/html.ts';
import type { StoredRegistration } from '../storage/store.ts';
import { communeName, statusLabel, when } from './labels.ts';
import { UI } from './layout.ts';
import { frame, type Viewer } from './pages.ts';

export interface ListView {
  records: StoredRegistration[];
  /** How many match the filters and search (all pages). */
  total: number;
  page: number;
  pages: number;
  /** Matches per status, the status filter aside. */
  counts: Map<Status, number>;
  /** The filters as kept in links (commune, round, status, q). */
  query: Record<string, string>;
}

function select(
  name: string,
  label: string,
  options: [string, string][],
  selected: string | undefined,
  all = 'Tất cả',
): string {
  const opts = [['', all] as [string, string], ...options]
    .map(
      ([value, text]) =>
        `<option value="${esc(value)}"${value === (selected ?? '') ? ' selected' : ''}>${esc(text)}</option>`,
    )
    .join('');
  return `<div><label for="loc-${name}">${esc(label)}</label><select id="loc-${name}" name="${name}">${opts}</select></div>`;
}

/** Shorter words for the longest statuses where space is tight (pills, cards, table); the detail page says it in full. */
const SHORT: Record<string, string> = { 'da-chon': 'Đã chọn', rac: 'Không hợp lệ' };
const shortLabel = (status: string) => SHORT[status] ?? statusLabel(status);

const link = (query: Record<string, string>) => `${UI}${esc(queryString(query))}`;
const statusBadge = (status: string) =>
  `<span class="status" data-status="${esc(status)}" title="${esc(statusLabel(status))}">${esc(shortLabel(status))}</span>`;

function searchForm(v: Viewer, query: Record<string, string>): string {
  const { content } = v;
  const rounds: [string, string][] = [
    ...content.rounds.map((r) => [r.slug, r.label] as [string, string]),
    [NEXT_ROUND_VALUE, roundLabel(content, null)],
  ];
  const communeFilter = v.account.commune
    ? ''
    : select(
        'commune',
        'Xã',
        content.communes.map((c) => [c.slug, c.name]),
        query.commune,
      );
  const active = ['commune', 'round', 'status'].filter((k) => query[k]).length;
  return `<form method="get" action="${UI}" class="filters" role="search">
<label for="tim">Tìm theo mã hồ sơ, tên sản phẩm hoặc người sản xuất</label>
<div class="search-row"><input type="search" id="tim" name="q" value="${esc(query.q ?? '')}" maxlength="100" autocomplete="off" enterkeyhint="search"><button class="primary" type="submit">Tìm</button></div>
<details class="more"${active ? ' open' : ''}><summary>Bộ lọc${active ? ` (đang lọc ${active})` : ''}</summary>
<div class="selects">
${communeFilter}
${select('round', 'Đợt', rounds, query.round)}
${select('status', 'Trạng thái', Object.entries(STATUSES), query.status)}
<div><button class="primary" type="submit">Lọc</button></div>
</div>
</details>
</form>`;
}

/** "Tất cả 12 · Chờ rà soát 7 · …", each a link to the list with that status and the other filters kept. */
function statusCounts(list: ListView): string {
  const { status: current, ...rest } = list.query;
  const all = [...list.counts.values()].reduce((a, b) => a + b, 0);
  const item = (href: string, label: string, n: number, here: boolean, status?: string) =>
    `<li><a href="${href}"${status ? ` data-status="${esc(status)}"` : ''}${here ? ' aria-current="true"' : ''}>${esc(label)} <strong>${n}</strong></a></li>`;
  const items = [
    item(link(rest), 'Tất cả', all, !current),
    // Every status stored is counted, even one this program has no label for, so the counts add up.
    ...[...new Set([...Object.keys(STATUSES), ...list.counts.keys()])].map((s) =>
      item(
        link({ ...rest, status: s }),
        shortLabel(s),
        list.counts.get(s as Status) ?? 0,
        current === s,
        s,
      ),
    ),
  ];
  return `<nav aria-label="Số hồ sơ theo trạng thái"><ul class="counts">${items.join('')}</ul></nav>`;
}

function cards(v: Viewer, records: StoredRegistration[]): string {
  const { content } = v;
  const items = records.map(
    (r) => `<li><a class="reg" href="${UI}ho-so/${esc(r.receipt)}">
<span class="reg-head"><span class="receipt">${esc(r.receipt)}</span>${statusBadge(r.status)}</span>
<span class="reg-product">${esc(r.productName)}</span>
<span class="reg-meta">${esc(r.producerName)}</span>
<span class="reg-meta">${esc(communeName(content, r.commune))} · ${esc(roundLabel(content, r.round))} · ${esc(when(r.submittedAt))}</span>
</a></li>`,
  );
  return `<ul class="cards">\n${items.join('\n')}\n</ul>`;
}

function table(v: Viewer, records: StoredRegistration[]): string {
  const { content } = v;
  const rows = records.map(
    (
      r,
    ) => `<tr><td class="receipt"><a href="${UI}ho-so/${esc(r.receipt)}">${esc(r.receipt)}</a></td><td class="nowrap">${esc(when(r.submittedAt))}</td>
<td>${esc(communeName(content, r.commune))}</td><td>${esc(r.productName)}</td><td>${esc(r.producerName)}</td>
<td class="nowrap">${esc(roundLabel(content, r.round))}</td><td>${statusBadge(r.status)}</td></tr>`,
  );
  return `<div class="table-wrap list"><table>
<thead><tr><th scope="col">Mã hồ sơ</th><th scope="col">Thời điểm gửi</th><th scope="col">Xã</th><th scope="col">Sản phẩm</th><th scope="col">Người sản xuất</th><th scope="col">Đợt</th><th scope="col">Trạng thái</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;
}

function pager(list: ListView): string {
  if (list.pages <= 1) return '';
  const to = (n: number) => link({ ...list.query, trang: String(n) });
  const before = list.page > 1 ? ` <a href="${to(list.page - 1)}" rel="prev">Trang trước</a>` : '';
  const after =
    list.page < list.pages ? ` <a href="${to(list.page + 1)}" rel="next">Trang sau</a>` : '';
  return `<nav class="pager" aria-label="Trang"><span>Trang ${list.page}/${list.pages}</span>${before}${after}</nav>`;
}

export function listPage(v: Viewer, list: ListView): string {
  const q = list.query.q;
  const empty = q
    ? `<p>Không tìm thấy hồ sơ nào khớp “${esc(q)}” với bộ lọc này.</p>`
    : '<p>Chưa có hồ sơ nào khớp bộ lọc.</p>';
  return frame(
    v,
    q ? `Tìm “${q}” – Danh sách đăng ký` : 'Danh sách đăng ký',
    `<h1>Danh sách đăng ký</h1>
${searchForm(v, list.query)}
${statusCounts(list)}
<p class="summary"><span id="so-ho-so">${list.total} hồ sơ${q ? ` khớp “${esc(q)}”` : ''}.</span> <a href="/api/registrations.csv${esc(queryString(list.query))}" download>Tải tệp CSV (theo bộ lọc này)</a></p>
${list.total === 0 ? empty : `${cards(v, list.records)}\n${table(v, list.records)}`}
${pager(list)}`,
  );
}
