/**
 * Progressive enhancement of /dang-ky/: the form works without this script
 * (a plain POST). With it: validation with the same schema the service uses,
 * the GOV.UK error summary, a draft kept on the device (at most a week, with a
 * button to clear it), one submissionId per attempt, a button that cannot
 * send twice, and a JSON POST.
 */
import {
  parseRegistration,
  makeRegistrationSchema,
  type FieldError,
} from '../domain/registration.ts';
import { FORM_ID, SEND_STATUS_ID } from '../forms/form-ids.ts';
import {
  ROUND_NOTICE_ID,
  roundFor,
  roundNoticeHtml,
  type NoticeRound,
} from '../forms/round-notice.ts';
import { clearDraft, readDraft, restoreDraft, saveDraft } from './draft.ts';
import {
  linkSummaryToFields,
  showAllErrors,
  showFieldError,
  showSummary,
} from './error-display.ts';
import { readBody, readValueSets } from './form-values.ts';
import { sendRegistration } from './send.ts';
import { keepSheetCopy } from './sheet-copy.ts';
import { newSubmissionId } from './submission-id.ts';

export const CONFIRMATION_PATH = '/dang-ky/da-nhan/';

/** The round notice, recomputed for today: a page built in March is still right in June. */
function refreshRoundNotice(): void {
  const notice = document.getElementById(ROUND_NOTICE_ID);
  if (!notice?.dataset.rounds) return;
  const rounds = JSON.parse(notice.dataset.rounds) as NoticeRound[];
  notice.innerHTML = roundNoticeHtml(roundFor(rounds, new Date()), notice.dataset.next ?? '');
}

function enhance(form: HTMLFormElement): void {
  const schema = makeRegistrationSchema(readValueSets(form));
  const button = form.querySelector<HTMLButtonElement>('button[type=submit]')!;
  const status = document.getElementById(SEND_STATUS_ID)!;
  const idInput = form.querySelector<HTMLInputElement>('input[name=submissionId]')!;
  const summary = () => document.querySelector<HTMLElement>('.error-summary');
  let sending = false;
  let sent = false;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };
  const errorsNow = (): FieldError[] => {
    const result = parseRegistration(schema, readBody(form));
    return result.ok ? [] : result.errors;
  };
  const setBusy = (busy: boolean) => {
    sending = busy;
    button.disabled = busy;
    button.setAttribute('aria-busy', String(busy));
  };

  // Only a page with this script keeps drafts, so only it offers to clear them.
  const clearButton = document.createElement('button');
  clearButton.type = 'button';
  clearButton.className = 'button-link draft-clear';
  clearButton.textContent = 'Xóa bản nháp trên máy này';
  button.after(clearButton);
  clearButton.addEventListener('click', () => {
    // A save still pending from the last keystroke would write the draft back.
    clearTimeout(saveTimer);
    clearDraft();
    form.reset();
    submissionId = undefined;
    showAllErrors(form, []);
    showSummary([]);
    say('Đã xóa bản nháp và mọi thông tin đã nhập trên máy này.');
  });

  const draft = readDraft();
  let submissionId = draft?.submissionId;
  if (draft && restoreDraft(form, draft))
    say('Đã điền lại những gì bạn nhập lần trước trên máy này.');
  refreshRoundNotice();
  linkSummaryToFields();

  // As the person types, an error already shown is updated or cleared; a new one appears when they leave the field.
  const check = (target: EventTarget | null, showNew: boolean) => {
    const field = (target as HTMLInputElement | null)?.name;
    if (!field || field === 'website' || field === 'submissionId') return;
    const group = form.querySelector(`[data-field="${field}"]`);
    if (!showNew && !group?.classList.contains('form-group--error')) return;
    const errors = errorsNow();
    showFieldError(form, field, errors.find((e) => e.field === field)?.message);
    if (!summary()?.hidden)
      showSummary(
        errors.length
          ? errors.filter((e) => form.querySelector(`[data-field="${e.field}"].form-group--error`))
          : [],
      );
  };
  form.addEventListener('input', (event) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveDraft(form, submissionId), 300);
    check(event.target, false);
  });
  form.addEventListener('change', (event) => {
    saveDraft(form, submissionId);
    check(event.target, true);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending || sent) return;
    const errors = errorsNow();
    showAllErrors(form, errors);
    showSummary(errors);
    if (errors.length) return say('');
    setBusy(true);
    clearTimeout(saveTimer);
    say('Đang gửi đăng ký…');
    // One id per attempt, kept in the draft: a retry after a lost answer is stored once.
    submissionId ??= newSubmissionId();
    idInput.value = submissionId;
    saveDraft(form, submissionId);
    const outcome = await sendRegistration(form.action, readBody(form));
    if (outcome.kind === 'sent') {
      sent = true;
      clearDraft();
      keepSheetCopy(form, outcome.receipt);
      say('Đã gửi. Đang mở trang xác nhận…');
      location.assign(`${CONFIRMATION_PATH}?ma=${encodeURIComponent(outcome.receipt)}`);
      return;
    }
    setBusy(false);
    if (outcome.kind === 'invalid') {
      say('');
      showAllErrors(form, outcome.errors);
      showSummary(outcome.errors);
    } else say(outcome.message, 'error');
  });

  // Back from the confirmation page (page cache): a clean form for the next product.
  addEventListener('pageshow', (event) => {
    if (!event.persisted || !sent) return;
    sent = false;
    submissionId = undefined;
    form.reset();
    setBusy(false);
    say('');
  });
}

const form = document.getElementById(FORM_ID);
if (form instanceof HTMLFormElement) enhance(form);
