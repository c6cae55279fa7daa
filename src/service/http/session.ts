/**
 * Review UI sessions: a random id in an HttpOnly, SameSite=Strict cookie; the
 * database keeps only its SHA-256, with the account and the session's CSRF
 * token. A new id at every sign-in (no fixation); removed at sign-out.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Account } from '../storage/accounts.ts';

export const SESSION_COOKIE = 'ocop_phien';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface Session {
  account: Account;
  csrf: string;
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url');

export class SessionStore {
  private readonly db: DatabaseSync;
  private readonly now: () => Date;

  constructor(db: DatabaseSync, now: () => Date) {
    this.db = db;
    this.now = now;
  }

  /** Starts a session for the account; returns the cookie value. */
  create(accountName: string): string {
    const token = randomBytes(32).toString('base64url');
    const t = this.now().getTime();
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(t);
    this.db
      .prepare(
        'INSERT INTO sessions (token_hash, account, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        tokenHash(token),
        accountName,
        randomBytes(24).toString('base64url'),
        t,
        t + SESSION_TTL_MS,
      );
    return token;
  }

  /** The live session of a cookie value, with the account as it is now. */
  get(token: string | undefined): Session | undefined {
    if (!token || token.length > 100) return undefined;
    const row = this.db
      .prepare(
        `SELECT a.name, a.commune, a.created_at, s.csrf FROM sessions s JOIN accounts a ON a.name = s.account
         WHERE s.token_hash = ? AND s.expires_at > ?`,
      )
      .get(tokenHash(token), this.now().getTime()) as
      { name: string; commune: string | null; created_at: string; csrf: string } | undefined;
    return (
      row && {
        account: { name: row.name, commune: row.commune, createdAt: row.created_at },
        csrf: row.csrf,
      }
    );
  }

  destroy(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash(token));
  }
}

/** Whether the request came over HTTPS (directly, or through a trusted proxy that says so). */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return (
    trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https'
  );
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, token: string, secure: boolean): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, secure: boolean): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Strict', secure, path: '/' });
}
