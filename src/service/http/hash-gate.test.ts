import { describe, expect, it } from 'vitest';
import { BUSY, HashGate } from './hash-gate.ts';

/** A job that ends when told to. */
function job() {
  let end!: () => void;
  const done = new Promise<void>((ok) => (end = ok));
  return { run: () => done.then(() => 'done'), end };
}

describe('HashGate', () => {
  it('runs one at a time, keeps a short line, and answers BUSY at once when the line is full', async () => {
    const gate = new HashGate(1, 2);
    const jobs = [job(), job(), job()];
    const order: number[] = [];
    const running = jobs.map((j, i) => gate.run(() => j.run().then((v) => (order.push(i), v))));
    expect(gate.load).toBe(3);
    expect(await gate.run(() => Promise.resolve('late'))).toBe(BUSY);
    jobs[2]!.end(); // the last in line cannot finish before its turn
    jobs[0]!.end();
    jobs[1]!.end();
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
    expect(order).toEqual([0, 1, 2]);
    expect(gate.load).toBe(0);
    expect(await gate.run(() => Promise.resolve('again'))).toBe('again');
  });

  it('gives up on a wait longer than maxWaitMs, and frees its place when the work fails', async () => {
    const gate = new HashGate(1, 4, 50);
    const slow = job();
    const first = gate.run(slow.run);
    expect(await gate.run(() => Promise.resolve('waited'))).toBe(BUSY);
    expect(gate.load).toBe(1);
    slow.end();
    expect(await first).toBe('done');
    await expect(gate.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(gate.load).toBe(0);
    expect(await gate.run(() => Promise.resolve(1))).toBe(1);
  });
});
