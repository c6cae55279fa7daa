/**
 * People's rights, for editors (docs/contracts.md, "Personal data"):
 * - POST /api/registrations/RECEIPT/consent {"consentPublishName": false, "reason"}
 * - POST /api/registrations/RECEIPT/correct {"field", "value", "reason"}: one personal field, checked by its schema
 * - POST /api/registrations/RECEIPT/erase {"reason"}
 * - GET /api/audit?limit=N, the access log, for district-wide accounts only.
 * Commune-scoped like every editor route; session callers send the CSRF token.
 */
import type { Hono } from 'hono';
import { clean } from '../../domain/text.ts';
import { schemaCheck } from '../../domain/field-checks.ts';
import { authenticate } from '../http/auth.ts';
import { CORRECTABLE_COLUMNS, isCorrectable } from '../storage/personal-data.ts';
import type { Deps } from '../deps.ts';
import { authFailure } from './export.ts';
import { fail, startEditorAction } from './editor-action.ts';

export const MAX_REASON_LENGTH = 500;

/** A reason is required: a request from a person, or the legal ground. */
function readReason(value: unknown): { ok: true; reason: string } | { ok: false; message: string } {
  const reason = typeof value === 'string' ? clean(value) : '';
  if (!reason)
    return { ok: false, message: 'Cần ghi lý do (ví dụ: chủ thể yêu cầu ngày 05/12/2026).' };
  if (reason.length > MAX_REASON_LENGTH)
    return { ok: false, message: `Lý do không quá ${MAX_REASON_LENGTH} ký tự.` };
  return { ok: true, reason };
}

export function mountPersonalDataRoutes(app: Hono, deps: Deps): void {
  app.post('/api/registrations/:receipt/consent', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    if (typeof fields.consentPublishName !== 'boolean')
      return c.json(fail('consentPublishName', 'consentPublishName phải là true hoặc false.'), 422);
    const reason = readReason(fields.reason);
    if (!reason.ok) return c.json(fail('reason', reason.message), 422);
    const updated = deps.personalData.setPublishConsent(
      record.receipt,
      fields.consentPublishName,
      reason.reason,
      caller.account.name,
      deps.now(),
    )!;
    return c.json({ receipt: updated.receipt, consentPublishName: updated.consentPublishName });
  });

  app.post('/api/registrations/:receipt/correct', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    if (!isCorrectable(fields.field))
      return c.json(
        fail('field', `Chỉ sửa được: ${Object.keys(CORRECTABLE_COLUMNS).join(', ')}.`),
        422,
      );
    const checked = schemaCheck(deps.schema, fields.field)(fields.value);
    if (!checked.ok) return c.json(fail(fields.field, checked.message), 422);
    const reason = readReason(fields.reason);
    if (!reason.ok) return c.json(fail('reason', reason.message), 422);
    const updated = deps.personalData.correct(
      record.receipt,
      fields.field,
      checked.value as string,
      reason.reason,
      caller.account.name,
      deps.now(),
    )!;
    return c.json({ receipt: updated.receipt, [fields.field]: updated[fields.field] });
  });

  app.post('/api/registrations/:receipt/erase', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    const reason = readReason(fields.reason);
    if (!reason.ok) return c.json(fail('reason', reason.message), 422);
    const updated = deps.personalData.erase(
      record.receipt,
      reason.reason,
      caller.account.name,
      deps.now(),
    )!;
    return c.json({ receipt: updated.receipt, erasedAt: updated.erasedAt });
  });

  app.get('/api/audit', async (c) => {
    const auth = await authenticate(c, deps);
    if (!auth.ok) return authFailure(c, auth, deps);
    c.header('Cache-Control', 'no-store');
    if (auth.caller.account.commune !== null)
      return c.json(
        fail('', 'Chỉ tài khoản cấp trên (toàn đơn vị) được xem nhật ký truy cập.'),
        403,
      );
    const limit = Number(c.req.query('limit') ?? 100);
    if (!Number.isFinite(limit) || limit < 1)
      return c.json(fail('limit', 'limit phải là số dương.'), 422);
    return c.json({ entries: deps.audit.list(limit) });
  });
}
