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

describe('WindowLimiter bounds', () => {
  it('keeps at most maxKeys keys, dropping the least recently used, and stores long keys by hash', () => {
    const limiter = new WindowLimiter(2, 60_000, () => 0, 3);
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    limiter.hit('a'); // a is now the most recent
    limiter.hit('d'); // b goes
    expect(limiter.size).toBe(3);
    expect(limiter.hit('a').ok).toBe(false); // a kept its count
    expect(limiter.hit('b').ok).toBe(true); // b started again
    for (let i = 0; i < 10_000; i++) limiter.hit(`key ${i} ${'x'.repeat(1000)}`);
    expect(limiter.size).toBe(3);
    const long = 'y'.repeat(10_000);
    limiter.hit(long);
    limiter.hit(long);
    expect(limiter.check(long).ok).toBe(false);
  });

  it('release() gives back one counted event', () => {
    const limiter = new WindowLimiter(1, 1000, () => 0);
    expect(limiter.hit('k').ok).toBe(true);
    expect(limiter.hit('k').ok).toBe(false);
    limiter.release('k');
    expect(limiter.hit('k').ok).toBe(true);
  });
});
