// The webhook's check: only a caller that knows the secret gets a pull.
import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { validHookCall } from './hook.ts';

const secret = 'a-long-shared-secret-123';
const body = Buffer.from('{"ref":"refs/heads/main"}');
const h = (entries: Record<string, string>) => new Headers(entries);
const sig = (b: Buffer, s = secret) => `sha256=${createHmac('sha256', s).update(b).digest('hex')}`;

test('GitHub and Gitea: the HMAC of this very body with this secret', () => {
  expect(validHookCall(h({ 'X-Hub-Signature-256': sig(body) }), body, secret)).toBe(true);
  expect(
    validHookCall(
      h({ 'X-Hub-Signature-256': sig(body).toUpperCase().replace('SHA256=', 'sha256=') }),
      body,
      secret,
    ),
  ).toBe(true);
  expect(validHookCall(h({ 'X-Hub-Signature-256': sig(body, 'other') }), body, secret)).toBe(false);
  expect(validHookCall(h({ 'X-Hub-Signature-256': sig(Buffer.from('{}')) }), body, secret)).toBe(
    false,
  );
  expect(validHookCall(h({ 'X-Hub-Signature-256': sig(body).slice(0, -2) }), body, secret)).toBe(
    false,
  );
  expect(validHookCall(h({ 'X-Hub-Signature-256': 'sha1=abc' }), body, secret)).toBe(false);
});

test('GitLab: the secret itself; nothing at all is refused', () => {
  expect(validHookCall(h({ 'X-Gitlab-Token': secret }), body, secret)).toBe(true);
  expect(validHookCall(h({ 'X-Gitlab-Token': secret + 'x' }), body, secret)).toBe(false);
  expect(validHookCall(h({ 'X-Gitlab-Token': '' }), body, secret)).toBe(false);
  expect(validHookCall(h({}), body, secret)).toBe(false);
});
