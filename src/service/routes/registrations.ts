/**
 * POST /api/registrations and GET /api/registrations/RECEIPT.
 * A form post (no JavaScript) answers 303 to the confirmation page or a 422
 * page; a JSON post answers 201/200 JSON or 422 JSON. 2xx and 303 are sent
 * only after the registration is committed.
 */
import type { Context, Hono } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import {
  isHoneypotFilled,
  parseRegistration,
  readSubmissionId,
  type FieldError,
} from '../../domain/registration.ts';
import { assignRound } from '../../domain/round.ts';
import {
  INITIAL_STATUS,
  NEEDS_MORE_STATUS,
  SPAM_STATUS,
  type Status,
} from '../../domain/status.ts';
import { BodyError, bodyKind, readBody, type FormValues } from '../http/body.ts';
import { clientAddress } from '../http/client.ts';
import type { Deps } from '../deps.ts';
import { messagePage } from '../http/html.ts';
import { renderInvalidPage } from '../../forms/invalid-page.ts';
import type { StoredRegistration } from '../storage/store.ts';

export const CONFIRMATION_PATH = '/dang-ky/da-nhan/';
const TOO_MANY = 'Bạn đã gửi quá nhiều lần trong một phút. Vui lòng đợi một chút rồi gửi lại.';

/** JSON answers for JSON bodies, and for form bodies from scripts that ask for JSON. */
function wantsJson(c: Context): boolean {
  if (bodyKind(c) === 'json') return true;
  const accept = c.req.header('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/**
 * What the producer is told: spam (a honeypot hit, or marked rac by staff) is answered exactly like
 * a waiting registration, and the public reason comes only with can-bo-sung.
 */
export function publicView(r: StoredRegistration): {
  receipt: string;
  round: string | null;
  status: Status;
  publicNote?: string;
} {
  const status = r.honeypot || r.status === SPAM_STATUS ? INITIAL_STATUS : r.status;
  return status === NEEDS_MORE_STATUS
    ? { receipt: r.receipt, round: r.round, status, publicNote: r.publicNote ?? '' }
    : { receipt: r.receipt, round: r.round, status };
}

function problem(c: Context, json: boolean, status: 413 | 415 | 422 | 400 | 429, message: string) {
  if (json) return c.json({ errors: [{ field: '', message }] }, status);
  const titles = {
    400: 'Không đọc được dữ liệu',
    413: 'Dữ liệu quá lớn',
    415: 'Không nhận dạng dữ liệu này',
    422: 'Không đọc được dữ liệu',
    429: 'Gửi quá nhiều lần',
  };
  return c.html(messagePage(titles[status], message), status);
}

export function mountRegistrationRoutes(app: Hono, deps: Deps): void {
  app.post('/api/registrations', async (c) => {
    const json = wantsJson(c);
    if (deps.postLimiter) {
      const limit = deps.postLimiter.hit(clientAddress(c, deps.config.trustProxy));
      if (!limit.ok) {
        c.header('Retry-After', String(limit.retryAfter));
        return problem(c, json, 429, TOO_MANY);
      }
    }
    let data: unknown;
    try {
      data = (await readBody(c)).data;
    } catch (err) {
      if (err instanceof BodyError) return problem(c, json, err.status, err.message);
      throw err;
    }
    const parsed = parseRegistration(deps.schema, data);
    if (!parsed.ok) return invalid(c, json, data, parsed.errors, deps);

    const at = deps.now();
    const { record, created } = await deps.registrations.add({
      value: parsed.value,
      submissionId: readSubmissionId(data),
      honeypot: isHoneypotFilled(data),
      at,
      round: assignRound(deps.content.campaign.rounds, at)?.slug ?? null,
      campaign: deps.content.campaign.slug,
      consentVersion: deps.consentVersion(),
    });
    if (json) return c.json(publicView(record), created ? 201 : 200);
    return c.redirect(`${CONFIRMATION_PATH}?ma=${encodeURIComponent(record.receipt)}`, 303);
  });

  app.get('/api/registrations/:receipt', (c) => {
    const limited = lookupLimited(c, deps);
    if (limited) return c.json({ errors: [{ field: '', message: TOO_MANY_LOOKUPS }] }, 429);
    const receipt = normaliseReceipt(c.req.param('receipt'));
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    c.header('Cache-Control', 'no-store');
    if (!record)
      return c.json(
        { errors: [{ field: 'receipt', message: 'Không tìm thấy mã hồ sơ này' }] },
        404,
      );
    return c.json(publicView(record));
  });
}

export const TOO_MANY_LOOKUPS =
  'Bạn tra cứu quá nhiều lần trong một phút. Vui lòng đợi một chút rồi thử lại.';

/**
 * Counts a receipt lookup against the client's per-minute limit; true (with Retry-After and
 * no-store set) when it is over. Receipts are short codes: without a limit, a loop could try them all.
 */
export function lookupLimited(c: Context, deps: Deps): boolean {
  if (!deps.lookupLimiter) return false;
  const limit = deps.lookupLimiter.hit(clientAddress(c, deps.config.trustProxy));
  if (limit.ok) return false;
  c.header('Retry-After', String(limit.retryAfter));
  c.header('Cache-Control', 'no-store');
  return true;
}

function invalid(c: Context, json: boolean, data: unknown, errors: FieldError[], deps: Deps) {
  if (json) return c.json({ errors }, 422);
  const values = (data ?? {}) as FormValues;
  return c.html(renderInvalidPage({ values, errors, content: deps.content, now: deps.now() }), 422);
}
