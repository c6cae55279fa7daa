/**
 * In-memory limits per key: registrations per client per minute, and failed
 * sign-ins per account and address. One process serves the site, so memory
 * is the right place; a restart forgets, which errs on the side of the user.
 */

export interface LimitResult {
  ok: boolean;
  /** Whole seconds until the next attempt is allowed (for Retry-After). */
  retryAfter: number;
}

/** At most `limit` events per key in each window of `windowMs`, counted from the key's first event. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
  }

  private current(key: string, t: number) {
    const w = this.windows.get(key);
    if (w && t - w.start < this.windowMs) return w;
    if (this.windows.size > 10_000) this.sweep(t);
    return undefined;
  }

  /** Whether the key is still under its limit, without counting. */
  check(key: string): LimitResult {
    const t = this.now();
    const w = this.current(key, t);
    if (!w || w.count < this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  /** Counts one event; not ok when it goes over the limit. */
  hit(key: string): LimitResult {
    const result = this.check(key);
    if (!result.ok) return result;
    const t = this.now();
    const w = this.current(key, t);
    if (w) w.count++;
    else this.windows.set(key, { start: t, count: 1 });
    return result;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(t: number): void {
    for (const [key, w] of this.windows) if (t - w.start >= this.windowMs) this.windows.delete(key);
  }
}
