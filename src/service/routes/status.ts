/**
 * POST /api/registrations/RECEIPT/status {"status", "note", "publicNote"}: an
 * editor's review. `note` stays private; `publicNote` is the reason shown to
 * the producer, required with can-bo-sung and dropped with any other status. Basic-auth callers need nothing more; session callers (the review
 * UI's cookie) must send the session's CSRF token.
 */
import type { Hono } from 'hono';
import {
  isStatus,
  MAX_PUBLIC_NOTE_LENGTH,
  NEEDS_MORE_STATUS,
  STATUSES,
} from '../../domain/status.ts';
import { BLOCK_CONTROLS, clean } from '../../domain/text.ts';
import type { Deps } from '../deps.ts';
import { fail, startEditorAction } from './editor-action.ts';

export const MAX_NOTE_LENGTH = 2000;

export type Review =
  | { ok: true; status: keyof typeof STATUSES; note: string; publicNote: string }
  | { ok: false; field: string; message: string };

/** Checks a review's status, note and public reason; both texts are trimmed and NFC. */
export function readReview(status: unknown, note: unknown, publicNote?: unknown): Review {
  if (!isStatus(status))
    return {
      ok: false,
      field: 'status',
      message: `Trạng thái phải là một trong: ${Object.keys(STATUSES).join(', ')}`,
    };
  if (note != null && typeof note !== 'string')
    return { ok: false, field: 'note', message: 'Ghi chú phải là chữ' };
  const text = clean(note ?? '');
  if (text.length > MAX_NOTE_LENGTH)
    return { ok: false, field: 'note', message: `Ghi chú không quá ${MAX_NOTE_LENGTH} ký tự` };
  if (BLOCK_CONTROLS.test(text))
    return {
      ok: false,
      field: 'note',
      message:
        'Ghi chú có ký tự điều khiển (ký tự ẩn, không in được); vui lòng xoá ký tự đó hoặc gõ lại',
    };
  if (publicNote != null && typeof publicNote !== 'string')
    return { ok: false, field: 'publicNote', message: 'Lý do cần bổ sung phải là chữ' };
  const reason = clean(publicNote ?? '');
  if (status !== NEEDS_MORE_STATUS) return { ok: true, status, note: text, publicNote: '' };
  if (BLOCK_CONTROLS.test(reason))
    return {
      ok: false,
      field: 'publicNote',
      message:
        'Lý do cần bổ sung có ký tự điều khiển (ký tự ẩn, không in được); vui lòng xoá ký tự đó hoặc gõ lại',
    };
  if (!reason)
    return {
      ok: false,
      field: 'publicNote',
      message: 'Trạng thái "Cần bổ sung" cần ghi lý do để người đăng ký biết phải bổ sung gì',
    };
  if (reason.length > MAX_PUBLIC_NOTE_LENGTH)
    return {
      ok: false,
      field: 'publicNote',
      message: `Lý do cần bổ sung không quá ${MAX_PUBLIC_NOTE_LENGTH} ký tự`,
    };
  return { ok: true, status, note: text, publicNote: reason };
}

export function mountStatusRoute(app: Hono, deps: Deps): void {
  app.post('/api/registrations/:receipt/status', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    const review = readReview(fields.status, fields.note, fields.publicNote);
    if (!review.ok) return c.json(fail(review.field, review.message), 422);
    const updated = deps.registrations.setStatus(
      record.receipt,
      review.status,
      review.note,
      caller.account.name,
      deps.now(),
      review.publicNote,
    )!;
    deps.audit.record(caller.account.name, 'status', updated.receipt, review.status, deps.now());
    return c.json({
      receipt: updated.receipt,
      round: updated.round,
      status: updated.status,
      reviewedAt: updated.reviewedAt,
      note: updated.reviewNote,
      ...(review.publicNote ? { publicNote: review.publicNote } : {}),
    });
  });
}
