/** The review UI's page frame: header with the account and sign-out, no scripts, one same-origin stylesheet. */
import type { Account } from '../storage/accounts.ts';
import { CSRF_FIELD } from '../http/csrf.ts';
import { esc, page } from '../http/html.ts';

export const UI = '/quan-ly/';
export const STYLESHEET = '/quan-ly/giao-dien.css';

export interface Frame {
  title: string;
  account?: Account;
  csrf?: string;
  communeName?: string;
  body: string;
}

export function hiddenCsrf(token: string): string {
  return `<input type="hidden" name="${CSRF_FIELD}" value="${esc(token)}">`;
}

export function reviewPage({ title, account, csrf, communeName, body }: Frame): string {
  const who = account
    ? `<div class="who"><span>${esc(account.name)} · ${esc(communeName ?? 'toàn địa bàn')}</span>
${account.commune === null ? `<a class="light" href="${UI}nhat-ky/">Nhật ký truy cập</a> <a class="light" href="${UI}noi-dung/">Thay đổi nội dung</a>` : ''}
<form method="post" action="${UI}dang-xuat">${hiddenCsrf(csrf ?? '')}<button class="link" type="submit">Đăng xuất</button></form></div>`
    : '';
  return page({
    title,
    stylesheets: [STYLESHEET],
    body: `<a class="skip" href="#noi-dung">Chuyển đến nội dung chính</a>
<header class="site"><div class="wrap"><a class="brand" href="${UI}">Quản lý đăng ký OCOP</a>${who}</div></header>
<main id="noi-dung" class="wrap">
${body}
</main>`,
  });
}

/** Extra rules for the review UI, appended to the site's stylesheet. */
export const REVIEW_CSS = `
.wrap{max-width:72rem}
.who{display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
.who form{margin:0}
ol.changes{list-style:none;padding:0}ol.changes li{border-top:1px solid var(--line);padding:.4rem 0}ol.changes p{margin:.15rem 0;overflow-wrap:anywhere}
button.link{background:none;border:0;color:#fff;text-decoration:underline;font:inherit;cursor:pointer;padding:0}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=text],input[type=search],input[type=password],select,textarea{font:inherit;padding:.45rem .5rem;border:2px solid var(--ink);border-radius:.2rem;max-width:100%}
textarea{width:100%;min-height:6rem}
button.primary{font:inherit;font-weight:600;background:var(--brand);color:#fff;border:0;border-radius:.3rem;padding:.6rem 1.1rem;margin-top:1rem;cursor:pointer}
button.primary:hover{background:var(--brand-dark)}
.filters{margin:0 0 .5rem}
.filters button{margin-top:0}
.search-row{display:flex;gap:.5rem}
.search-row input{flex:1;min-width:0}
details.more summary{cursor:pointer;padding:.5rem 0;font-weight:600;color:var(--brand)}
.selects{display:flex;flex-wrap:wrap;gap:0 1rem;align-items:flex-end}
.selects>div{max-width:100%}
.selects label{margin-top:0}
.counts{list-style:none;margin:.5rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
.counts a{display:inline-block;padding:.3rem .7rem;border:1px solid var(--line);border-radius:1.2rem;background:var(--soft);text-decoration:none;color:var(--ink)}
.counts a[aria-current]{background:var(--brand);border-color:var(--brand);color:#fff}
.summary{margin:.5rem 0 .75rem}
.nowrap{white-space:nowrap}
.receipt{white-space:nowrap;font-weight:700;font-variant-numeric:tabular-nums}
.cards{list-style:none;margin:0;padding:0;display:grid;gap:.6rem}
.reg{display:block;border:1px solid var(--line);border-radius:.4rem;padding:.55rem .8rem;color:var(--ink);text-decoration:none}
.reg:hover{border-color:var(--brand)}
.reg-head{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:baseline;gap:.2rem .75rem}
.reg .receipt{color:var(--brand);text-decoration:underline}
.reg-product{display:block;font-weight:600;overflow-wrap:anywhere}
.reg-meta{display:block;color:var(--muted);font-size:.95rem;overflow-wrap:anywhere}
.table-wrap.list,.pager{margin-top:.75rem}
.thumb{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1.5rem}
@media (max-width:39.99rem){
.table-wrap.list{display:none}
.thumb{position:sticky;bottom:0;background:var(--bg);margin-inline:-1rem;padding:.5rem 1rem;border-top:1px solid var(--line)}
.thumb .button{flex:1;text-align:center;white-space:nowrap;padding-inline:.5rem}
.review select,.review textarea,.review button.primary{width:100%}
.review select,.review button.primary{min-height:3rem}
}
@media (min-width:40rem){.cards{display:none}}
.error{border-left:.35rem solid var(--bad);padding:.5rem .9rem;color:var(--bad);font-weight:600}
.ok{border-left:.35rem solid var(--brand);padding:.5rem .9rem;background:var(--soft)}
.table-wrap{overflow-x:auto}
dl.fields{display:grid;grid-template-columns:1fr;gap:.1rem 1rem}
dl.fields dt{font-weight:600}dl.fields dd{margin:0 0 .6rem;white-space:pre-wrap;overflow-wrap:anywhere}
@media (min-width:40rem){dl.fields{grid-template-columns:minmax(10rem,18rem) 1fr;gap:.35rem 1rem}dl.fields dd{margin:0}}
td{overflow-wrap:break-word}
.status{display:inline-block;white-space:nowrap;padding:.05rem .45rem;border-radius:.2rem;background:var(--soft);border:1px solid var(--line)}
.status[data-status=da-chon]{border-color:var(--brand);font-weight:600}
.status[data-status=rac]{color:var(--bad)}
button.primary.danger{background:var(--bad)}
#quyen form{border-top:1px solid var(--line);margin-top:1.25rem}
#quyen input[type=text],#quyen select{width:100%}
.hint{color:var(--muted);margin:.25rem 0}
a.light{color:#fff}
`;
