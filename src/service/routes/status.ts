/**
 * POST /api/registrations/RECEIPT/status {"status", "note"}: an editor's
 * review. Basic-auth callers need nothing more; session callers (the review
 * UI's cookie) must send the session's CSRF token.
 */
import type { Hono } from 'hono';
import { isStatus, STATUSES } from '../../domain/status.ts';
import { BLOCK_CONTROLS, clean } from '../../domain/text.ts';
import type { Deps } from '../deps.ts';
import { fail, startEditorAction } from './editor-action.ts';

export const MAX_NOTE_LENGTH = 2000;

/** Checks a review's status and note; the note is trimmed and NFC. */
export function readReview(status: unknown, note: unknown): { ok: true; status: keyof typeof STATUSES; note: string } | { ok: false; field: string; message: string } {
  if (!isStatus(status)) return { ok: false, field: 'status', message: `Trạng thái phải là một trong: ${Object.keys(STATUSES).join(', ')}` };
  if (note != null && typeof note !== 'string') return { ok: false, field: 'note', message: 'Ghi chú phải là chữ' };
  const text = clean(note ?? '');
  if (text.length > MAX_NOTE_LENGTH) return { ok: false, field: 'note', message: `Ghi chú không quá ${MAX_NOTE_LENGTH} ký tự` };
  if (BLOCK_CONTROLS.test(text)) return { ok: false, field: 'note', message: 'Ghi chú có ký tự điều khiển (ký tự ẩn, không in được); vui lòng xoá ký tự đó hoặc gõ lại' };
  return { ok: true, status, note: text };
}

export function mountStatusRoute(app: Hono, deps: Deps): void {
  app.post('/api/registrations/:receipt/status', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    const review = readReview(fields.status, fields.note);
    if (!review.ok) return c.json(fail(review.field, review.message), 422);
    const updated = deps.registrations.setStatus(record.receipt, review.status, review.note, caller.account.name, deps.now())!;
    deps.audit.record(caller.account.name, 'status', updated.receipt, review.status, deps.now());
    return c.json({ receipt: updated.receipt, round: updated.round, status: updated.status, reviewedAt: updated.reviewedAt, note: updated.reviewNote });
  });
}
