import { describe, expect, it } from 'vitest';
import { WindowLimiter } from './rate-limit.ts';

describe('WindowLimiter', () => {
  it('allows `limit` events per key per window, says how long to wait, and starts again after it', () => {
    let t = 0;
    const limiter = new WindowLimiter(2, 60_000, () => t);
    expect(limiter.hit('a').ok).toBe(true);
    t = 10_000;
    expect(limiter.hit('a').ok).toBe(true);
    expect(limiter.hit('a')).toEqual({ ok: false, retryAfter: 50 });
    expect(limiter.hit('b').ok).toBe(true);
    t = 60_000;
    expect(limiter.hit('a').ok).toBe(true);
  });

  it('check() does not count; reset() forgets a key', () => {
    const limiter = new WindowLimiter(1, 1000, () => 0);
    expect(limiter.check('k').ok).toBe(true);
    expect(limiter.check('k').ok).toBe(true);
    limiter.hit('k');
    expect(limiter.check('k').ok).toBe(false);
    limiter.reset('k');
    expect(limiter.check('k').ok).toBe(true);
  });
});
