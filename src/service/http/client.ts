/** Who is calling: the client address used for rate limits and sign-in throttling. */
import type { Context } from 'hono';

/**
 * The socket's peer address; with TRUST_PROXY, the last X-Forwarded-For entry
 * (the one our reverse proxy appended; earlier entries are the client's claim).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last.slice(0, 100);
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
