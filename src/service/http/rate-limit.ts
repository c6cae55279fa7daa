/**
 * In-memory limits per key: registrations and receipt lookups per client per
 * minute, failed sign-ins per account and per address. One process serves the
 * site, so memory is the right place; a restart forgets, which errs on the
 * side of the user. The state is bounded: at most `maxKeys` keys (the least
 * recently used one goes first), each key at most 128 characters (longer ones
 * are kept as their SHA-256), and every call is O(1) — a flood of new keys
 * costs the same per request as one key, and never more than a few MB.
 */
import { createHash } from 'node:crypto';

export interface LimitResult {
  ok: boolean;
  /** Whole seconds until the next attempt is allowed (for Retry-After). */
  retryAfter: number;
}

/** Keys kept by default: about 2 MB at most. */
export const MAX_KEYS = 10_000;
const MAX_KEY_LENGTH = 128;

interface Window {
  start: number;
  count: number;
}

/** At most `limit` events per key in each window of `windowMs`, counted from the key's first event. */
export class WindowLimiter {
  /** Insertion order is recency order: a key touched is moved to the end, the first one is evicted. */
  private readonly windows = new Map<string, Window>();

  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(limit: number, windowMs: number, now: () => number = Date.now, maxKeys = MAX_KEYS) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.now = now;
    this.maxKeys = maxKeys;
  }

  /** Keys held now (never more than maxKeys). */
  get size(): number {
    return this.windows.size;
  }

  private static bound(key: string): string {
    return key.length <= MAX_KEY_LENGTH ? key : createHash('sha256').update(key).digest('base64');
  }

  /** The key's live window, or undefined (an expired one is dropped). */
  private current(key: string, t: number): Window | undefined {
    const w = this.windows.get(key);
    if (!w) return undefined;
    if (t - w.start < this.windowMs) return w;
    this.windows.delete(key);
    return undefined;
  }

  private blocked(w: Window | undefined, t: number): LimitResult {
    if (!w || w.count < this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((w.start + this.windowMs - t) / 1000)) };
  }

  /** Whether the key is still under its limit, without counting. */
  check(key: string): LimitResult {
    const t = this.now();
    return this.blocked(this.current(WindowLimiter.bound(key), t), t);
  }

  /**
   * Counts one event when the key is under its limit (and says ok), else counts nothing (not ok).
   * Synchronous, so callers reserve an attempt with it before any awaited work: concurrent
   * requests cannot all pass a check that is counted only afterwards.
   */
  hit(key: string): LimitResult {
    const k = WindowLimiter.bound(key);
    const t = this.now();
    const w = this.current(k, t);
    const result = this.blocked(w, t);
    if (!result.ok) return result;
    if (w) {
      w.count++;
      this.windows.delete(k); // moved to the most recent end
      this.windows.set(k, w);
    } else {
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
      this.windows.set(k, { start: t, count: 1 });
    }
    return result;
  }

  /** Gives back one event counted by hit() (the attempt turned out not to count, e.g. it succeeded). */
  release(key: string): void {
    const w = this.windows.get(WindowLimiter.bound(key));
    if (w && w.count > 0) w.count--;
  }

  reset(key: string): void {
    this.windows.delete(WindowLimiter.bound(key));
  }
}
