/**
 * Deadline-day load (a benchmark, not a test): 20,000 registrations in 60 s from 200
 * clients against the real server and database; reports accepted, rejected, lost
 * (acknowledged but missing from the export; must be 0) and latency percentiles.
 * Options: --total N --seconds S --clients C.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { EXPORT_COLUMNS } from '../src/export/format.ts';
import { percentile, registrationBody } from '../tests/support/load.ts';
import { runScript, startServiceProcess } from '../tests/support/process.ts';

const { values } = parseArgs({
  options: {
    total: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '60' },
    clients: { type: 'string', default: '200' },
  },
});
const total = Number(values.total);
const seconds = Number(values.seconds);
const clients = Number(values.clients);
for (const [name, v] of Object.entries({ total, seconds, clients })) {
  if (!Number.isInteger(v) || v <= 0) {
    console.error(`--${name} must be a positive integer`);
    process.exit(1);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'ocop-deadline-'));
const password = 'mật khẩu đo tải hạn chót';
const added = runScript('scripts/editor.ts', ['add', 'dotai', '--password-stdin'], {
  env: { DATA_DIR: dataDir },
  input: password + '\n',
});
if (added.status !== 0) throw new Error(added.stderr);
const svc = await startServiceProcess({ DATA_DIR: dataDir, RATE_LIMIT: '0' });

const acknowledged = new Set<string>();
const latencies: number[] = [];
let rejected = 0;
let errors = 0;
let next = 0;
const start = performance.now();
const interval = (seconds * 1000) / total;

async function client() {
  for (;;) {
    const i = next++;
    if (i >= total) return;
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t0 = performance.now();
    try {
      const res = await fetch(`${svc.url}/api/registrations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(registrationBody('deadline')),
      });
      const json = (await res.json()) as { receipt?: string };
      latencies.push(performance.now() - t0);
      if (res.status === 201 || res.status === 200) acknowledged.add(json.receipt!);
      else rejected++;
    } catch {
      errors++;
    }
  }
}

await Promise.all(Array.from({ length: clients }, client));
const elapsed = (performance.now() - start) / 1000;
const res = await fetch(`${svc.url}/api/registrations.csv`, {
  headers: { Authorization: 'Basic ' + Buffer.from(`dotai:${password}`).toString('base64') },
});
const rows = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, ''), {
  header: true,
  skipEmptyLines: true,
}).data;
const exported = new Set(rows.map((r) => r[EXPORT_COLUMNS[0]!.header]));
const lost = [...acknowledged].filter((r) => !exported.has(r)).length;
const peakRss = svc.rssBytes();
await svc.stop();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `deadline day: ${total} registrations from ${clients} clients, paced over ${seconds} s (took ${elapsed.toFixed(1)} s)`,
);
console.log(
  `accepted ${acknowledged.size} · rejected ${rejected} · connection errors ${errors} · lost ${lost}`,
);
console.log(
  `latency p50 ${percentile(latencies, 50).toFixed(1)} ms · p99 ${percentile(latencies, 99).toFixed(1)} ms · max ${percentile(latencies, 100).toFixed(1)} ms`,
);
console.log(`server RSS at the end ${(peakRss / 1024 / 1024).toFixed(0)} MiB`);
process.exit(lost === 0 && errors === 0 ? 0 : 1);
