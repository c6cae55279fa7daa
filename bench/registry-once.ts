/**
 * One timed registry run in a fresh process, as the CLI runs it: reading the CSVs of CONTENT_DIR
 * (by one thread, or two on four cores or more) through writing all three outputs into OUT_DIR.
 * Prints one JSON line; bench/registry.ts runs it several times and reports the median.
 *   node bench/registry-once.ts CONTENT_DIR OUT_DIR [CHECKOUT]
 * CHECKOUT (default: this one) is another checkout of the project whose registry is run instead,
 * for bench/registry-compare.ts.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

const [contentDir, outDir, checkout = resolve(import.meta.dirname, '..')] = process.argv.slice(2);
if (!contentDir || !outDir)
  throw new Error('usage: node bench/registry-once.ts CONTENT_DIR OUT_DIR [CHECKOUT]');
// The checkout may be older than the folders by stage (src/registry/, src/publish/).
const firstOf = (...paths: string[]) =>
  resolve(
    checkout,
    paths.find((p) => existsSync(resolve(checkout, p)))!,
  );
const { parallelMinBytes } = await import(
  firstOf('src/registry/node/parallel.ts', 'src/lib/registry-parallel.ts')
);
const { runRegistry } = await import(
  firstOf('src/registry/node/run.ts', 'src/lib/registry-run.ts')
);
const { writeRegistryOutputs } = await import(
  firstOf('src/publish/node/outputs.ts', 'src/lib/registry-run.ts')
);
const minBytes: number | undefined = parallelMinBytes();
const t0 = performance.now();
const result = runRegistry({
  contentDir,
  parallelMinBytes: minBytes,
  now: new Date('2026-01-01T00:00:00Z'),
});
if (!result.ok) throw new Error(result.errors.join('\n'));
const readMs = performance.now() - t0;
writeRegistryOutputs(outDir, result.run);
const totalMs = performance.now() - t0;
const { read, published, notPublic, duplicates, rejected } = result.run.report;
console.log(
  JSON.stringify({
    threads: minBytes === undefined ? 1 : 2,
    cores: availableParallelism(),
    readMs,
    totalMs,
    read,
    published,
    notPublic,
    duplicates,
    rejected,
  }),
);
