/**
 * npm run bench:service — registrations per second and p50/p99 latency from
 * 50 concurrent clients against the real server (child process, real
 * database, RATE_LIMIT=0), beside the raw one-row-commit rate of node:sqlite
 * (WAL, synchronous=FULL) measured in the same run on the same disk.
 * Targets: ≥ 1,000 registrations/s, p99 ≤ 100 ms, ≥ 30 % of the raw rate.
 * Loopback only; bounded in time; stops by itself.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { freePort } from '../tests/support/process.ts';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';

process.removeAllListeners('warning');

const ROOT = resolve(import.meta.dirname, '..');
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const RAW_SECONDS = 3;
const TARGET = { perSecond: 1000, p99Ms: 100, ofRaw: 0.3 };

/** One row per transaction, as fast as the disk allows: the ceiling a committed-per-request design is held to. */
function rawCommitRate(dir: string): number {
  const db = new DatabaseSync(join(dir, 'raw.sqlite'));
  db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; CREATE TABLE t (id INTEGER PRIMARY KEY, receipt TEXT UNIQUE, body TEXT)',
  );
  const insert = db.prepare('INSERT INTO t (receipt, body) VALUES (?, ?)');
  const body = JSON.stringify(registration(0));
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < RAW_SECONDS * 1000) insert.run(`R${n++}`, body);
  const rate = n / ((performance.now() - start) / 1000);
  db.close();
  return rate;
}

function registration(n: number) {
  return {
    submissionId: `bench-${process.pid}-${n}`,
    producerName: `Hợp tác xã Cà phê số ${n}`,
    producerType: 'hop-tac-xa',
    representative: 'Nguyễn Văn Thử',
    phone: '0912 345 678',
    commune: ['quang-son', 'Quảng Hòa', 'dak-ha', 'xã Đắk Som'][n % 4],
    address: 'Thôn 1',
    productName: `Cà phê bột nguyên chất ${n}`,
    productGroup: 'thuc-pham',
    productStage: 'da-co',
    description: 'Rang mộc, xay mịn, đóng gói 500 g.',
    supportNeeds: ['Bao bì, nhãn mác'],
    consentProcessing: true,
  };
}

async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'src/service/server.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      RATE_LIMIT: '0',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('the service did not start in 15 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((ok) =>
        child.exitCode !== null ? ok() : (child.once('exit', () => ok()), child.kill('SIGTERM')),
      ),
  };
}

const dir = mkdtempSync(join(tmpdir(), 'ocop-bench-'));
const server = await startServer(join(dir, 'data'));
try {
  const raw = rawCommitRate(dir);
  let n = 0;
  const result = await autocannon({
    url: `${server.url}/api/registrations`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify(registration(++n)) }) }],
  });
  const created = Number(result.statusCodeStats?.['201']?.count ?? 0);
  const walBytes =
    statSync(join(dir, 'data', 'ocop.sqlite-wal'), { throwIfNoEntry: false })?.size ?? 0;
  const db = new DatabaseSync(join(dir, 'data', 'ocop.sqlite'), { readOnly: true });
  const stored = (db.prepare('SELECT count(*) AS n FROM registrations').get() as { n: number }).n;
  db.close();
  const perSecond = created / result.duration;
  const p50 = result.latency.p50;
  const p99 = result.latency.p99;
  const ofRaw = perSecond / raw;
  const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log(
    `Form service, ${CONNECTIONS} connections, ${result.duration.toFixed(1)} s, JSON registrations with distinct submissionIds`,
  );
  console.log(
    `  registrations/s        ${perSecond.toFixed(0).padStart(8)}   target ≥ ${TARGET.perSecond}  ${mark(perSecond >= TARGET.perSecond)}`,
  );
  console.log(`  latency p50            ${p50.toFixed(1).padStart(8)} ms`);
  console.log(
    `  latency p99            ${p99.toFixed(1).padStart(8)} ms   target ≤ ${TARGET.p99Ms}  ${mark(p99 <= TARGET.p99Ms)}`,
  );
  console.log(
    `  raw node:sqlite commits/s (one row each, WAL, synchronous=FULL) ${raw.toFixed(0)}`,
  );
  console.log(
    `  share of raw           ${(ofRaw * 100).toFixed(0).padStart(7)} %   target ≥ ${TARGET.ofRaw * 100} %  ${mark(ofRaw >= TARGET.ofRaw)}`,
  );
  console.log(
    `  WAL file at the end ${(walBytes / 1024 / 1024).toFixed(1)} MiB (checkpoints keep it bounded); load average ${loadavg()[0]!.toFixed(2)} (1 min)`,
  );
  console.log(
    `  answered 201: ${created}, rows in the database: ${stored}, other answers: ${result.non2xx}, errors: ${result.errors}, timeouts: ${result.timeouts}`,
  );
  if (stored < created) {
    console.error('FAILED: fewer rows stored than registrations acknowledged');
    process.exitCode = 1;
  }
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
