/**
 * npm run bench:review — the review list's server time with 20,000
 * registrations in a real SQLite file (WAL, synchronous=FULL): the page
 * rendered by the real app through app.request(), signed in by a session
 * cookie, for the plain list, the last page, searches (accent-less product,
 * receipt without its dash, producer word), a commune account, filters with
 * search, and the CSV with a search. Also the time to fold every row's search
 * text, as a database from before the search column needs on its first start.
 * Target for every list page: median ≤ 50 ms wall and ≤ 25 ms of CPU. The
 * p95 is printed with the load average: on a shared machine it measures the
 * neighbours more than this code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/service/app.ts';
import { readConfig } from '../src/service/config.ts';
import { readFilter } from '../src/service/http/filters.ts';
import type { Registration } from '../src/domain/registration.ts';
import type { Status } from '../src/domain/status.ts';

process.removeAllListeners('warning');

const COUNT = Number(process.env.BENCH_ROWS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET = { medianMs: 50, cpuMs: 25 };

const PRODUCTS = [
  'Cà phê bột nguyên chất',
  'Mật ong hoa cà phê',
  'Hạt điều rang muối',
  'Tiêu đen sấy',
  'Trà dây rừng',
  'Thổ cẩm dệt tay',
  'Sâm dây sấy khô',
  'Rượu cần',
  'Măng le khô',
  'Bơ sáp Đắk',
];
const PRODUCERS = [
  'Hợp tác xã Nông nghiệp',
  'Hộ ông Đặng Văn',
  'Tổ hợp tác Bon',
  'Công ty TNHH Nông sản',
  'Hộ bà Nguyễn Thị',
];
const COMMUNES = [
  'quang-son',
  'quang-hoa',
  'dak-ha',
  'dak-r-mang',
  'quang-khe',
  'dak-plao',
  'dak-som',
];
const STATUSES: Status[] = [
  'cho-ra-soat',
  'cho-ra-soat',
  'cho-ra-soat',
  'da-chon',
  'chua-chon',
  'rac',
];

function registration(n: number): Registration {
  return {
    producerName: `${PRODUCERS[n % PRODUCERS.length]} ${n}`,
    producerType: 'hop-tac-xa',
    representative: 'Nguyễn Văn Thử',
    phone: '0912345678',
    email: '',
    commune: COMMUNES[n % COMMUNES.length]!,
    address: 'Thôn 1',
    businessId: '',
    productName: `${PRODUCTS[(n * 7) % PRODUCTS.length]} ${n}`,
    productGroup: 'thuc-pham',
    productStage: 'da-co',
    description: 'Rang mộc, xay mịn, đóng gói 500 g.',
    supportNeeds: ['Bao bì, nhãn mác'],
    consentProcessing: true,
    consentPublishName: n % 2 === 0,
  } as Registration;
}

const root = mkdtempSync(join(tmpdir(), 'ocop-bench-review-'));
const distDir = join(root, 'dist');
mkdirSync(distDir);
writeFileSync(join(distDir, '404.html'), '<!doctype html><title>404</title>');
const app = createApp(
  { ...readConfig({}), dataDir: join(root, 'data'), distDir, rateLimit: 0 },
  { log: () => {} },
);
const { deps } = app;

try {
  let t = performance.now();
  const stored = await Promise.all(
    Array.from({ length: COUNT }, (_, n) =>
      deps.registrations.add({
        value: registration(n),
        submissionId: `b${n}`,
        honeypot: false,
        at: new Date(Date.UTC(2024, 2, 1) + n * 60_000),
        round: n % 3 ? '2024-dot-1' : null,
        consentVersion: deps.consentVersion,
      }),
    ),
  );
  const receipts = stored.map((s) => s.record.receipt);
  deps.registrations.transaction(() => {
    receipts.forEach((r, n) => {
      const status = STATUSES[n % STATUSES.length]!;
      if (status !== 'cho-ra-soat')
        deps.db.prepare('UPDATE registrations SET status = ? WHERE receipt = ?').run(status, r);
    });
  });
  console.log(`stored ${COUNT} registrations in ${(performance.now() - t).toFixed(0)} ms`);

  // A database from before the search column: every row's text cleared, then folded again.
  deps.db.exec('UPDATE registrations SET search_text = NULL');
  t = performance.now();
  const folded = deps.registrations.refold();
  console.log(
    `folded the search text of ${folded} rows (first start after the migration) in ${(performance.now() - t).toFixed(0)} ms`,
  );

  await deps.accounts.add('huyen', 'mật khẩu đủ dài 123', null);
  await deps.accounts.add('quangson', 'mật khẩu đủ dài 123', 'quang-son');
  const cookie = (name: string) => ({ Cookie: `ocop_phien=${deps.sessions.create(name)}` });
  const district = cookie('huyen');
  const commune = cookie('quangson');
  const target = receipts[COUNT - 1234]!;
  /** The store's two queries for a list page alone (counts, then the first page), as the route runs them. */
  const sqlTime = (path: string, headers: Record<string, string>) => {
    const url = new URL(path, 'http://x');
    const account =
      headers === commune
        ? { name: 'quangson', commune: 'quang-son', createdAt: '' }
        : { name: 'huyen', commune: null, createdAt: '' };
    const read = readFilter(deps, account, Object.fromEntries(url.searchParams));
    if (!read.ok) throw new Error(read.message);
    const start = performance.now();
    const counts = deps.registrations.countByStatus(read.filter);
    if (url.pathname.endsWith('.csv')) deps.registrations.list(read.filter);
    else
      deps.registrations.page(
        read.filter,
        0,
        100,
        read.filter.status
          ? (counts.get(read.filter.status) ?? 0)
          : [...counts.values()].reduce((a, b) => a + b, 0),
      );
    return performance.now() - start;
  };

  const cases: [string, string, Record<string, string>][] = [
    ['list, page 1', '/quan-ly/', district],
    ['list, last page', '/quan-ly/?trang=1000', district],
    ['q=ca phe (accent-less product)', '/quan-ly/?q=ca+phe', district],
    ['q=receipt without dash', `/quan-ly/?q=${target.replace('-', '').toLowerCase()}`, district],
    ['q=dang van (producer)', '/quan-ly/?q=dang+van', district],
    ['q=nothing matches', '/quan-ly/?q=khong+co+gi', district],
    ['commune account, q=mat ong', '/quan-ly/?q=mat+ong', commune],
    [
      'commune + round + status + q',
      '/quan-ly/?commune=dak-ha&round=2024-dot-1&status=cho-ra-soat&q=tieu',
      district,
    ],
    ['CSV, q=ca phe', '/api/registrations.csv?q=ca+phe', district],
  ];

  console.log(
    `\nserver time per request, ${RUNS} runs after 3 warm-ups (ms; cpu = this process's CPU time, less moved by other load)`,
  );
  console.log(
    'case'.padEnd(34),
    'median'.padStart(7),
    'p95'.padStart(7),
    'max'.padStart(7),
    'cpu med'.padStart(8),
    'sql med'.padStart(8),
    'rows'.padStart(7),
    'KiB'.padStart(6),
  );
  let worst = { median: 0, cpu: 0 };
  for (const [name, path, headers] of cases) {
    const times: number[] = [];
    const cpu: number[] = [];
    const sql: number[] = [];
    let bytes = 0;
    let rows = '';
    for (let i = 0; i < RUNS + 3; i++) {
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      const res = await app.request(path, { headers });
      const body = await res.text();
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpuStart);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      if (i >= 3)
        (times.push(ms),
          cpu.push((used.user + used.system) / 1000),
          sql.push(sqlTime(path, headers)));
      bytes = body.length;
      rows = /(\d+) hồ sơ/.exec(body)?.[1] ?? String(body.split('\r\n').length - 2);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.ceil(times.length * 0.95) - 1]!;
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    if (!path.includes('.csv'))
      worst = { median: Math.max(worst.median, median), cpu: Math.max(worst.cpu, med(cpu)) };
    console.log(
      name.padEnd(34),
      median.toFixed(1).padStart(7),
      p95.toFixed(1).padStart(7),
      times.at(-1)!.toFixed(1).padStart(7),
      med(cpu).toFixed(1).padStart(8),
      med(sql).toFixed(1).padStart(8),
      rows.padStart(7),
      (bytes / 1024).toFixed(0).padStart(6),
    );
  }
  console.log(
    `load average while measuring: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  const ok = worst.median <= TARGET.medianMs && worst.cpu <= TARGET.cpuMs;
  console.log(
    `\nworst list page: median ${worst.median.toFixed(1)} ms wall, ${worst.cpu.toFixed(1)} ms CPU (target ≤ ${TARGET.medianMs} / ≤ ${TARGET.cpuMs}): ${ok ? 'met' : 'NOT met'}`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  app.close();
  rmSync(root, { recursive: true, force: true });
}
