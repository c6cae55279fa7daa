/**
 * GOV.UK-pattern form controls as HTML strings: a form group with a real
 * <label> or <legend>, a hint, an inline error and the control, wired with
 * aria-describedby. Each group carries data-field so the client script can
 * show and clear errors on the same markup.
 */
import {
  REGISTRATION_FIELDS,
  type FieldInfo,
  type RegistrationField,
} from '../domain/registration-fields.ts';
import { attrs, esc } from './html.ts';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

interface Common {
  name: RegistrationField;
  error?: string;
  /** The label from content when the authority words it (the unit, the consents); else the field's own. */
  label?: string;
}

/** Ids of the hint and the error that describe a control. */
function describedBy(
  name: string,
  hint: string | undefined,
  error: string | undefined,
): string | undefined {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function hintHtml(name: string, hint: string | undefined): string {
  return hint ? `<p id="${esc(name)}-hint" class="hint">${esc(hint)}</p>` : '';
}

/** The inline error message; the client script builds the same element. */
export function errorHtml(name: string, error: string | undefined): string {
  return error
    ? `<p id="${esc(name)}-error" class="error-message"><span class="visually-hidden">Lỗi: </span>${esc(error)}</p>`
    : '';
}

function group(name: string, error: string | undefined, inner: string): string {
  return `<div class="form-group${error ? ' form-group--error' : ''}" data-field="${esc(name)}">${inner}</div>`;
}

export interface TextFieldOptions extends Common {
  value: string;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  inputmode?: string;
  spellcheck?: boolean;
  /** A narrower box for short answers (GOV.UK: the width hints at the expected length). */
  width?: 'short' | 'medium';
}

export function textField(o: TextFieldOptions): string {
  const info: FieldInfo = REGISTRATION_FIELDS[o.name];
  const hint = info.hint;
  const input = `<input${attrs({
    class: `input${o.width ? ` input--${o.width}` : ''}${o.error ? ' input--error' : ''}`,
    id: o.name,
    name: o.name,
    type: o.type ?? 'text',
    value: o.value,
    maxlength: info.max,
    autocomplete: o.autocomplete,
    inputmode: o.inputmode,
    spellcheck: o.spellcheck === false ? 'false' : undefined,
    'aria-describedby': describedBy(o.name, hint, o.error),
    'aria-invalid': o.error ? 'true' : undefined,
    'data-describe': true,
  })}>`;
  return group(
    o.name,
    o.error,
    `<label class="label" for="${o.name}">${esc(info.label)}</label>${hintHtml(o.name, hint)}${errorHtml(o.name, o.error)}${input}`,
  );
}

export function textareaField(o: Common & { value: string; rows?: number }): string {
  const info: FieldInfo = REGISTRATION_FIELDS[o.name];
  const hint = info.hint;
  const area = `<textarea${attrs({
    class: `textarea${o.error ? ' input--error' : ''}`,
    id: o.name,
    name: o.name,
    rows: o.rows ?? 5,
    maxlength: info.max,
    'aria-describedby': describedBy(o.name, hint, o.error),
    'aria-invalid': o.error ? 'true' : undefined,
    'data-describe': true,
  })}>${esc(o.value)}</textarea>`;
  return group(
    o.name,
    o.error,
    `<label class="label" for="${o.name}">${esc(info.label)}</label>${hintHtml(o.name, hint)}${errorHtml(o.name, o.error)}${area}`,
  );
}

export function selectField(
  o: Common & {
    value: string;
    choices: readonly Choice[];
    placeholder: string;
    autocomplete?: string;
    data?: Record<string, string>;
  },
): string {
  const info: FieldInfo = REGISTRATION_FIELDS[o.name];
  const options = [`<option value="">${esc(o.placeholder)}</option>`]
    .concat(
      o.choices.map(
        (c) =>
          `<option${attrs({ value: c.value, selected: c.value === o.value })}>${esc(c.label)}</option>`,
      ),
    )
    .join('');
  const select = `<select${attrs({
    class: `select input--medium${o.error ? ' input--error' : ''}`,
    id: o.name,
    name: o.name,
    autocomplete: o.autocomplete,
    ...Object.fromEntries(Object.entries(o.data ?? {}).map(([k, v]) => [`data-${k}`, v])),
    'aria-describedby': describedBy(o.name, undefined, o.error),
    'aria-invalid': o.error ? 'true' : undefined,
    'data-describe': true,
  })}>${options}</select>`;
  return group(
    o.name,
    o.error,
    `<label class="label" for="${o.name}">${esc(o.label ?? info.label)}</label>${errorHtml(o.name, o.error)}${select}`,
  );
}

/** Id of the n-th choice of a group; the first one is the field name so error links land on it. */
const choiceId = (name: string, i: number) => (i === 0 ? name : `${name}-${i + 1}`);

function choicesHtml(
  type: 'radio' | 'checkbox',
  name: string,
  choices: readonly Choice[],
  checked: (v: string) => boolean,
): string {
  return choices
    .map((c, i) => {
      const id = choiceId(name, i);
      const hintId = c.hint ? `${id}-item-hint` : undefined;
      const input = `<input${attrs({ class: `${type}__input`, id, name, type, value: c.value, checked: checked(c.value), 'aria-describedby': hintId })}>`;
      const hint = c.hint ? `<p id="${hintId}" class="hint choice__hint">${esc(c.hint)}</p>` : '';
      return `<div class="choice">${input}<label class="choice__label" for="${id}">${esc(c.label)}</label>${hint}</div>`;
    })
    .join('');
}

/** A fieldset of radios or checkboxes with a <legend>; `extra` goes after the choices (an "other" text box). */
export function choiceFieldset(
  o: Common & {
    type: 'radio' | 'checkbox';
    choices: readonly Choice[];
    checked: (value: string) => boolean;
    extra?: string;
  },
): string {
  const info: FieldInfo = REGISTRATION_FIELDS[o.name];
  const hint = info.hint;
  const fieldset =
    `<fieldset${attrs({ class: 'fieldset', 'aria-describedby': describedBy(o.name, hint, o.error), 'data-describe': true })}>` +
    `<legend class="fieldset__legend">${esc(info.label)}</legend>${hintHtml(o.name, hint)}${errorHtml(o.name, o.error)}` +
    `<div class="choices">${choicesHtml(o.type, o.name, o.choices, o.checked)}</div>${o.extra ?? ''}</fieldset>`;
  return group(o.name, o.error, fieldset);
}

/** One checkbox that stands alone (consent), value "on" like a browser sends. */
export function singleCheckbox(o: Common & { checked: boolean }): string {
  const info: FieldInfo = REGISTRATION_FIELDS[o.name];
  const hint = info.hint;
  const input = `<input${attrs({
    class: 'checkbox__input',
    id: o.name,
    name: o.name,
    type: 'checkbox',
    value: 'on',
    checked: o.checked,
    'aria-describedby': describedBy(o.name, hint, o.error),
    'aria-invalid': o.error ? 'true' : undefined,
    'data-describe': true,
  })}>`;
  return group(
    o.name,
    o.error,
    `${errorHtml(o.name, o.error)}<div class="choice">${input}<label class="choice__label" for="${o.name}">${esc(o.label ?? info.label)}</label>${hint ? `<p id="${o.name}-hint" class="hint choice__hint">${esc(hint)}</p>` : ''}</div>`,
  );
}
