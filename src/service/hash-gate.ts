/**
 * Bounds password hashing. scrypt (about 75 ms, 32 MB) runs in Node's thread
 * pool of four, which reading static files shares: unbounded, a stream of
 * sign-in attempts starves every page. The gate runs at most `concurrency`
 * hashes at once and keeps at most `maxWaiting` in line; past that it answers
 * at once (the caller says 503 with Retry-After) instead of queueing work.
 */

export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly maxWaiting: number;

  constructor(concurrency = 1, maxWaiting = 8) {
    this.concurrency = concurrency;
    this.maxWaiting = maxWaiting;
  }

  /** Hashes running and waiting now. */
  get load(): number {
    return this.running + this.waiting.length;
  }

  /** Runs `work` when a place is free; undefined at once when the line is full. */
  run<T>(work: () => Promise<T>): Promise<T> | undefined {
    if (this.running >= this.concurrency && this.waiting.length >= this.maxWaiting) return undefined;
    return this.enter().then(async () => {
      try {
        return await work();
      } finally {
        this.leave();
      }
    });
  }

  private enter(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((ok) => this.waiting.push(ok));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next(); // the place passes straight to the next in line
    else this.running--;
  }
}
