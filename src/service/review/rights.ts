/**
 * People's rights in the review UI (Luật 91/2025/QH15): on a registration's
 * page, staff record a withdrawal (or a new grant) of consent to publish the
 * name, correct one personal field, or erase the personal data, each with a
 * reason, at the person's request. The same PersonalData operations as the
 * JSON API, the same commune scope and CSRF token as every UI form; each is
 * in the access log.
 */
import type { Context, Hono } from 'hono';
import { schemaCheck } from '../../domain/field-checks.ts';
import { REGISTRATION_FIELDS as F } from '../../domain/registration-fields.ts';
import { clean } from '../../domain/text.ts';
import type { Deps } from '../deps.ts';
import type { FormValues } from '../http/body.ts';
import { esc } from '../http/html.ts';
import { CORRECTABLE_COLUMNS, isCorrectable } from '../storage/personal-data.ts';
import { MAX_REASON_LENGTH } from '../routes/personal-data.ts';
import type { StoredRegistration } from '../storage/store.ts';
import { hiddenCsrf, UI } from './layout.ts';
import { problemPage, type Viewer } from './pages.ts';

/** The messages shown after a redirect back to the registration (?da-luu=KEY). */
export const RIGHTS_SAVED: Record<string, string> = {
  'dong-y':
    'Đã ghi nhận thay đổi đồng ý công khai tên. Danh sách công khai đổi theo từ lần xuất và cập nhật sau.',
  sua: 'Đã sửa thông tin theo yêu cầu.',
  xoa: 'Đã xóa dữ liệu cá nhân của hồ sơ này.',
};

const reasonField = (id: string) =>
  `<label for="${id}">Lý do (bắt buộc)</label><input type="text" id="${id}" name="reason" required maxlength="${MAX_REASON_LENGTH}" autocomplete="off" aria-describedby="${id}-goi-y">
<p class="hint" id="${id}-goi-y">Ví dụ: chủ thể gọi điện yêu cầu ngày 05/12/2026. Không ghi họ tên hay số điện thoại: lý do được lưu trong nhật ký.</p>`;

/** The section on a registration's page. */
export function rightsSection(r: StoredRegistration, csrf: string): string {
  const action = `${UI}ho-so/${esc(r.receipt)}/quyen`;
  if (r.erasedAt) {
    return `<section id="quyen" class="review"><h2>Quyền của chủ thể dữ liệu</h2><p>Dữ liệu cá nhân của hồ sơ này đã được xóa lúc ${esc(r.erasedAt.slice(0, 16).replace('T', ' '))}.</p></section>`;
  }
  const options = Object.keys(CORRECTABLE_COLUMNS)
    .map((k) => `<option value="${k}">${esc(F[k as keyof typeof F].label)}</option>`)
    .join('');
  return `<section id="quyen" class="review" aria-labelledby="quyen-tieu-de">
<h2 id="quyen-tieu-de">Quyền của chủ thể dữ liệu</h2>
<p>Làm theo yêu cầu của người đăng ký. Mỗi việc được ghi vào nhật ký truy cập.</p>
<form method="post" action="${action}">${hiddenCsrf(csrf)}<input type="hidden" name="action" value="dong-y">
<h3>Công khai tên</h3><p>Hiện tại: ${r.consentPublishName ? '<strong>đồng ý</strong> công khai tên' : '<strong>không</strong> công khai tên'}.</p>
<input type="hidden" name="consent" value="${r.consentPublishName ? 'khong' : 'co'}">
${reasonField('ly-do-dong-y')}
<div><button class="primary" type="submit">${r.consentPublishName ? 'Ghi nhận rút lại đồng ý công khai tên' : 'Ghi nhận đồng ý công khai tên'}</button></div></form>
<form method="post" action="${action}">${hiddenCsrf(csrf)}<input type="hidden" name="action" value="sua">
<h3>Sửa thông tin</h3>
<label for="truong-sua">Thông tin cần sửa</label><select id="truong-sua" name="field">${options}</select>
<label for="gia-tri-moi">Giá trị mới</label><input type="text" id="gia-tri-moi" name="value" maxlength="2000" autocomplete="off">
${reasonField('ly-do-sua')}
<div><button class="primary" type="submit">Sửa</button></div></form>
<form method="post" action="${action}">${hiddenCsrf(csrf)}<input type="hidden" name="action" value="xoa">
<h3>Xóa dữ liệu cá nhân</h3>
<p>Xóa người đại diện, điện thoại, thư điện tử, địa chỉ, số đăng ký kinh doanh, mô tả, nhu cầu hỗ trợ, ghi chú rà soát${r.producerType === 'ca-nhan' || r.producerType === 'ho-kinh-doanh' ? ' và tên chủ thể (cá nhân, hộ)' : ''}. Mã hồ sơ, đợt, trạng thái và sản phẩm được giữ. Không hoàn tác được.</p>
${reasonField('ly-do-xoa')}
<label><input type="checkbox" name="confirm" value="co" required> Tôi hiểu việc xóa không hoàn tác được</label>
<div><button class="primary danger" type="submit">Xóa dữ liệu cá nhân</button></div></form>
</section>`;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The review UI's start of a posted form about one registration (sign-in, CSRF, unit scope), from routes.ts. */
export type PostedForm = (
  c: Context,
) => Promise<{ v: Viewer; form: FormValues; record: StoredRegistration } | { denied: Response }>;

export function mountRightsRoutes(app: Hono, deps: Deps, posted: PostedForm): void {
  app.post(`${UI}ho-so/:receipt/quyen`, async (c) => {
    const p = await posted(c);
    if ('denied' in p) return p.denied;
    const { v, form, record } = p;
    const refuse = (message: string) => c.html(problemPage('Chưa thực hiện', message, v), 422);
    const reason = clean(one(form.reason) ?? '');
    if (!reason) return refuse('Cần ghi lý do.');
    if (reason.length > MAX_REASON_LENGTH)
      return refuse(`Lý do không quá ${MAX_REASON_LENGTH} ký tự.`);
    const who = v.account.name;
    const kind = one(form.action);
    if (kind === 'dong-y') {
      deps.personalData.setPublishConsent(
        record.receipt,
        one(form.consent) === 'co',
        reason,
        who,
        deps.now(),
      );
    } else if (kind === 'sua') {
      const field = one(form.field);
      if (!isCorrectable(field)) return refuse('Chọn thông tin cần sửa.');
      const checked = schemaCheck(deps.schema, field)(one(form.value) ?? '');
      if (!checked.ok) return refuse(checked.message);
      deps.personalData.correct(
        record.receipt,
        field,
        checked.value as string,
        reason,
        who,
        deps.now(),
      );
    } else if (kind === 'xoa') {
      if (one(form.confirm) !== 'co') return refuse('Đánh dấu ô xác nhận trước khi xóa.');
      deps.personalData.erase(record.receipt, reason, who, deps.now());
    } else return refuse('Không rõ việc cần làm.');
    return c.redirect(`${UI}ho-so/${record.receipt}?da-luu=${kind}#quyen`, 303);
  });
}
