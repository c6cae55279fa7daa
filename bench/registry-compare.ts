/**
 * This checkout's registry against another checkout's, on the same data, in alternating fresh
 * processes: this machine's speed drifts by a third over minutes, so only runs taken side by side
 * compare two versions. Prints the median of each and how often this one was faster, and checks
 * that both wrote the same three files.
 *   BENCH_KEEP=1 BENCH_REGISTRY_ONLY=1 npm run bench:registry     (keeps its generated CONTENT_DIR)
 *   git worktree add /tmp/before <commit>; ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node bench/registry-compare.ts CONTENT_DIR /tmp/before [PAIRS=12]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const [contentDir, other, pairsArg = '12'] = process.argv.slice(2);
if (!contentDir || !other)
  throw new Error('usage: node bench/registry-compare.ts CONTENT_DIR OTHER_CHECKOUT [PAIRS]');
const here = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'registry-compare-'));
const times: Record<'here' | 'other', number[]> = { here: [], other: [] };

const run = (which: 'here' | 'other') => {
  const r = spawnSync(
    process.execPath,
    [
      join(here, 'bench/registry-once.ts'),
      contentDir,
      join(out, which),
      which === 'here' ? here : resolve(other),
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`${which} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  times[which].push(
    (JSON.parse(r.stdout.trim().split('\n').pop()!) as { totalMs: number }).totalMs,
  );
};
try {
  for (let i = 0; i < Number(pairsArg); i++)
    for (const which of i % 2 ? (['other', 'here'] as const) : (['here', 'other'] as const))
      run(which);
  const median = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
  const faster = times.here.filter((t, i) => t < times.other[i]!).length;
  console.log(
    `this checkout: median ${median(times.here).toFixed(0)} ms; ${other}: median ${median(times.other).toFixed(0)} ms; this one faster in ${faster} of ${times.here.length} pairs`,
  );
  for (const file of ['danh-sach-ocop.json', 'danh-sach-ocop.csv', 'bao-cao.json']) {
    const same = readFileSync(join(out, 'here', file)).equals(
      readFileSync(join(out, 'other', file)),
    );
    console.log(`${file}: ${same ? 'the same bytes' : 'DIFFERENT'}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
