/**
 * The publish routes: `GET /api/build` (editors), `POST /api/hooks/content` (a Git host's
 * webhook), and the status panel on the review UI's list page.
 */
import type { Context, Hono } from 'hono';
import { authenticate, realmOf } from '../http/auth.ts';
import type { Deps } from '../deps.ts';
import { esc } from '../http/html.ts';
import { validHookCall } from './hook.ts';
import type { BuildStatus, Publisher } from './publisher.ts';

/** A push payload is small; a host never sends more than this for a content repository. */
const HOOK_BODY_LIMIT = 5 * 1024 * 1024;

async function readLimited(c: Context, limit: number): Promise<Buffer | undefined> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) return undefined;
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}

const time = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  });

/** The small panel for editors: building, the last failure when it is newer than the last success, or when it went live. */
export function statusPanel(status: BuildStatus): string {
  const failed =
    status.lastFailure && (!status.lastSuccess || status.lastFailure.at > status.lastSuccess)
      ? status.lastFailure
      : null;
  const parts: string[] = [];
  if (status.state === 'building')
    parts.push('<p>Đang đăng thay đổi nội dung mới lên trang web…</p>');
  if (failed)
    parts.push(
      `<p><strong>Thay đổi mới nhất chưa được đăng</strong> (${esc(time(failed.at))}):</p><p>${esc(failed.message)}</p>`,
    );
  else if (status.lastSuccess && status.state === 'idle')
    parts.push(`<p>Nội dung mới đã được đăng lúc ${esc(time(status.lastSuccess))}.</p>`);
  if (parts.length === 0) return '';
  return `<section class="${failed ? 'error' : 'ok'}" id="tinh-trang-dang" aria-label="Tình trạng đăng nội dung">${parts.join('')}</section>`;
}

export function mountPublishRoutes(
  app: Hono,
  deps: Deps,
  publisher: Publisher<unknown>,
  hookSecret: string | undefined,
): void {
  app.get('/api/build', async (c) => {
    const auth = await authenticate(c, deps);
    c.header('Cache-Control', 'no-store');
    if (!auth.ok) {
      if (auth.status === 429) c.header('Retry-After', String(auth.retryAfter ?? 60));
      // No Basic challenge for a page's script (the /admin/ notice): the browser would pop up a password box.
      else if (!['cors', 'same-origin'].includes(c.req.header('sec-fetch-mode') ?? ''))
        c.header('WWW-Authenticate', realmOf(deps.content.authority));
      return c.json(
        {
          errors: [
            {
              field: '',
              message: auth.status === 429 ? 'Đăng nhập sai quá nhiều lần.' : 'Cần đăng nhập.',
            },
          ],
        },
        auth.status,
      );
    }
    return c.json(publisher.status);
  });

  app.post('/api/hooks/content', async (c) => {
    if (!hookSecret) return c.notFound();
    const body = await readLimited(c, HOOK_BODY_LIMIT);
    if (!body) return c.json({ error: 'payload too large' }, 413);
    if (!validHookCall(c.req.raw.headers, body, hookSecret))
      return c.json({ error: 'bad or missing signature' }, 401);
    // A replayed call only repeats an idempotent pull and rebuild, coalesced with any build already queued.
    publisher.pullAndBuild();
    return c.json({ accepted: true }, 202);
  });

  // The panel sits at the top of the review list, for signed-in staff only.
  app.use('/quan-ly/', async (c, next) => {
    await next();
    if (
      c.req.method !== 'GET' ||
      c.res.status !== 200 ||
      !(c.res.headers.get('Content-Type') ?? '').includes('text/html')
    )
      return;
    const panel = statusPanel(publisher.status);
    if (!panel) return;
    const html = await c.res.text();
    const at = html.search(/<main\b[^>]*>/);
    const end = at < 0 ? 0 : html.indexOf('>', at) + 1;
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    // Clear first: Hono's setter would otherwise copy the old headers back over ours.
    c.res = undefined as unknown as Response;
    c.res = new Response(at < 0 ? html : html.slice(0, end) + panel + html.slice(end), {
      status: 200,
      headers,
    });
  });
}
