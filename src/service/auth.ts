/**
 * Who the editor is: HTTP Basic with an editor account (scripts, the API), or
 * the review UI's session cookie. Failed attempts of either kind count toward
 * the same throttle per account and client address.
 */
import type { Context } from 'hono';
import { asciiText, type Authority } from '../domain/authority.ts';
import type { Account } from './accounts.ts';
import { clientAddress } from './client.ts';
import type { Deps } from './deps.ts';
import { readSessionCookie, type Session } from './session.ts';

/** The Basic-auth challenge, named after the authority (ASCII: browsers show the realm as Latin-1). */
export const realmOf = (authority: Authority) => `Basic realm="${asciiText(authority.titleSuffix).replace(/"/g, '')}", charset="UTF-8"`;

export type Caller =
  | { kind: 'basic'; account: Account }
  | { kind: 'session'; account: Account; session: Session; token: string };

export type AuthOutcome = { ok: true; caller: Caller } | { ok: false; status: 401 | 429; retryAfter?: number };

/** The throttle key of an account name at the caller's address. */
export function throttleKey(c: Context, deps: Deps, name: string): string {
  return `${name.toLowerCase()}\n${clientAddress(c, deps.config.trustProxy)}`;
}

function readBasic(header: string | undefined): { name: string; password: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(m[1]!, 'base64'));
  } catch {
    return undefined;
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Checks a name and password with the throttle applied; used by Basic auth and the sign-in form. */
export async function checkPassword(
  c: Context,
  deps: Deps,
  name: string,
  password: string,
): Promise<{ account?: Account; throttled?: number }> {
  const key = throttleKey(c, deps, name);
  const limit = deps.signInLimiter.check(key);
  if (!limit.ok) return { throttled: limit.retryAfter };
  const account = await deps.accounts.authenticate(name, password);
  if (account) deps.signInLimiter.reset(key);
  else deps.signInLimiter.hit(key);
  return { account };
}

export async function authenticate(c: Context, deps: Deps): Promise<AuthOutcome> {
  const basic = readBasic(c.req.header('authorization'));
  if (basic) {
    const { account, throttled } = await checkPassword(c, deps, basic.name, basic.password);
    if (throttled) return { ok: false, status: 429, retryAfter: throttled };
    return account ? { ok: true, caller: { kind: 'basic', account } } : { ok: false, status: 401 };
  }
  const token = readSessionCookie(c);
  const session = deps.sessions.get(token);
  if (session && token) return { ok: true, caller: { kind: 'session', account: session.account, session, token } };
  return { ok: false, status: 401 };
}

/** Whether the account may see and change registrations of this commune. */
export function mayAccess(account: Account, commune: string): boolean {
  return account.commune === null || account.commune === commune;
}
