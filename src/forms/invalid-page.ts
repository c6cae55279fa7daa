/**
 * The service's answer to a form POST that did not validate (sent with status
 * 422): a complete Vietnamese page with the error summary at the top, linking
 * to each field, and the whole form re-filled with what was typed, so the
 * producer can fix it and send again without JavaScript. No external assets:
 * the stylesheets are read once, at module load, and inlined.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldError } from '../domain/registration.ts';
import type { SiteContent } from '../domain/content-files-node.ts';
import { renderErrorSummary } from './error-summary.ts';
import { esc, htmlPage } from './html.ts';
import { renderRegistrationForm } from './render-form.ts';

const CSS = ['../styles/site.css', './form.css']
  .map((file) => readFileSync(join(import.meta.dirname, file), 'utf8'))
  .join('\n')
  .replace(/<\/style/gi, '<\\/style');

const NAV = [
  ['/', 'Trang chủ'],
  ['/dang-ky/', 'Đăng ký'],
  ['/danh-sach/', 'Danh sách'],
  ['/lien-he/', 'Liên hệ'],
];

export function renderInvalidPage(input: {
  values: Record<string, string | string[]>;
  errors: FieldError[];
  content: SiteContent;
  now: Date;
}): string {
  const { values, errors, content, now } = input;
  const count = errors.length;
  const nav = NAV.map(
    ([href, label]) =>
      `<li><a href="${href}"${href === '/dang-ky/' ? ' aria-current="page"' : ''}>${label}</a></li>`,
  ).join('');
  const { authority } = content;
  return htmlPage({
    title: 'Lỗi: Đăng ký sản phẩm OCOP',
    siteName: authority.titleSuffix,
    head: `<style>${CSS}</style>`,
    body: `<a class="skip" href="#noi-dung">Chuyển đến nội dung chính</a>
<header class="site"><div class="wrap"><a class="brand" href="/">${esc(authority.brand)}</a><nav class="main" aria-label="Trang chính"><ul>${nav}</ul></nav></div></header>
<main id="noi-dung" class="wrap">
${renderErrorSummary(errors, { autofocus: true })}
<h1>Đăng ký sản phẩm OCOP</h1>
<p class="lead">Đăng ký <strong>chưa được gửi</strong>: có ${count} mục cần sửa. Những gì bạn đã nhập vẫn còn ở dưới; hãy sửa các mục được đánh dấu rồi bấm “Gửi đăng ký” lần nữa.</p>
${renderRegistrationForm({ values, errors, content: { ...content, rounds: content.campaign.rounds, communes: content.campaign.communes, unitWord: content.campaign.unitWord }, now })}
<p>Cần giúp đỡ? Gọi ${esc(content.contact.office)}: <a class="tel" href="tel:${esc(content.contact.phoneE164)}">${esc(content.contact.phone)}</a>.</p>
</main>
<footer class="site"><div class="wrap"><p>${esc(authority.footer)}</p></div></footer>`,
  });
}
