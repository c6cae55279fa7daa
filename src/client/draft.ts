/**
 * The draft kept on the device until the registration is sent, so a dropped
 * connection or a closed tab does not cost the producer their typing. It also
 * keeps the attempt's submissionId, so a retry of the same attempt is stored
 * once by the service. Storage can be missing or full: then there is no draft.
 *
 * Personal data on a phone that may be shared: a draft is kept at most
 * DRAFT_DAYS days after it was last saved (an older one is removed, never
 * restored), the producer can clear it with a button, and it is removed once
 * the registration is sent.
 */

export const DRAFT_KEY = 'ocop-dang-ky-ban-nhap';
/** How long a draft stays on the device after its last change. */
export const DRAFT_DAYS = 7;
const DRAFT_MS = DRAFT_DAYS * 24 * 60 * 60 * 1000;

export interface Draft {
  /** Field values by element id: text for inputs, true/false for checkboxes and radios. */
  fields: Record<string, string | boolean>;
  /** The submissionId of the attempt, once the producer has pressed send. */
  submissionId?: string;
  /** When it was last saved (ms since the epoch); a draft without it is from before expiry existed and is dropped. */
  savedAt?: number;
}

/** Elements that are kept: everything the producer fills in, never the honeypot or hidden fields. */
function keptElements(
  form: HTMLFormElement,
): (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[] {
  return [
    ...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
      'input[id],select[id],textarea[id]',
    ),
  ].filter((el) => el.type !== 'hidden' && el.name !== 'website');
}

/** The draft on this device, unless there is none or it is older than DRAFT_DAYS (then it is removed). */
export function readDraft(now = Date.now()): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    const draft = raw ? (JSON.parse(raw) as Draft) : null;
    if (!draft || typeof draft.fields !== 'object') return null;
    const age = now - (typeof draft.savedAt === 'number' ? draft.savedAt : 0);
    if (age < 0 || age > DRAFT_MS) {
      clearDraft();
      return null;
    }
    return draft;
  } catch {
    return null;
  }
}

export function saveDraft(form: HTMLFormElement, submissionId?: string): void {
  const fields: Draft['fields'] = {};
  for (const el of keptElements(form)) {
    fields[el.id] =
      el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')
        ? el.checked
        : el.value;
  }
  try {
    localStorage.setItem(
      DRAFT_KEY,
      JSON.stringify({ fields, submissionId, savedAt: Date.now() } satisfies Draft),
    );
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
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'))
      el.checked = value === true;
    else el.value = String(value);
    filled ||= value !== '' && value !== false;
  }
  return filled;
}
