/**
 * npm run bench:abuse — issue 13's rows 1–4 against the real service (child process, loopback,
 * RATE_LIMIT=20, TRUST_PROXY so one machine can speak for many addresses), printing for each the
 * latency of /healthz and /dang-ky/ while the attack runs, the answers, and the growth of the
 * service's resident memory. Targets on a 2-core machine: /healthz p99 ≤ 250 ms during rows 2–3,
 * RSS growth ≤ 30 MB for row 4, at least one 429 among 40 concurrent wrong passwords (row 1).
 * Bounded: about half a minute, a few thousand requests; stops by itself.
 *   BENCH_SECONDS=5 npm run bench:abuse   (seconds of each timed attack, default 5)
 */
import {
  ABUSE_PASSWORD,
  countStatuses,
  longNameSignIns,
  newNameSignIns,
  percentile,
  repeatedFieldBodies,
  sampleLatency,
  startAbuseSite,
  wrongPasswordsAtOnce,
  wrongSignInsAtOnce,
  type Answer,
} from '../tests/support/abuse.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TARGET = { healthP99Ms: 250, rssGrowthMb: 30 };
const MB = 1024 * 1024;

const ms = (v: number) => `${Number.isNaN(v) ? '–' : v.toFixed(0)} ms`;
const latency = (samples: number[]) =>
  `p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}, max ${ms(Math.max(...samples))} (${samples.length} requests)`;

const site = await startAbuseSite();
const { url } = site.service;
// Stopped however this process ends (its output closed early, an error): never a service left running.
process.on('exit', () => site.stopNow());
let failed = false;

/** Runs one attack while sampling both pages; prints what happened. */
async function row(
  title: string,
  attack: () => Promise<Answer[] | { answers: Answer[]; extra?: string }>,
  check?: (r: { health: number[]; answers: Answer[]; rssMb: number }) => string | null,
) {
  await new Promise((r) => setTimeout(r, 500)); // the previous row's connections settle
  const rssBefore = site.service.rssBytes();
  const health = sampleLatency(url, '/healthz');
  const page = sampleLatency(url, '/dang-ky/');
  const started = performance.now();
  const result = await attack();
  const took = performance.now() - started;
  const [h, p] = [await health.stop(), await page.stop()];
  const rssMb = (site.service.rssBytes() - rssBefore) / MB;
  const answers = Array.isArray(result) ? result : result.answers;
  const extra = Array.isArray(result) ? '' : (result.extra ?? '');
  console.log(`\n${title}`);
  console.log(
    `  answers: ${JSON.stringify(countStatuses(answers))} in ${(took / 1000).toFixed(1)} s; answer time p99 ${ms(
      percentile(
        answers.map((a) => a.ms),
        99,
      ),
    )}${extra}`,
  );
  console.log(`  /healthz  ${latency(h)}`);
  console.log(`  /dang-ky/ ${latency(p)}`);
  console.log(
    `  RSS growth ${rssMb.toFixed(1)} MB (now ${(site.service.rssBytes() / MB).toFixed(0)} MB)`,
  );
  const verdict = check?.({ health: h, answers, rssMb });
  if (verdict !== undefined) {
    console.log(`  target: ${verdict ?? 'met'}`);
    if (verdict) failed = true;
  }
}

try {
  console.log(`bench:abuse against ${url} (RATE_LIMIT=20, ${SECONDS} s per timed attack)`);
  await row(
    'row 1: 40 wrong Basic passwords for one account, all at once',
    () => wrongPasswordsAtOnce(url, 40, '10.1.0.1'),
    ({ answers }) =>
      answers.some((a) => a.status === 429)
        ? null
        : 'NOT MET: no 429 among 40 concurrent wrong passwords',
  );
  await row(
    'row 1b: 30 wrong passwords on POST /quan-ly/dang-nhap at once, then the right one',
    async () => {
      const { answers, post } = await wrongSignInsAtOnce(url, 30, '10.1.0.2');
      return {
        answers,
        extra: `; the right password after them: ${(await post(ABUSE_PASSWORD)).status} (429 once 5 were checked; 503s checked nothing)`,
      };
    },
    ({ answers }) => (answers.some((a) => a.status === 429) ? null : 'NOT MET: no 429'),
  );
  const healthTarget = ({ health }: { health: number[] }) =>
    percentile(health, 99) <= TARGET.healthP99Ms
      ? null
      : `NOT MET: /healthz p99 ${ms(percentile(health, 99))} > ${TARGET.healthP99Ms} ms`;
  await row(
    `row 2: 64 KB bodies "a&a&a…" (32,768 fields), 4 clients for ${SECONDS} s, to /api/registrations and /quan-ly/dang-nhap`,
    () => repeatedFieldBodies(url, 4, SECONDS * 1000),
    healthTarget,
  );
  await row(
    `row 3: 100 sign-ins a second with new user names from one address, ${SECONDS} s`,
    () => newNameSignIns(url, 100, SECONDS * 1000, false),
    healthTarget,
  );
  await row(
    `row 3b: the same from a new address each time (the per-address cap cannot help; the hashing gate must), ${SECONDS} s`,
    () => newNameSignIns(url, 100, SECONDS * 1000, true),
    healthTarget,
  );
  await row(
    'row 4: 6,000 sign-ins with 10 KB user names, 16 clients, 6,000 addresses',
    () => longNameSignIns(url, 6000, 16, 6000),
    ({ rssMb }) =>
      rssMb <= TARGET.rssGrowthMb
        ? null
        : `NOT MET: RSS grew ${rssMb.toFixed(1)} MB > ${TARGET.rssGrowthMb} MB`,
  );
} finally {
  await site.stop();
}
console.log(failed ? '\nbench:abuse: a target was not met' : '\nbench:abuse: every target met');
process.exitCode = failed ? 1 : 0;
