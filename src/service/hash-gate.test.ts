import { describe, expect, it } from 'vitest';
import { HashGate } from './hash-gate.ts';

/** A job that ends when told to. */
function job() {
  let end!: () => void;
  const done = new Promise<void>((ok) => (end = ok));
  return { run: () => done.then(() => 'done'), end };
}

describe('HashGate', () => {
  it('runs one at a time, keeps a short line, and refuses at once when the line is full', async () => {
    const gate = new HashGate(1, 2);
    const jobs = [job(), job(), job()];
    const order: number[] = [];
    const running = jobs.map((j, i) => gate.run(() => j.run().then((v) => (order.push(i), v))));
    expect(running.every(Boolean)).toBe(true);
    expect(gate.load).toBe(3);
    expect(gate.run(() => Promise.resolve('late'))).toBeUndefined();
    jobs[2]!.end(); // the last in line cannot finish before its turn
    jobs[0]!.end();
    jobs[1]!.end();
    expect(await Promise.all(running)).toEqual(['done', 'done', 'done']);
    expect(order).toEqual([0, 1, 2]);
    expect(gate.load).toBe(0);
    expect(await gate.run(() => Promise.resolve('again'))).toBe('again');
  });

  it('frees its place when the work fails', async () => {
    const gate = new HashGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(gate.load).toBe(0);
    expect(await gate.run(() => Promise.resolve(1))).toBe(1);
  });
});
