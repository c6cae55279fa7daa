/**
 * npm run bench:registry — national scale: 100,000 registrations over 3,321
 * communes. Reports registry rows/s, the full build (registry + astro build)
 * time and peak memory, beside a bare Astro build of the same number of pages
 * with a minimal template, in the same run. Not a test: it prints numbers.
 * The registry is timed as the CLI runs it (bench/registry-once.ts, in a fresh process each time):
 * reading the CSV (by one thread, or two on four cores or more) through writing all three outputs;
 * the median of BENCH_RUNS runs (default 5) is reported, with every run and a reference workload
 * timed beside each (this machine's speed varies by a third over minutes).
 *   BENCH_ROWS=20000 BENCH_COMMUNES=300 npm run bench:registry   (a smaller run)
 *   BENCH_REGISTRY_ONLY=1 npm run bench:registry                 (the registry alone)
 *   BENCH_RUNS=9 npm run bench:registry                          (the registry timed nine times, not five)
 *   BENCH_KEEP=1 npm run bench:registry                          (keeps the temporary folder, e.g. to profile its build)
 * The full build runs in a temporary copy of the project (node_modules linked): building here with
 * CONTENT_DIR outside the project would leave that content in this project's .astro/ cache.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exportCsvText } from '../src/export/csv.ts';
import { makeRecord, seeded } from '../tests/registry/fixtures/people.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const COMMUNES = Number(process.env.BENCH_COMMUNES ?? 3_321);
const tmp = mkdtempSync(join(tmpdir(), 'bench-registry-'));
const content = join(tmp, 'content');

function makeContent(): void {
  cpSync(join(ROOT, 'content'), content, {
    recursive: true,
    filter: (src) => !src.includes('/registrations/') && !src.includes('/communes/'),
  });
  mkdirSync(join(content, 'communes'), { recursive: true });
  mkdirSync(join(content, 'registrations'), { recursive: true });
  for (let i = 1; i <= COMMUNES; i++) {
    writeFileSync(
      join(content, 'communes', `xa-${i}.json`),
      JSON.stringify({
        name: `Xã thử nghiệm ${i}`,
        gsoCode: String(10_000 + i),
        aliases: [],
        order: i,
      }),
    );
  }
  const rnd = seeded(7);
  const slugs = Array.from({ length: COMMUNES }, (_, i) => `xa-${i + 1}`);
  const records = Array.from({ length: ROWS }, (_, i) => makeRecord(i, rnd, { communes: slugs }));
  writeFileSync(join(content, 'registrations', 'toan-quoc.csv'), exportCsvText(records));
}

/** Runs a command under /usr/bin/time -v when available: wall seconds and peak RSS (MB) of the whole process tree's largest member. */
function timed(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, cwd = ROOT) {
  const useTime = existsSync('/usr/bin/time');
  const start = performance.now();
  const r = spawnSync(
    useTime ? '/usr/bin/time' : command,
    useTime ? ['-v', command, ...args] : args,
    { cwd, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0)
    throw new Error(
      `${label} failed (${r.status}):\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`,
    );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  return { seconds, peakMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN };
}

/** A copy of this project's sources (no .git, node_modules linked, no .astro/ cache or dist/) to build in. */
function makeProjectCopy(): string {
  const dir = join(tmp, 'project');
  const skip = new Set([
    '.git',
    'node_modules',
    '.astro',
    'dist',
    'test-results',
    'coverage',
    'data',
    'backup',
  ]);
  mkdirSync(dir);
  for (const name of readdirSync(ROOT))
    if (!skip.has(name))
      cpSync(join(ROOT, name), join(dir, name), {
        recursive: true,
        filter: (src) => !src.includes('/src/generated/'),
      });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** A minimal Astro project with the same number of pages, reusing this node_modules. */
function makeBareProject(pages: number): string {
  const dir = join(tmp, 'bare');
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  writeFileSync(join(dir, 'astro.config.mjs'), "export default { output: 'static' };\n");
  writeFileSync(
    join(dir, 'src/pages/[n].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { n: String(i) } })); }\nconst { n } = Astro.params;\n---\n<html lang="vi"><head><meta charset="utf-8"><title>Trang {n}</title></head><body><h1>Trang {n}</h1></body></html>\n`,
  );
  return dir;
}

interface RegistryRun {
  threads: number;
  cores: number;
  readMs: number;
  totalMs: number;
  read: number;
  published: number;
  notPublic: number;
  duplicates: number;
  rejected: number;
}

/** Runs a bench script in a fresh process and returns its last line of output. */
function runScript(script: string, args: string[] = []): string {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', script), ...args], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status}):\n${r.stderr.slice(-3000)}`);
  return r.stdout.trim().split('\n').pop()!;
}

const countFiles = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) =>
      n + (e.isDirectory() ? countFiles(join(dir, e.name)) : e.name.endsWith('.html') ? 1 : 0),
    0,
  );

try {
  console.log(
    `bench:registry: generating ${ROWS.toLocaleString('en')} registrations over ${COMMUNES.toLocaleString('en')} communes in ${tmp}`,
  );
  makeContent();

  // This process's garbage (the generated records) collected now, not while the registry runs beside it.
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  // The registry is timed in fresh processes (each as cold as the CLI), RUNS times; the median is
  // reported. A fixed reference workload, timed alongside, shows how fast the machine runs just then.
  const runs: RegistryRun[] = [];
  const gauges: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    gauges.push(Number(runScript('reference-workload.ts')));
    runs.push(
      JSON.parse(
        runScript('registry-once.ts', [content, join(tmp, 'registry-in-process')]),
      ) as RegistryRun,
    );
  }
  const byTotal = [...runs].sort((a, b) => a.totalMs - b.totalMs);
  const mid = byTotal[byTotal.length >> 1]!;
  const rate = (r: RegistryRun) => Math.round(r.read / (r.totalMs / 1000));
  console.log(
    `registry (${mid.threads === 1 ? 'one thread' : 'two threads'} on ${mid.cores} cores; REGISTRY_THREADS=1|2 to choose): ${mid.read} rows in ${(mid.totalMs / 1000).toFixed(2)} s = ${rate(mid).toLocaleString('en')} rows/s, median of ${RUNS} runs (published ${mid.published}, notPublic ${mid.notPublic}, duplicates ${mid.duplicates}, rejected ${mid.rejected}); target ≥ 100,000 rows/s`,
  );
  console.log(
    `  every run, from reading the files through writing the three outputs: ${runs.map((r) => `${(r.totalMs / 1000).toFixed(2)} s (${rate(r).toLocaleString('en')}/s)`).join(', ')}; of which reading through the sorted list ${runs.map((r) => `${(r.readMs / 1000).toFixed(2)} s`).join(', ')}`,
  );
  console.log(
    `  reference workload (bench/reference-workload.ts, run before each; this machine's speed varies by a third over minutes): ${gauges.map((g) => `${g.toFixed(0)} ms`).join(', ')}`,
  );

  // BENCH_REGISTRY_ONLY=1: the registry alone, without the two Astro builds.
  if (!process.env.BENCH_REGISTRY_ONLY) {
    const env = { CONTENT_DIR: content, REGISTRY_DIR: join(tmp, 'registry') };
    const node = process.execPath;
    const project = makeProjectCopy();
    const reg = timed(
      'registry CLI',
      node,
      ['scripts/registry.ts', '--out', env.REGISTRY_DIR],
      env,
      project,
    );
    const astro = timed(
      'astro build',
      node,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(tmp, 'dist')],
      env,
      project,
    );
    const pages = countFiles(join(tmp, 'dist'));
    const full = reg.seconds + astro.seconds;
    const fullPeak = Math.max(reg.peakMb, astro.peakMb);
    console.log(
      `full build (registry CLI ${reg.seconds.toFixed(1)} s + astro build ${astro.seconds.toFixed(1)} s): ${full.toFixed(1)} s, ${pages} HTML pages, peak memory ${fullPeak} MB (registry ${reg.peakMb} MB, astro ${astro.peakMb} MB)`,
    );

    const bareDir = makeBareProject(pages);
    const bare = timed(
      'bare astro build',
      node,
      [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
      {},
      bareDir,
    );
    console.log(
      `bare astro build of ${pages} minimal pages: ${bare.seconds.toFixed(1)} s, peak memory ${bare.peakMb} MB`,
    );
    console.log(
      `ratio full/bare: ${(full / bare.seconds).toFixed(2)} (target ≤ 2); peak ${fullPeak} MB (target ≤ 1536 MB)`,
    );
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
