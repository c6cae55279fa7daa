/**
 * The registration form as an HTML string: the same markup on the static page
 * /dang-ky/ (empty) and on the service's 422 page (re-filled, with errors).
 * Field names are the JSON keys of docs/contracts.md; labels, hints and limits
 * come from registration-fields.ts, value sets from content/.
 */
import { capitalise, consentText } from '../domain/authority.ts';
import { communeResolver } from '../domain/commune.ts';
import {
  REGISTRATION_FIELDS as F,
  SUPPORT_NEEDS,
  type RegistrationField,
} from '../domain/registration-fields.ts';
import { isTruthy, type FieldError } from '../domain/registration.ts';
import { assignRound, NEXT_ROUND_LABEL } from '../domain/round.ts';
import { PRODUCT_STAGES } from '../domain/status.ts';
import type { SiteContent } from '../domain/content-files-node.ts';
import { FORM_ID, SEND_STATUS_ID } from './form-ids.ts';
import { attrs, esc } from './html.ts';
import {
  choiceFieldset,
  selectField,
  singleCheckbox,
  textareaField,
  textField,
} from './render-fields.ts';
import { renderRoundNotice } from './round-notice.ts';

export type FormValues = Record<string, string | string[] | undefined>;
export type FormContent = Pick<
  SiteContent,
  'communes' | 'rounds' | 'productGroups' | 'producerTypes' | 'authority'
> & {
  /** The current campaign's unit word; the authority's when unset. */
  unitWord?: string;
};

export { FORM_ID };
export const DEFAULT_FORM_ACTION = '/api/registrations';

export interface RegistrationFormInput {
  values: FormValues;
  errors: readonly FieldError[];
  content: FormContent;
  now: Date;
  /** Where the form posts; the service's endpoint unless the site is hosted elsewhere. */
  action?: string;
}

/** All values of a field as a list (a repeated form field arrives as an array). */
function list(values: FormValues, name: string): string[] {
  const v = values[name];
  return v == null ? [] : (Array.isArray(v) ? v : [v]).map(String);
}

/** The first value of a field. */
function one(values: FormValues, name: string): string {
  return list(values, name)[0] ?? '';
}

/** The privacy notice, beside the consent boxes: consent must be informed (Luật 91/2025/QH15). */
export const PRIVACY_PATH = '/bao-ve-du-lieu/';
const PRIVACY_LINK = `<p class="hint">Trước khi đồng ý, hãy đọc <a href="${PRIVACY_PATH}">thông tin của bạn được dùng và bảo vệ thế nào</a>: ai được xem, lưu bao lâu, cách rút lại đồng ý hay yêu cầu xóa.</p>`;

export function renderRegistrationForm({
  values,
  errors,
  content,
  now,
  action = DEFAULT_FORM_ACTION,
}: RegistrationFormInput): string {
  const error = (name: RegistrationField) => errors.find((e) => e.field === name)?.message;
  const text = (name: RegistrationField, extra: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ name, value: one(values, name), error: error(name), ...extra });
  const is = (name: string) => (v: string) => list(values, name).includes(v);

  const communeValue = communeResolver(content.communes)(one(values, 'commune'))?.slug ?? '';
  const needs = list(values, 'supportNeeds')
    .map((n) => n.normalize('NFC').trim())
    .filter(Boolean);
  const otherNeeds = needs
    .filter((n) => !(SUPPORT_NEEDS as readonly string[]).includes(n))
    .join('; ');
  const round = assignRound(content.rounds, now);
  const unitWord = content.unitWord ?? content.authority.unitWord;

  const producer =
    text('producerName', { autocomplete: 'organization' }) +
    choiceFieldset({
      name: 'producerType',
      type: 'radio',
      error: error('producerType'),
      choices: content.producerTypes.map((t) => ({ value: t.slug, label: t.label, hint: t.hint })),
      checked: is('producerType'),
    }) +
    text('representative', { autocomplete: 'name', spellcheck: false }) +
    text('phone', { type: 'tel', inputmode: 'tel', autocomplete: 'tel', width: 'short' }) +
    text('email', {
      type: 'email',
      inputmode: 'email',
      autocomplete: 'email',
      spellcheck: false,
      width: 'medium',
    }) +
    selectField({
      name: 'commune',
      value: communeValue,
      error: error('commune'),
      label: capitalise(unitWord),
      placeholder: `Chọn ${unitWord}`,
      data: { unit: unitWord },
      choices: content.communes.map((c) => ({ value: c.slug, label: c.name })),
    }) +
    text('address', { autocomplete: 'address-line1' }) +
    text('businessId', { autocomplete: 'off', spellcheck: false, width: 'short' });

  const otherNeedsInput =
    `<div class="other-need"><label class="label label--small" for="supportNeeds-khac">Nhu cầu khác (nếu có)</label>` +
    `<input${attrs({ class: 'input', id: 'supportNeeds-khac', name: 'supportNeeds', type: 'text', value: otherNeeds, maxlength: F.supportNeeds.max })}></div>`;

  const product =
    text('productName', { autocomplete: 'off' }) +
    choiceFieldset({
      name: 'productGroup',
      type: 'radio',
      error: error('productGroup'),
      choices: content.productGroups.map((g) => ({ value: g.slug, label: g.label, hint: g.hint })),
      checked: is('productGroup'),
    }) +
    choiceFieldset({
      name: 'productStage',
      type: 'radio',
      error: error('productStage'),
      choices: Object.entries(PRODUCT_STAGES).map(([value, label]) => ({ value, label })),
      checked: is('productStage'),
    }) +
    textareaField({
      name: 'description',
      value: one(values, 'description'),
      error: error('description'),
    }) +
    choiceFieldset({
      name: 'supportNeeds',
      type: 'checkbox',
      error: error('supportNeeds'),
      choices: SUPPORT_NEEDS.map((n) => ({ value: n, label: n })),
      checked: (v) => needs.includes(v),
      extra: otherNeedsInput,
    });

  const consent =
    singleCheckbox({
      name: 'consentProcessing',
      label: consentText(content.authority, content.authority.consent.processing),
      checked: isTruthy(one(values, 'consentProcessing')),
      error: error('consentProcessing'),
    }) +
    singleCheckbox({
      name: 'consentPublishName',
      label: consentText(content.authority, content.authority.consent.publishName),
      checked: isTruthy(one(values, 'consentPublishName')),
      error: error('consentPublishName'),
    });

  // The honeypot: off-screen (not display:none, which some bots detect), out of the tab order and hidden from assistive tech.
  const honeypot =
    `<div class="hp" aria-hidden="true"><label for="website">Trang web (để trống ô này)</label>` +
    `<input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="${esc(one(values, 'website'))}"></div>`;

  const section = (id: string, legend: string, body: string) =>
    `<fieldset class="section" id="${id}"><legend class="section__legend"><h2>${legend}</h2></legend>${body}</fieldset>`;

  return (
    `<form id="${FORM_ID}" class="registration" method="post" action="${esc(action)}" novalidate accept-charset="utf-8">` +
    section('phan-co-so', '1. Cơ sở sản xuất', producer) +
    section('phan-san-pham', '2. Sản phẩm', product) +
    section('phan-dong-y', '3. Đồng ý', PRIVACY_LINK + consent) +
    honeypot +
    `<input type="hidden" name="submissionId" value="${esc(one(values, 'submissionId'))}">` +
    renderRoundNotice(content.rounds, round, NEXT_ROUND_LABEL) +
    `<p id="${SEND_STATUS_ID}" class="send-status" role="status" aria-live="polite"></p>` +
    `<button type="submit" class="button button--submit">Gửi đăng ký</button>` +
    `</form>`
  );
}
