/**
 * The common start of an editor's JSON action on one registration
 * (POST /api/registrations/RECEIPT/…): signed in (Basic, or the review UI's
 * session plus its CSRF token), a JSON object body, and a registration the
 * account may act on. A commune account gets one answer for a receipt of
 * another commune and for one that does not exist (403, the contract's answer
 * for the first), so it cannot learn which receipts exist elsewhere.
 */
import type { Context } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { authenticate, mayAccess, type Caller } from '../http/auth.ts';
import { BodyError, bodyKind, parseJson, readBytes } from '../http/body.ts';
import { CSRF_FIELD, CSRF_HEADER, tokensMatch } from '../http/csrf.ts';
import type { Deps } from '../deps.ts';
import type { StoredRegistration } from '../storage/store.ts';
import { authFailure } from './export.ts';

export const fail = (field: string, message: string) => ({ errors: [{ field, message }] });

export const NOT_FOUND = 'Không tìm thấy mã hồ sơ này';
export const OTHER_UNIT = 'Tài khoản này chỉ làm việc được với hồ sơ của đơn vị mình';

export type EditorAction =
  | { ok: true; caller: Caller; record: StoredRegistration; fields: Record<string, unknown> }
  | { ok: false; response: Response };

export async function startEditorAction(c: Context, deps: Deps): Promise<EditorAction> {
  const auth = await authenticate(c, deps);
  if (!auth.ok) return { ok: false, response: authFailure(c, auth, deps) };
  const { caller } = auth;
  if (bodyKind(c) !== 'json')
    return { ok: false, response: c.json(fail('', 'Chỉ nhận dữ liệu dạng application/json'), 415) };
  let body: unknown;
  try {
    body = parseJson(await readBytes(c));
  } catch (err) {
    if (err instanceof BodyError)
      return { ok: false, response: c.json(fail('', err.message), err.status) };
    throw err;
  }
  const fields =
    body && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  if (
    caller.kind === 'session' &&
    !tokensMatch(caller.session.csrf, c.req.header(CSRF_HEADER) ?? fields[CSRF_FIELD])
  ) {
    return { ok: false, response: c.json(fail('', 'Thiếu hoặc sai mã chống giả mạo (CSRF)'), 403) };
  }
  const receipt = normaliseReceipt(c.req.param('receipt') ?? '');
  const record = receipt ? deps.registrations.get(receipt) : undefined;
  if (caller.account.commune !== null && (!record || !mayAccess(caller.account, record.commune))) {
    return { ok: false, response: c.json(fail('receipt', OTHER_UNIT), 403) };
  }
  if (!record) return { ok: false, response: c.json(fail('receipt', NOT_FOUND), 404) };
  return { ok: true, caller, record, fields };
}
