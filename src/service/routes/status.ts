/**
 * POST /api/registrations/RECEIPT/status {"status", "note"}: an editor's
 * review. Basic-auth callers need nothing more; session callers (the review
 * UI's cookie) must send the session's CSRF token.
 */
import type { Hono } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { isStatus, STATUSES } from '../../domain/status.ts';
import { BLOCK_CONTROLS, clean } from '../../domain/text.ts';
import { authenticate, mayAccess } from '../auth.ts';
import { BodyError, bodyKind, parseJson, readBytes } from '../body.ts';
import { CSRF_FIELD, CSRF_HEADER, tokensMatch } from '../csrf.ts';
import type { Deps } from '../deps.ts';
import { authFailure } from './export.ts';

export const MAX_NOTE_LENGTH = 2000;

const fail = (field: string, message: string) => ({ errors: [{ field, message }] });

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
    const auth = await authenticate(c, deps);
    if (!auth.ok) return authFailure(c, auth);
    const { caller } = auth;
    if (bodyKind(c) !== 'json') return c.json(fail('', 'Chỉ nhận dữ liệu dạng application/json'), 415);
    let body: unknown;
    try {
      body = parseJson(await readBytes(c));
    } catch (err) {
      if (err instanceof BodyError) return c.json(fail('', err.message), err.status);
      throw err;
    }
    const fields = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    if (caller.kind === 'session' && !tokensMatch(caller.session.csrf, c.req.header(CSRF_HEADER) ?? fields[CSRF_FIELD])) {
      return c.json(fail('', 'Thiếu hoặc sai mã chống giả mạo (CSRF)'), 403);
    }
    const receipt = normaliseReceipt(c.req.param('receipt'));
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    // A commune account gets one answer for a receipt outside its commune and for one that does not
    // exist (403, the contract's answer for the first), so it cannot learn which receipts exist elsewhere.
    if (caller.account.commune !== null && (!record || !mayAccess(caller.account, record.commune))) {
      return c.json(fail('receipt', 'Tài khoản này chỉ rà soát được hồ sơ của xã mình'), 403);
    }
    if (!record) return c.json(fail('receipt', 'Không tìm thấy mã hồ sơ này'), 404);
    const review = readReview(fields.status, fields.note);
    if (!review.ok) return c.json(fail(review.field, review.message), 422);
    const updated = deps.registrations.setStatus(record.receipt, review.status, review.note, caller.account.name, deps.now())!;
    deps.audit.record(caller.account.name, 'status', updated.receipt, review.status, deps.now());
    return c.json({ receipt: updated.receipt, round: updated.round, status: updated.status, reviewedAt: updated.reviewedAt, note: updated.reviewNote });
  });
}
