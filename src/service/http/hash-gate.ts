/**
 * Bounds password hashing. scrypt (about 75 ms, 32 MB) runs in Node's thread
 * pool of four, which reading static files shares: unbounded, a stream of
 * sign-in attempts starves every page. The gate runs at most `concurrency`
 * hashes at once and keeps at most `maxWaiting` in line, none longer than
 * `maxWaitMs`; past that it answers BUSY (the caller says 503 with
 * Retry-After) instead of queueing work, so no attempt waits for long.
 */

/** What run() gives when the work was not done: the line was full, or the turn did not come in time. */
export const BUSY = Symbol('busy');

interface Waiter {
  go: () => void;
  timer: NodeJS.Timeout;
}

export class HashGate {
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly concurrency: number;
  private readonly maxWaiting: number;
  private readonly maxWaitMs: number;

  constructor(concurrency = 1, maxWaiting = 8, maxWaitMs = 2000) {
    this.concurrency = concurrency;
    this.maxWaiting = maxWaiting;
    this.maxWaitMs = maxWaitMs;
  }

  /** Hashes running and waiting now. */
  get load(): number {
    return this.running + this.waiting.length;
  }

  /** Runs `work` when a place is free; BUSY at once when the line is full, or when the wait passes maxWaitMs. */
  async run<T>(work: () => Promise<T>): Promise<T | typeof BUSY> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) return BUSY;
      const turn = await new Promise<boolean>((ok) => {
        const waiter: Waiter = {
          go: () => {
            clearTimeout(waiter.timer);
            ok(true);
          },
          timer: setTimeout(() => {
            this.waiting.splice(this.waiting.indexOf(waiter), 1);
            ok(false);
          }, this.maxWaitMs),
        };
        this.waiting.push(waiter);
      });
      if (!turn) return BUSY;
      // The place was handed over by leave(): `running` already counts it.
    } else this.running++;
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next)
      next.go(); // the place passes straight to the next in line
    else this.running--;
  }
}
