/** GET /api/registrations.csv: the export an editor may see, filtered by commune, round and status, and searched by ?q=. */
import type { Context, Hono } from 'hono';
import { exportCsv } from '../../export/csv.ts';
import { toVnIso } from '../../domain/time.ts';
import { authenticate, realmOf, type AuthOutcome } from '../http/auth.ts';
import type { Deps } from '../deps.ts';
import { readFilter } from '../http/filters.ts';

/** The JSON answer to a failed authentication (401 with a challenge, 429, or 503 while hashing is saturated). */
export function authFailure(
  c: Context,
  outcome: Extract<AuthOutcome, { ok: false }>,
  deps: Pick<Deps, 'content'>,
) {
  c.header('Cache-Control', 'no-store');
  if (outcome.status === 503) {
    c.header('Retry-After', String(outcome.retryAfter ?? 5));
    return c.json(
      {
        errors: [
          {
            field: '',
            message: 'Máy chủ đang bận kiểm tra đăng nhập; vui lòng thử lại sau ít giây.',
          },
        ],
      },
      503,
    );
  }
  if (outcome.status === 429) {
    c.header('Retry-After', String(outcome.retryAfter ?? 60));
    return c.json(
      { errors: [{ field: '', message: 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.' }] },
      429,
    );
  }
  c.header('WWW-Authenticate', realmOf(deps.content.authority));
  return c.json(
    { errors: [{ field: '', message: 'Cần đăng nhập bằng tài khoản biên tập viên.' }] },
    401,
  );
}

export function mountExportRoute(app: Hono, deps: Deps): void {
  app.get('/api/registrations.csv', async (c) => {
    const auth = await authenticate(c, deps);
    if (!auth.ok) return authFailure(c, auth, deps);
    const read = readFilter(deps, auth.caller.account, c.req.query());
    c.header('Cache-Control', 'no-store');
    if (!read.ok) return c.json({ errors: [{ field: '', message: read.message }] }, 422);
    const rows = deps.registrations.list(read.filter);
    const bytes = exportCsv(rows);
    deps.audit.record(
      auth.caller.account.name,
      'export',
      null,
      `${rows.length} hồ sơ; bộ lọc ${JSON.stringify(read.filter)}`,
      deps.now(),
    );
    const stamp = toVnIso(deps.now()).slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
    const scope = auth.caller.account.commune ?? read.filter.commune ?? 'toan-huyen';
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="dang-ky-ocop-${scope}-${stamp}.csv"`);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200);
  });
}
