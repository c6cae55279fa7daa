// The /admin/ notice of GET /api/build: a failure newer than the last success is shown with its reason.
import { expect, test } from 'vitest';
import { statusNotice } from '../../src/cms/admin/build-status.js';

const failure = {
  at: '2026-12-05T10:00:00.000Z',
  message: 'Tệp content/rounds/a.json, dòng 4: sai.',
};

test('a failure after the last success is shown with the message; a later success hides it', () => {
  const shown = statusNotice({
    state: 'idle',
    lastSuccess: '2026-12-05T09:00:00.000Z',
    lastFailure: failure,
  });
  expect(shown?.kind).toBe('loi');
  expect(shown?.text).toContain('chưa được đăng');
  expect(shown?.text).toContain(failure.message);
  expect(
    statusNotice({ state: 'idle', lastSuccess: '2026-12-05T11:00:00.000Z', lastFailure: failure })
      ?.kind,
  ).toBe('xong');
  expect(
    statusNotice({
      state: 'building',
      lastSuccess: '2026-12-05T11:00:00.000Z',
      lastFailure: failure,
    })?.kind,
  ).toBe('dang');
  expect(statusNotice({ state: 'idle', lastSuccess: null, lastFailure: null })).toBeNull();
});
