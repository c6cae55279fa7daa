/**
 * npm run bench:publish — how long an editor waits: from a content write to the first page served
 * with it, through the running service's own watch → build → swap. Median of BENCH_RUNS (default 5)
 * changes of a round's wording, and every request that failed meanwhile (a client polls / and
 * /healthz every 50 ms throughout). Not a test: it prints numbers.
 *   npm run bench:publish                                  (the district's content)
 *   BENCH_SCALE=national npm run bench:publish             (3,321 communes, BENCH_ROWS=100000 registrations)
 *   BENCH_SCALE=national BENCH_RUNS=2 BENCH_ROWS=20000 npm run bench:publish
 * Runs in a temporary copy of the project (its own builds/ and Astro cache); the first build, made
 * by the service at start because the copy's content is newer than any build, is not counted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { exportCsvText } from '../src/export/csv.ts';
import { copyProject } from '../tests/cms/support/site-copy.ts';
import { freePort } from '../tests/support/process.ts';
import { makeRecord, seeded } from '../tests/registry/fixtures/people.ts';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const NATIONAL = process.env.BENCH_SCALE === 'national';
const COMMUNES = 3_321;
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const repo = copyProject();
const content = join(repo, 'content');

function nationalContent(): void {
  rmSync(join(content, 'communes'), { recursive: true });
  rmSync(join(content, 'registrations'), { recursive: true });
  mkdirSync(join(content, 'communes'));
  mkdirSync(join(content, 'registrations'));
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
  writeFileSync(
    join(content, 'registrations', 'toan-quoc.csv'),
    exportCsvText(Array.from({ length: ROWS }, (_, i) => makeRecord(i, rnd, { communes: slugs }))),
  );
}

async function main(): Promise<void> {
  if (NATIONAL) nationalContent();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: join(repo, 'data'),
    RATE_LIMIT: '0',
    DIST_DIR: join(repo, 'dist'),
  };
  for (const name of [
    'CONTENT_DIR',
    'REGISTRY_DIR',
    'BUILDS_DIR',
    'WATCH_CONTENT',
    'CONTENT_HOOK_SECRET',
  ])
    delete env[name];
  const child = spawn(process.execPath, [join(repo, 'src/service/server.ts')], {
    cwd: repo,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => (log += d));
  let stopping = false;
  child.on(
    'exit',
    (code, signal) =>
      stopping ||
      console.error(
        `service exited (code ${code}, signal ${signal}); its log:\n${log.slice(-4000)}`,
      ),
  );
  const lives = () => log.match(/publish: build \d+ live in/g)?.length ?? 0;
  try {
    // No dist/ in the copy: the service starts, builds at once (content is newer), and serves that.
    const warm = Date.now();
    while (lives() < 1) {
      if (child.exitCode !== null || /failed:/.test(log)) throw new Error(`service: ${log}`);
      if (Date.now() - warm > 30 * 60_000) throw new Error('first build took over 30 minutes');
      await sleep(200);
    }
    console.log(`first build (not counted): ${((Date.now() - warm) / 1000).toFixed(1)} s`);

    let requests = 0;
    const failures: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        for (const path of ['/', '/healthz']) {
          try {
            const res = await fetch(url + path);
            await res.arrayBuffer();
            if (res.status !== 200) failures.push(`${path} ${res.status}`);
          } catch (err) {
            failures.push(`${path} ${(err as Error).message}`);
          }
          requests++;
        }
        await sleep(50);
      }
    })();

    const file = join(content, 'rounds/2024-dot-2.json');
    const original = JSON.parse(readFileSync(file, 'utf8'));
    const times: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const marker = `trước ngày ${run}/8/2024 (lần đo ${Date.now()})`;
      const t0 = performance.now();
      writeFileSync(file, JSON.stringify({ ...original, deadlineText: marker }, null, 2) + '\n');
      for (;;) {
        const html = await fetch(`${url}/`).then(
          (r) => r.text(),
          () => '',
        );
        if (html.includes(marker)) break;
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error('the service stopped');
        if (performance.now() - t0 > 30 * 60_000)
          throw new Error('change not live after 30 minutes');
        await sleep(50);
      }
      const s = (performance.now() - t0) / 1000;
      times.push(s);
      console.log(`run ${run}: ${s.toFixed(2)} s from write to the home page showing it`);
    }
    polling = false;
    await poller;
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `\nbench:publish (${NATIONAL ? `national: ${COMMUNES} communes, ${ROWS} registrations` : "the district's content"}), ${cpus().length} cores`,
    );
    console.log(
      `  write → live page: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(2)} s (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)}, ${RUNS} runs)`,
    );
    console.log(
      `  requests during it: ${requests}, failed: ${failures.length}${failures.length ? ` (${failures.slice(0, 3).join('; ')})` : ''}`,
    );
    console.log(
      `  builds started: ${log.match(/publish: build \d+ started/g)?.length ?? 0} (1 at start + ${RUNS} changes)`,
    );
    const parts = [...log.matchAll(/live in (\d+) ms \(registry (\d+) ms, site (\d+) ms/g)].slice(
      1,
    );
    for (const [, total, registry, site] of parts)
      console.log(
        `  build: ${total} ms = registry ${registry} ms + site ${site} ms + checks and swap`,
      );
  } finally {
    stopping = true;
    if (child.exitCode === null) {
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGTERM');
      await exited;
    }
    if (!process.env.BENCH_KEEP) rmSync(repo, { recursive: true, force: true });
  }
}

await main();
