/**
 * Security headers for every response. HTML gets a Content-Security-Policy that
 * allows exactly the inline scripts of that page (by SHA-256 hash), so the
 * policy stays strict without a list to maintain by hand. /admin/ (Decap CMS)
 * gets its own policy: the CMS bundle needs inline styles and eval. /nhung/ (cards
 * for other sites) is the one place another site may frame; every other page refuses frames.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Hashes of the inline <script> bodies of a page, as CSP sources. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<script\b(?![^>]*\ssrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.add(
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return [...hashes];
}

/** The policy for a site page (reading pages, the form, the review UI). */
export function sitePolicy(scriptHashes: readonly string[], formAction = "'self'"): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.length ? ' ' + scriptHashes.join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy for /admin/. `connectSources` adds the Git backend's API (e.g. the
 * local decap-server during `npm run cms`, or the hosted Git API in production).
 */
export function adminPolicy(
  connectSources: readonly string[] = [],
  scriptHashes: readonly string[] = [],
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval'${scriptHashes.length ? ' ' + scriptHashes.join(' ') : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    // blob: because Decap reads a file chosen for upload back from its blob: URL before committing it.
    `connect-src 'self'${connectSources.length ? ' ' + connectSources.join(' ') : ''} blob:`,
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-src 'self' blob:",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Pages made to be shown inside another site's <iframe> (the deadline card); every other page refuses frames. */
export const EMBED_PREFIX = '/nhung/';

/**
 * The policy for an embeddable card: any site may frame it; the card itself loads nothing (inline
 * styles only), runs nothing and submits nothing.
 */
export function embedPolicy(): string {
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
}

/** Headers every response carries, whatever it is. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/** True when the request reached us over HTTPS (directly, or via a trusted proxy). */
function isHttps(url: string, forwardedProto: string | undefined, trustProxy: boolean): boolean {
  if (url.startsWith('https:')) return true;
  return trustProxy && forwardedProto?.split(',')[0]?.trim() === 'https';
}

export function securityHeaders(opts: {
  trustProxy: boolean;
  adminConnectSources?: string[];
}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = new Headers(res.headers);
    // A route that set its own, stricter header (the review UI: Referrer-Policy same-origin) keeps it.
    for (const [k, v] of Object.entries(COMMON_HEADERS)) if (!headers.has(k)) headers.set(k, v);
    headers.delete('X-Powered-By');
    headers.delete('Server');
    if (isHttps(c.req.url, c.req.header('x-forwarded-proto'), opts.trustProxy))
      headers.set('Strict-Transport-Security', HSTS);
    // Never a Location a browser reads as another host ("//host", "/\\host"): one leading slash stays.
    const location = headers.get('Location');
    if (location && /^[\\/]{2}/.test(location))
      headers.set('Location', location.replace(/^[\\/]+/, '/'));
    const isAdmin = c.req.path === '/admin' || c.req.path.startsWith('/admin/');
    if (isAdmin) headers.set('X-Frame-Options', 'SAMEORIGIN');
    const isEmbed = c.req.path.startsWith(EMBED_PREFIX);
    if (isEmbed) {
      // X-Frame-Options cannot name "any site": leaving it out lets CSP frame-ancestors decide.
      headers.delete('X-Frame-Options');
      headers.set('Content-Security-Policy', embedPolicy());
      headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
    }
    const type = headers.get('Content-Type') ?? '';
    let body: BodyInit | null = res.body;
    if (type.includes('text/html')) {
      const html = await res.text();
      const hashes = inlineScriptHashes(html);
      // A route that chose its own policy (the review UI: default-src 'none') keeps it.
      if (!headers.has('Content-Security-Policy'))
        headers.set(
          'Content-Security-Policy',
          isAdmin ? adminPolicy(opts.adminConnectSources, hashes) : sitePolicy(hashes),
        );
      headers.delete('Content-Length');
      body = html;
    }
    // Clear first: Hono's setter would otherwise copy the old headers back over ours.
    c.res = undefined as unknown as Response;
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
