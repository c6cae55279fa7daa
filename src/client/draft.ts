/**
 * The draft kept on the device until the registration is sent, so a dropped
 * connection or a closed tab does not cost the producer their typing. It also
 * keeps the attempt's submissionId, so a retry of the same attempt is stored
 * once by the service. Storage can be missing or full: then there is no draft.
 */

export const DRAFT_KEY = 'ocop-dang-ky-ban-nhap';

export interface Draft {
  /** Field values by element id: text for inputs, true/false for checkboxes and radios. */
  fields: Record<string, string | boolean>;
  /** The submissionId of the attempt, once the producer has pressed send. */
  submissionId?: string;
}

/** Elements that are kept: everything the producer fills in, never the honeypot or hidden fields. */
function keptElements(form: HTMLFormElement): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[id],select[id],textarea[id]')].filter(
    (el) => el.type !== 'hidden' && el.name !== 'website',
  );
}

export function readDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    return draft && typeof draft.fields === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(form: HTMLFormElement, submissionId?: string): void {
  const fields: Draft['fields'] = {};
  for (const el of keptElements(form)) {
    fields[el.id] = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value;
  }
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify({ fields, submissionId } satisfies Draft));
  } catch {
    // Private browsing or a full storage: the form still works, only without a draft.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Puts a draft back into the form; returns whether anything was filled in. */
export function restoreDraft(form: HTMLFormElement, draft: Draft): boolean {
  let filled = false;
  for (const el of keptElements(form)) {
    const value = draft.fields[el.id];
    if (value === undefined) continue;
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = value === true;
    else el.value = String(value);
    filled ||= value !== '' && value !== false;
  }
  return filled;
}
