/**
 * The GOV.UK error summary: a list at the top of the page that links to each
 * field with a problem. Shared by the form page (the client script fills the
 * empty container) and the service's 422 page.
 */
import { esc } from './html.ts';

export interface SummaryError {
  field: string;
  message: string;
}

export const ERROR_SUMMARY_ID = 'tom-tat-loi';
export const ERROR_SUMMARY_TITLE = 'Cần sửa lại trước khi gửi';

/** The id of the element a field's error links to: the input itself, or the first choice of a radio/checkbox group. */
export function fieldAnchorId(field: string): string {
  return field;
}

/** The list items of the summary, one link per error. */
export function renderErrorSummaryItems(errors: readonly SummaryError[]): string {
  // An error about the whole submission (no field) is listed without a link.
  return errors
    .map(
      (e) =>
        `<li>${e.field ? `<a href="#${esc(fieldAnchorId(e.field))}">${esc(e.message)}</a>` : esc(e.message)}</li>`,
    )
    .join('');
}

/**
 * The summary. With no errors it is an empty, hidden container that the
 * client script fills; `autofocus` moves focus to it on a server-rendered
 * 422 page, where there is no script to do it.
 */
export function renderErrorSummary(
  errors: readonly SummaryError[],
  { autofocus = false } = {},
): string {
  const hidden = errors.length === 0 ? ' hidden' : '';
  const focus = autofocus && errors.length > 0 ? ' autofocus' : '';
  return (
    `<div id="${ERROR_SUMMARY_ID}" class="error-summary" tabindex="-1" aria-labelledby="${ERROR_SUMMARY_ID}-title"${hidden}${focus}>` +
    `<h2 id="${ERROR_SUMMARY_ID}-title" class="error-summary__title">${ERROR_SUMMARY_TITLE}</h2>` +
    `<ul class="error-summary__list">${renderErrorSummaryItems(errors)}</ul></div>`
  );
}
