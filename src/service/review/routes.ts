/**
 * The review UI at /quan-ly/: sign in, list with search, filters and counts, one registration,
 * set its status with a note, sign out. Server-rendered, no JavaScript.
 * Every POST carries a CSRF token; every route is held to the account's commune.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { normaliseReceipt } from '../../domain/receipt.ts';
import { checkPassword, mayAccess } from '../http/auth.ts';
import { BodyError, parseUrlencoded, readBytes, type FormValues } from '../http/body.ts';
import { checkPreSessionToken, CSRF_FIELD, preSessionToken, tokensMatch } from '../http/csrf.ts';
import type { Deps } from '../deps.ts';
import type { StoredRegistration } from '../storage/store.ts';
import { readFilter } from '../http/filters.ts';
import {
  clearSessionCookie,
  isHttps,
  readSessionCookie,
  writeSessionCookie,
} from '../http/session.ts';
import { readReview } from '../routes/status.ts';
import { readDossierUpdate } from '../../domain/dossier.ts';
import { readDossierItems } from '../storage/dossier.ts';
import { dossierSection } from './dossier-section.ts';
import { REVIEW_CSS, STYLESHEET, UI } from './layout.ts';
import { listPage } from './list-page.ts';
import { mountRightsRoutes, RIGHTS_SAVED } from './rights.ts';
import { mountSheetRoute } from './sheet.ts';
import { detailPage, problemPage, signInPage, type Viewer } from './pages.ts';

export const PAGE_SIZE = 100;
const SIGN_IN = `${UI}dang-nhap`;
const SITE_CSS = resolve(import.meta.dirname, '../../styles/site.css');
const SHEET_CSS = resolve(import.meta.dirname, '../../forms/sheet.css');

const SECURITY_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Where to go after sign-in (?tiep=): only a page of this site's staff areas (/admin/ or /quan-ly/), never another host. */
export function nextPage(value: string | undefined): string | undefined {
  return value && /^\/(admin|quan-ly)\/[^\\\s]*$/.test(value) && !value.includes('..')
    ? value
    : undefined;
}

/** A posted UI form (urlencoded only; the UI never sends anything else). */
async function readForm(c: Context): Promise<FormValues | undefined> {
  if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('content-type') ?? ''))
    return undefined;
  try {
    return parseUrlencoded(await readBytes(c));
  } catch (err) {
    if (err instanceof BodyError) return undefined;
    throw err;
  }
}

/** The message after a form sent the editor back to a registration's page. */
const savedMessage = (key: string | undefined): string | undefined =>
  key === '1'
    ? 'Đã lưu trạng thái.'
    : key === 'giay-to'
      ? 'Đã lưu giấy tờ hồ sơ.'
      : key
        ? RIGHTS_SAVED[key]
        : undefined;

export function mountReviewUi(app: Hono, deps: Deps): void {
  const secure = (c: Context) => isHttps(c, deps.config.trustProxy);
  let css: string | undefined;

  const viewer = (c: Context): Viewer | undefined => {
    const s = deps.sessions.get(readSessionCookie(c));
    return s && { account: s.account, csrf: s.csrf, content: deps.content };
  };

  app.use(`${UI}*`, async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS))
      if (!c.res.headers.has(k) || k === 'Cache-Control') c.res.headers.set(k, v);
  });
  app.get('/quan-ly', (c) => c.redirect(UI, 301));

  app.get(STYLESHEET, (c) => {
    css ??= readFileSync(SITE_CSS, 'utf8') + REVIEW_CSS + readFileSync(SHEET_CSS, 'utf8');
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(css);
  });

  app.get(SIGN_IN, (c) => {
    const next = nextPage(c.req.query('tiep'));
    if (viewer(c)) return c.redirect(next ?? UI, 303);
    return c.html(signInPage({ csrf: preSessionToken(c, secure(c)), next }));
  });

  app.post(SIGN_IN, async (c) => {
    const form = await readForm(c);
    const name = String(one(form?.name) ?? '')
      .trim()
      .slice(0, 100);
    const password = String(one(form?.password) ?? '');
    const next = nextPage(c.req.query('tiep'));
    const again = (status: 400 | 401 | 403 | 429 | 503, error: string) =>
      c.html(signInPage({ csrf: preSessionToken(c, secure(c)), name, error, next }), status);
    if (!form || !checkPreSessionToken(c, one(form[CSRF_FIELD])))
      return again(403, 'Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.');
    if (!name || !password) return again(400, 'Vui lòng nhập tên tài khoản và mật khẩu.');
    const { account, throttled, busy } = await checkPassword(c, deps, name, password);
    if (busy) {
      c.header('Retry-After', String(busy));
      return again(503, 'Máy chủ đang bận kiểm tra đăng nhập. Vui lòng thử lại sau ít giây.');
    }
    if (throttled) {
      c.header('Retry-After', String(throttled));
      return again(
        429,
        `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(throttled / 60)} phút.`,
      );
    }
    if (!account) return again(401, 'Tên tài khoản hoặc mật khẩu không đúng.');
    // A new session id at every sign-in: a planted cookie never becomes a signed-in one.
    deps.sessions.destroy(readSessionCookie(c));
    writeSessionCookie(c, deps.sessions.create(account.name), secure(c));
    return c.redirect(next ?? UI, 303);
  });

  app.post(`${UI}dang-xuat`, async (c) => {
    const v = viewer(c);
    const form = await readForm(c);
    if (v && !tokensMatch(v.csrf, one(form?.[CSRF_FIELD])))
      return c.html(
        problemPage(
          'Không thực hiện được',
          'Mã chống giả mạo không đúng. Vui lòng tải lại trang.',
          v,
        ),
        403,
      );
    deps.sessions.destroy(readSessionCookie(c));
    clearSessionCookie(c, secure(c));
    return c.redirect(SIGN_IN, 303);
  });

  app.get(UI, (c) => {
    const v = viewer(c);
    if (!v) return c.redirect(SIGN_IN, 303);
    const read = readFilter(deps, v.account, c.req.query());
    if (!read.ok) return c.html(problemPage('Bộ lọc không đúng', read.message, v), 422);
    const counts = deps.registrations.countByStatus(read.filter);
    const matching = read.filter.status
      ? (counts.get(read.filter.status) ?? 0)
      : [...counts.values()].reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(matching / PAGE_SIZE));
    const requested = Number.parseInt(c.req.query('trang') ?? '1', 10);
    const page = Number.isFinite(requested) ? Math.min(Math.max(1, requested), pages) : 1;
    // Newest first on screen; the export keeps the order of arrival.
    const records = deps.registrations.page(
      read.filter,
      (page - 1) * PAGE_SIZE,
      PAGE_SIZE,
      matching,
    );
    return c.html(
      listPage(v, { records, total: matching, page, pages, counts, query: read.query }),
    );
  });

  /** The registration the viewer may open, or the page that says why not. */
  const open = (c: Context, v: Viewer) => {
    const receipt = normaliseReceipt(c.req.param('receipt') ?? '');
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    // Another commune's receipt gets the very answer of an unknown one: existence does not leak across communes.
    if (!record || !mayAccess(v.account, record.commune))
      return {
        denied: c.html(problemPage('Không tìm thấy hồ sơ', 'Không có hồ sơ với mã này.', v), 404),
      };
    return { record };
  };

  /** A posted UI form about one registration: signed in, the session's CSRF token, a registration the viewer may open. */
  const posted = async (
    c: Context,
  ): Promise<
    { v: Viewer; form: FormValues; record: StoredRegistration } | { denied: Response }
  > => {
    const v = viewer(c);
    if (!v)
      return {
        denied: c.html(
          problemPage('Cần đăng nhập', 'Phiên làm việc đã hết; vui lòng đăng nhập lại.'),
          401,
        ),
      };
    const form = await readForm(c);
    if (!form || !tokensMatch(v.csrf, one(form[CSRF_FIELD])))
      return {
        denied: c.html(
          problemPage(
            'Không thực hiện được',
            'Mã chống giả mạo không đúng. Vui lòng tải lại trang.',
            v,
          ),
          403,
        ),
      };
    const { record, denied } = open(c, v);
    return record ? { v, form, record } : { denied: denied! };
  };
  mountRightsRoutes(app, deps, posted);
  mountSheetRoute(app, deps, (c) => {
    const v = viewer(c);
    if (!v) return { denied: c.redirect(`${UI}dang-nhap`, 303) };
    const { record, denied } = open(c, v);
    return record ? { v, record } : { denied: denied! };
  });

  app.get(`${UI}ho-so/:receipt`, (c) => {
    const v = viewer(c);
    if (!v) return c.redirect(SIGN_IN, 303);
    const { record, denied } = open(c, v);
    if (!record) return denied;
    deps.audit.record(v.account.name, 'view', record.receipt, 'xem hồ sơ', deps.now());
    return c.html(
      detailPage(v, record, deps.registrations.history(record.receipt), {
        saved: savedMessage(c.req.query('da-luu')),
        dossier: dossierOf(record.receipt, v.csrf),
      }),
    );
  });

  const dossierOf = (receipt: string, csrf: string) =>
    dossierSection(
      receipt,
      readDossierItems(deps.config.contentDir),
      deps.dossier.marks(receipt),
      csrf,
    );

  app.post(`${UI}ho-so/:receipt/giay-to`, async (c) => {
    const p = await posted(c);
    if ('denied' in p) return p.denied;
    const { v, form, record } = p;
    const items = readDossierItems(deps.config.contentDir);
    const chosen = Object.fromEntries(
      items.flatMap((i) => (one(form[i.slug]) ? [[i.slug, one(form[i.slug])]] : [])),
    );
    if (Object.keys(chosen).length === 0)
      return c.redirect(`${UI}ho-so/${record.receipt}#giay-to`, 303);
    const update = readDossierUpdate(chosen, new Set(items.map((i) => i.slug)));
    if (!update.ok) return c.html(problemPage('Không lưu được', update.message, v), 422);
    deps.dossier.set(record.receipt, update.items, v.account.name, deps.now());
    deps.audit.record(
      v.account.name,
      'dossier',
      record.receipt,
      Object.entries(update.items)
        .map(([k, s]) => `${k}=${s}`)
        .join(', '),
      deps.now(),
    );
    return c.redirect(`${UI}ho-so/${record.receipt}?da-luu=giay-to#giay-to`, 303);
  });

  app.post(`${UI}ho-so/:receipt`, async (c) => {
    const p = await posted(c);
    if ('denied' in p) return p.denied;
    const { v, form, record } = p;
    const review = readReview(one(form.status), one(form.note) ?? '', one(form.publicNote) ?? '');
    if (!review.ok) {
      const typed = {
        status: String(one(form.status) ?? ''),
        note: String(one(form.note) ?? ''),
        publicNote: String(one(form.publicNote) ?? ''),
      };
      return c.html(
        detailPage(v, record, deps.registrations.history(record.receipt), {
          error: review.message,
          typed,
          dossier: dossierOf(record.receipt, v.csrf),
        }),
        422,
      );
    }
    deps.registrations.setStatus(
      record.receipt,
      review.status,
      review.note,
      v.account.name,
      deps.now(),
      review.publicNote,
    );
    deps.audit.record(v.account.name, 'status', record.receipt, review.status, deps.now());
    return c.redirect(`${UI}ho-so/${record.receipt}?da-luu=1`, 303);
  });
}
