/**
 * The lookup page's parts (/tra-cuu/): the form a producer types a receipt into, and what they are
 * told about it — the round, the status in plain words, what happens next, the reason when staff
 * asked for more, the dossier items still missing — and nothing personal. String renderers shared
 * by the Astro page (the empty form) and the service (the answers), so the page works without
 * JavaScript. Every value goes through esc().
 */
import type { Contact } from '../domain/contact.ts';
import { esc } from './html.ts';

/** The element of the built page that the service replaces with its answer. */
export const LOOKUP_SLOT_ID = 'ket-qua-tra-cuu';
export const LOOKUP_PATH = '/tra-cuu/';

/** The statuses a producer can see (rac is shown as cho-ra-soat before this is reached). */
export type PublicStatus = 'cho-ra-soat' | 'da-chon' | 'chua-chon' | 'can-bo-sung';

/** Each status in plain words, and what happens next. `office` is the receiving office's name. */
const EXPLAINED: Record<PublicStatus, { words: string; next: (office: string) => string }> = {
  'cho-ra-soat': {
    words: 'Đã nhận, đang chờ rà soát',
    next: (office) =>
      `Cán bộ Ủy ban nhân dân xã và ${office} đang rà soát đăng ký. Bạn chưa cần làm gì thêm; cán bộ sẽ gọi điện theo số đã đăng ký nếu cần hỏi thêm.`,
  },
  'can-bo-sung': {
    words: 'Cần bổ sung hồ sơ',
    next: () =>
      'Cán bộ cần bạn bổ sung thông tin hoặc giấy tờ như ghi ở trên. Hãy chuẩn bị rồi liên hệ hoặc mang đến nơi nhận hồ sơ; sau khi đủ, đăng ký được rà soát tiếp.',
  },
  'da-chon': {
    words: 'Đã được chọn xây dựng sản phẩm OCOP',
    next: () =>
      'Sản phẩm có trong danh sách công khai. Cán bộ sẽ hướng dẫn bạn hoàn thiện hồ sơ để đánh giá, phân hạng sản phẩm OCOP.',
  },
  'chua-chon': {
    words: 'Chưa được chọn trong đợt này',
    next: () =>
      'Bạn có thể gọi điện để hỏi lý do và cách hoàn thiện sản phẩm, rồi đăng ký lại ở đợt sau.',
  },
};

export const statusInWords = (status: PublicStatus) => EXPLAINED[status].words;

/** The form: GET, one field `ma`; `value` is what was typed (kept after a miss). */
export function lookupForm(value = '', action = LOOKUP_PATH): string {
  return `<form method="get" action="${esc(action)}" class="lookup-form">
<label for="ma">Mã hồ sơ</label>
<p class="hint" id="ma-goi-y">8 ký tự, ví dụ K7QM-3XPA (không phân biệt chữ hoa, chữ thường; có hoặc không có dấu gạch).</p>
<input type="text" id="ma" name="ma" value="${esc(value)}" autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="40" aria-describedby="ma-goi-y" required>
<div><button class="button" type="submit">Tra cứu</button></div>
</form>`;
}

/** The slot as the built page holds it (the empty form); the service replaces exactly this. */
export const emptyLookupSlot = () => `<div id="${LOOKUP_SLOT_ID}">${lookupForm()}</div>`;

function contactLine(contact: Contact): string {
  return `${esc(contact.office)}, điện thoại <a class="tel" href="tel:${esc(contact.phoneE164)}">${esc(contact.phone)}</a>${contact.hours ? ` (${esc(contact.hours)})` : ''}`;
}

export interface LookupFound {
  receipt: string;
  roundLabel: string;
  status: PublicStatus;
  /** The reason staff gave (can-bo-sung only). */
  publicNote?: string;
  /** Labels of the dossier items still missing; empty when none is marked missing. */
  missing: readonly string[];
}

/** The answer for a receipt that exists. */
export function foundSlot(found: LookupFound, contact: Contact): string {
  const { next } = EXPLAINED[found.status];
  const reason =
    found.status === 'can-bo-sung' && found.publicNote
      ? `<h3>Nội dung cần bổ sung</h3>\n<p class="public-note">${esc(found.publicNote)}</p>`
      : '';
  const missing = found.missing.length
    ? `<h3>Giấy tờ trong hồ sơ còn thiếu</h3>\n<ul class="missing">${found.missing.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`
    : '';
  const listLink =
    found.status === 'da-chon' ? ' <a href="/danh-sach/">Xem danh sách công khai</a>.' : '';
  return `<div id="${LOOKUP_SLOT_ID}">
<section class="panel lookup-result" aria-labelledby="ket-qua">
<h2 id="ket-qua">Hồ sơ <span class="receipt">${esc(found.receipt)}</span></h2>
<dl class="lookup-facts"><dt>Đợt</dt><dd>${esc(found.roundLabel)}</dd><dt>Tình trạng</dt><dd><strong data-status="${esc(found.status)}">${esc(EXPLAINED[found.status].words)}</strong></dd></dl>
${reason}
${missing}
<h3>Việc tiếp theo</h3>
<p>${esc(next(contact.office))}${listLink}</p>
<p>Cần hỏi thêm: ${contactLine(contact)}. Khi gọi, bạn chỉ cần đọc mã hồ sơ.</p>
</section>
<h2>Tra cứu mã khác</h2>
${lookupForm()}
</div>`;
}

/** The answer for a code that is not a receipt, or one that is not stored. */
export function notFoundSlot(typed: string, receipt: string | null, contact: Contact): string {
  const shown = receipt ?? typed.trim().slice(0, 40);
  const why = receipt
    ? `Không tìm thấy hồ sơ nào có mã <strong class="receipt-inline">${esc(receipt)}</strong>.`
    : `"<strong class="receipt-inline">${esc(shown)}</strong>" không phải là một mã hồ sơ: mã có 8 ký tự chữ và số, ví dụ K7QM-3XPA.`;
  return `<div id="${LOOKUP_SLOT_ID}">
<section class="panel lookup-result" aria-labelledby="ket-qua">
<h2 id="ket-qua">Không tìm thấy hồ sơ</h2>
<p>${why}</p>
<p>Hãy xem lại mã trên trang xác nhận hoặc giấy hẹn (chữ O và số 0, chữ I và số 1 không có trong mã). Nếu vẫn không thấy, hãy gọi ${contactLine(contact)}.</p>
</section>
${lookupForm(typed.slice(0, 40))}
</div>`;
}

/** The answer when one client asked too often. */
export function tooManySlot(contact: Contact): string {
  return `<div id="${LOOKUP_SLOT_ID}">
<section class="panel lookup-result"><h2>Tra cứu quá nhiều lần</h2>
<p>Bạn đã tra cứu quá nhiều lần trong một phút. Vui lòng đợi một phút rồi thử lại, hoặc gọi ${contactLine(contact)}.</p></section>
</div>`;
}
