/**
 * POST /api/cms/v1: the CMS backend on the authority's own server (docs/contracts.md,
 * "The CMS on the authority's own server"). District-wide editors only, by the
 * review UI's session or Basic; JSON only; a larger body than other routes
 * (uploads arrive base64 in JSON) but still bounded.
 *
 * CSRF: Decap's requests cannot carry our token, so session callers are held
 * to three checks instead: the Origin header must be present and be this
 * service's own origin, the body must be application/json (a cross-site form
 * cannot send that without a CORS preflight, which this route never answers),
 * and the session cookie is SameSite=Strict. Basic callers send no ambient
 * credential; an Origin they do send must still be ours.
 */
import type { Context, Hono } from 'hono';
import { SERVER_CMS_API } from '../../cms/backend.ts';
import { authenticate, realmOf } from '../http/auth.ts';
import { BodyError, bodyKind, parseJson, readBytes } from '../http/body.ts';
import type { Deps } from '../deps.ts';
import { authFailure } from '../routes/export.ts';
import { isHttps } from '../http/session.ts';
import { CmsBackend } from './actions.ts';

export const CMS_API = SERVER_CMS_API;
/** 8 MiB: a CSV export of several thousand registrations, base64-encoded, with room to spare. */
export const CMS_BODY_LIMIT = 8 * 1024 * 1024;

const fail = (c: Context, status: 400 | 403 | 413 | 415 | 422, message: string) =>
  c.json({ error: message, errors: [{ field: '', message }] }, status);

/** This service's origin as the browser sees it (through a trusted proxy's X-Forwarded-Host/Proto when TRUST_PROXY is set). */
export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  const host =
    (trustProxy && c.req.header('x-forwarded-host')?.split(',')[0]?.trim()) ||
    c.req.header('host') ||
    url.host;
  return `${isHttps(c, trustProxy) ? 'https' : 'http'}://${host}`.toLowerCase();
}

export function mountCmsRoute(app: Hono, deps: Deps): CmsBackend {
  const backend = new CmsBackend({ projectDir: deps.config.projectDir });
  app.post(CMS_API, async (c) => {
    c.header('Cache-Control', 'no-store');
    const auth = await authenticate(c, deps);
    if (!auth.ok) {
      if (auth.status !== 401) return authFailure(c, auth, deps);
      // No Basic challenge to a browser (it would open its own password box over the CMS): /admin/ sends the editor to sign in.
      if (c.req.header('origin') === undefined)
        c.header('WWW-Authenticate', realmOf(deps.content.authority));
      const message = 'Cần đăng nhập bằng tài khoản biên tập viên (trang /quan-ly/).';
      return c.json({ error: message, errors: [{ field: '', message }] }, 401);
    }
    const { caller } = auth;
    const origin = c.req.header('origin');
    if (
      (caller.kind === 'session' || origin !== undefined) &&
      origin?.toLowerCase() !== ownOrigin(c, deps.config.trustProxy)
    ) {
      return fail(c, 403, 'Yêu cầu phải đến từ trang quản trị của chính trang web này.');
    }
    if (caller.account.commune !== null)
      return fail(c, 403, 'Chỉ tài khoản cấp trên (toàn đơn vị) được sửa nội dung trang web.');
    if (bodyKind(c) !== 'json') return fail(c, 415, 'Chỉ nhận dữ liệu dạng application/json.');
    let body: unknown;
    try {
      body = parseJson(await readBytes(c, CMS_BODY_LIMIT));
    } catch (err) {
      if (!(err instanceof BodyError)) throw err;
      return fail(
        c,
        err.status,
        err.status === 413
          ? `Dữ liệu gửi lên quá lớn (tối đa ${CMS_BODY_LIMIT / 1024 / 1024} MiB).`
          : err.message,
      );
    }
    try {
      const answer = await backend.handle(body, caller.account.name);
      return c.json(answer.body as object, answer.status);
    } catch (err) {
      // A failed write or commit has been undone by then (actions.ts); the editor reads why in the CMS.
      console.error(err);
      const message =
        'Máy chủ không lưu được thay đổi (lỗi khi ghi hoặc ghi lịch sử); tệp vẫn như cũ. Vui lòng thử lại sau.';
      return c.json({ error: message, errors: [{ field: '', message }] }, 500);
    }
  });
  return backend;
}
