/**
 * What the producer just sent, kept for the confirmation page's "In phiếu
 * đăng ký": the printed form (phiếu đăng ký) is made in the browser from the
 * form as it was sent, so no page with personal data sits behind a URL anyone
 * could open. Kept in sessionStorage (this tab only, gone when it closes) and
 * only for the receipt it was sent under.
 */

export const SHEET_KEY = 'ocop-phieu-dang-ky';

export interface SheetCopy {
  receipt: string;
  /** [label as the form shows it, the value as the person saw it]. */
  rows: [string, string][];
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').trim();

/** One form group's label and value as shown: chosen options by their labels, boxes as Có/Không. */
function readGroup(group: HTMLElement): [string, string] | null {
  const single =
    group.querySelectorAll('input[type=checkbox]').length === 1 && !group.querySelector('legend');
  const label =
    text(group.querySelector('legend, label.label')) || text(group.querySelector('label'));
  if (single) {
    const box = group.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    return [label, box.checked ? 'Có' : 'Không'];
  }
  const chosen = [
    ...group.querySelectorAll<HTMLInputElement>(
      'input[type=radio]:checked, input[type=checkbox]:checked',
    ),
  ].map((i) => text(group.querySelector(`label[for="${i.id}"]`)));
  const typed = [
    ...group.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input[type=text], input[type=tel], input[type=email], textarea',
    ),
  ]
    .map((i) => i.value.trim())
    .filter(Boolean);
  const selected = [...group.querySelectorAll('select')].map((s) => text(s.selectedOptions[0]));
  return [label, [...chosen, ...selected, ...typed].join('; ')];
}

/** Keeps the sent form's labels and values for the confirmation page of `receipt`. */
export function keepSheetCopy(form: HTMLFormElement, receipt: string): void {
  const rows = [...form.querySelectorAll<HTMLElement>('[data-field]')]
    .filter((g) => g.dataset.field !== 'consentProcessing' && g.dataset.field !== 'website')
    .map(readGroup)
    .filter((r): r is [string, string] => r !== null);
  try {
    sessionStorage.setItem(SHEET_KEY, JSON.stringify({ receipt, rows } satisfies SheetCopy));
  } catch {
    // No storage: the confirmation page prints itself without the form's fields.
  }
}
