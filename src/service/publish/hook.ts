/**
 * Who may ask for a pull: the Git host that knows CONTENT_HOOK_SECRET. GitHub and Gitea sign the
 * body (`X-Hub-Signature-256: sha256=HMAC-SHA256(secret, body)`); GitLab sends the secret itself
 * (`X-Gitlab-Token`). Compared in constant time.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const digest = (text: string | Buffer) => createHash('sha256').update(text).digest();

/** Equal strings, compared without leaking where they differ (both hashed to one length first). */
function sameSecret(given: string, secret: string): boolean {
  return timingSafeEqual(digest(given), digest(secret));
}

export function validHookCall(
  headers: { get(name: string): string | null | undefined },
  body: Buffer,
  secret: string,
): boolean {
  const signature = headers.get('x-hub-signature-256');
  if (signature) {
    const m = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
    if (!m) return false;
    const expected = createHmac('sha256', secret).update(body).digest();
    return timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected);
  }
  const token = headers.get('x-gitlab-token');
  if (token) return sameSecret(token, secret);
  return false;
}
