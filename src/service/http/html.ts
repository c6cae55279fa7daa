/** HTML for pages the service writes itself: escaping and a plain Vietnamese page shell. */

import { esc, htmlPage } from '../../forms/html.ts';

export { esc };

export interface PageOptions {
  title: string;
  body: string;
  /** Extra stylesheet links (same origin only). */
  stylesheets?: string[];
}

/** A complete page: lang="vi", no scripts, no external assets. */
export function page({ title, body, stylesheets = [] }: PageOptions): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${esc(href)}">`).join('');
  return htmlPage({ title, head: links, body });
}

/** A short message page (413, 415, 429 … for people who posted the form without JavaScript). */
export function messagePage(title: string, message: string, back = '/dang-ky/'): string {
  return page({
    title,
    stylesheets: ['/quan-ly/giao-dien.css'],
    body: `<main class="wrap" id="noi-dung"><h1>${esc(title)}</h1><p>${esc(message)}</p><p><a href="${esc(back)}">Quay lại</a></p></main>`,
  });
}
