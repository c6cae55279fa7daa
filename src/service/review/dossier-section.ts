/**
 * The dossier checklist on a registration's page in the review UI: each paper of the OCOP dossier
 * (content/dossier-items/) with "đã có / còn thiếu / không áp dụng", saved with one button. A plain
 * form (no JavaScript); the same marks the API's POST …/dossier sets.
 */
import { DOSSIER_STATES, type DossierState } from '../../domain/dossier.ts';
import type { ValueSetItemWithSlug } from '../../domain/value-set.ts';
import { esc } from '../http/html.ts';
import { hiddenCsrf, UI } from './layout.ts';

export const DOSSIER_FORM_PATH = (receipt: string) => `${UI}ho-so/${receipt}/giay-to`;

export function dossierSection(
  receipt: string,
  items: readonly ValueSetItemWithSlug[],
  marks: ReadonlyMap<string, DossierState>,
  csrf: string,
): string {
  if (items.length === 0) return '';
  const missing = items.filter((i) => marks.get(i.slug) === 'thieu').length;
  const rows = items
    .map((item, n) => {
      const current = marks.get(item.slug);
      const radios = (Object.entries(DOSSIER_STATES) as [DossierState, string][])
        .map(
          ([state, label]) =>
            `<label class="choice"><input type="radio" name="${esc(item.slug)}" value="${state}"${current === state ? ' checked' : ''}> ${esc(label)}</label>`,
        )
        .join(' ');
      return `<fieldset class="dossier-item"><legend>${n + 1}. ${esc(item.label)}${current ? '' : ' <small>(chưa đánh dấu)</small>'}</legend>${item.hint ? `<p class="hint">${esc(item.hint)}</p>` : ''}${radios}</fieldset>`;
    })
    .join('\n');
  return `<section id="giay-to" aria-labelledby="giay-to-tieu-de">
<h2 id="giay-to-tieu-de">Giấy tờ hồ sơ OCOP</h2>
<p>${missing ? `Còn thiếu ${missing} giấy tờ; người đăng ký thấy danh sách này khi tra cứu mã hồ sơ.` : 'Người đăng ký thấy các giấy tờ "còn thiếu" khi tra cứu mã hồ sơ.'}</p>
<form method="post" action="${esc(DOSSIER_FORM_PATH(receipt))}">
${hiddenCsrf(csrf)}
${rows}
<div><button class="primary" type="submit">Lưu giấy tờ</button></div>
</form>
</section>`;
}
