/**
 * CSRF protection for cookie-authenticated requests: every POST form carries
 * the session's token (synchronizer pattern); before sign-in, a token in a
 * short-lived cookie must match the form's (double submit). Basic-auth callers
 * send no cookie a browser could add on its own, so they need no token.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const PRE_SESSION_COOKIE = 'ocop_csrf';

/** Constant-time comparison of two tokens; false when either is missing. */
export function tokensMatch(expected: string | undefined, given: unknown): boolean {
  if (!expected || typeof given !== 'string' || given.length === 0) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The sign-in form's token: reuses the cookie's when present, otherwise sets a new one. */
export function preSessionToken(c: Context, secure: boolean): string {
  const existing = getCookie(c, PRE_SESSION_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, PRE_SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/quan-ly/',
    maxAge: 60 * 60,
  });
  return token;
}

/** Whether the sign-in form's token matches its cookie. */
export function checkPreSessionToken(c: Context, given: unknown): boolean {
  return tokensMatch(getCookie(c, PRE_SESSION_COOKIE), given);
}
