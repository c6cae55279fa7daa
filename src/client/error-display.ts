/**
 * Shows errors on the same markup the server renders: the GOV.UK error
 * summary at the top (focused, one link per field) and an inline message in
 * each field's group, wired with aria-describedby.
 */
import type { FieldError } from '../domain/registration.ts';
import { ERROR_SUMMARY_ID, renderErrorSummaryItems } from '../forms/error-summary.ts';
import { errorHtml } from '../forms/render-fields.ts';

function describedIds(el: Element, without: string): string[] {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id && id !== without);
}

/** Shows or clears the inline error of one field. */
export function showFieldError(
  form: HTMLFormElement,
  field: string,
  message: string | undefined,
): void {
  const group = form.querySelector<HTMLElement>(`[data-field="${field}"]`);
  const target = group?.querySelector('[data-describe]');
  if (!group || !target) return;
  const errorId = `${field}-error`;
  group.querySelector(`#${CSS.escape(errorId)}`)?.remove();
  const ids = describedIds(target, errorId);
  const isControl = target.matches('input:not([type=checkbox]),select,textarea');
  group.classList.toggle('form-group--error', !!message);
  target.classList.toggle('input--error', !!message && isControl);
  if (message) {
    const anchor =
      group.querySelector('.choices') ?? (isControl ? target : target.closest('.choice'));
    anchor?.insertAdjacentHTML('beforebegin', errorHtml(field, message));
    ids.push(errorId);
    if (!target.matches('fieldset')) target.setAttribute('aria-invalid', 'true');
  } else target.removeAttribute('aria-invalid');
  if (ids.length) target.setAttribute('aria-describedby', ids.join(' '));
  else target.removeAttribute('aria-describedby');
}

/** Every field's inline error, in one go: fields not listed are cleared. */
export function showAllErrors(form: HTMLFormElement, errors: readonly FieldError[]): void {
  for (const group of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const field = group.dataset.field!;
    showFieldError(form, field, errors.find((e) => e.field === field)?.message);
  }
}

/** Fills the summary and moves focus to it, so screen readers read it first; hides it when there is nothing to fix. */
export function showSummary(errors: readonly FieldError[]): void {
  const summary = document.getElementById(ERROR_SUMMARY_ID);
  if (!summary) return;
  summary.hidden = errors.length === 0;
  summary.querySelector('ul')!.innerHTML = renderErrorSummaryItems(errors);
  if (errors.length) {
    summary.focus();
    summary.scrollIntoView({ block: 'start' });
  }
}

/** A click on a summary link focuses the field and shows its question too (the GOV.UK behaviour). */
export function linkSummaryToFields(): void {
  document.getElementById(ERROR_SUMMARY_ID)?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const input = link && document.getElementById(link.hash.slice(1));
    if (!input) return;
    event.preventDefault();
    const question =
      input.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(input.id)}"]`) ??
      input;
    question.scrollIntoView({ block: 'start' });
    input.focus({ preventScroll: true });
  });
}
