/**
 * Who the editor is: HTTP Basic with an editor account (scripts, the API), or
 * the review UI's session cookie. Password attempts of either kind count
 * toward one throttle per account and address and one per address across all
 * names (against password spraying). An attempt is counted before the
 * password is hashed, so concurrent guesses cannot outrun the limit; a name
 * no account can have is refused without hashing or keeping it; hashing goes
 * through a bounded gate (503 when it is full).
 */
import type { Context } from 'hono';
import { asciiText, type Authority } from '../../domain/authority.ts';
import { ACCOUNT_NAME, type Account } from '../storage/accounts.ts';
import { clientAddress } from './client.ts';
import { BUSY } from './hash-gate.ts';
import type { Deps } from '../deps.ts';
import { readSessionCookie, type Session } from './session.ts';

/** The Basic-auth challenge, named after the authority (ASCII: browsers show the realm as Latin-1). */
export const realmOf = (authority: Authority) =>
  `Basic realm="${asciiText(authority.titleSuffix).replace(/"/g, '')}", charset="UTF-8"`;

export type Caller =
  | { kind: 'basic'; account: Account }
  | { kind: 'session'; account: Account; session: Session; token: string };

export type AuthOutcome =
  { ok: true; caller: Caller } | { ok: false; status: 401 | 429 | 503; retryAfter?: number };

/** Seconds a caller is asked to wait when the hashing gate is full. */
export const BUSY_RETRY_AFTER = 5;

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
  return colon < 0
    ? undefined
    : { name: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The answer to a password attempt: the account, or why not (throttled or busy: seconds to wait). */
export interface PasswordCheck {
  account?: Account;
  throttled?: number;
  busy?: number;
}

/** Checks a name and password with the throttles applied; used by Basic auth and the sign-in form. */
export async function checkPassword(
  c: Context,
  deps: Deps,
  name: string,
  password: string,
): Promise<PasswordCheck> {
  const address = clientAddress(c, deps.config.trustProxy);
  // Reserve on the address first: every attempt counts there, a well-formed name or not.
  const perAddress = deps.addressSignInLimiter.hit(address);
  if (!perAddress.ok) return { throttled: perAddress.retryAfter };
  // No account has such a name: refused without hashing (nothing to hide) and without keeping the name.
  if (!ACCOUNT_NAME.test(name)) return {};
  const key = throttleKey(c, deps, name);
  const perAccount = deps.signInLimiter.hit(key);
  if (!perAccount.ok) {
    deps.addressSignInLimiter.release(address);
    return { throttled: perAccount.retryAfter };
  }
  const account = await deps.hashGate.run(() => deps.accounts.authenticate(name, password));
  if (account === BUSY) {
    // Not checked, so not counted: a flood from elsewhere must not lock this account out.
    deps.signInLimiter.release(key);
    deps.addressSignInLimiter.release(address);
    return { busy: BUSY_RETRY_AFTER };
  }
  if (account) {
    deps.signInLimiter.reset(key);
    deps.addressSignInLimiter.release(address);
  }
  return { account };
}

export async function authenticate(c: Context, deps: Deps): Promise<AuthOutcome> {
  const basic = readBasic(c.req.header('authorization'));
  if (basic) {
    const { account, throttled, busy } = await checkPassword(c, deps, basic.name, basic.password);
    if (throttled) return { ok: false, status: 429, retryAfter: throttled };
    if (busy) return { ok: false, status: 503, retryAfter: busy };
    return account ? { ok: true, caller: { kind: 'basic', account } } : { ok: false, status: 401 };
  }
  const token = readSessionCookie(c);
  const session = deps.sessions.get(token);
  if (session && token)
    return { ok: true, caller: { kind: 'session', account: session.account, session, token } };
  return { ok: false, status: 401 };
}

/** Whether the account may see and change registrations of this commune. */
export function mayAccess(account: Account, commune: string): boolean {
  return account.commune === null || account.commune === commune;
}
