/**
 * A fixed allocation-heavy workload (what the registry mostly does), run in a fresh process beside
 * each timed registry run: this machine's speed varies by a third over minutes, and this number
 * shows how fast it ran just then. Prints the milliseconds.
 */
const t = performance.now();
const objects: { i: number; s: string }[] = [];
for (let i = 0; i < 3_000_000; i++) objects.push({ i, s: `x${i}` });
let n = 0;
for (const o of objects) n += o.s.length;
if (n === 0) throw new Error('unreachable');
console.log((performance.now() - t).toFixed(0));
