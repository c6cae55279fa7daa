/**
 * The worker of registry-parallel: decodes, parses and reads the second part of a large file with
 * the same domain code, and answers with each row as read (lines counted within the part), packed.
 * Then it may be asked to write the open-data CSV while the other thread writes the JSON.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { utf8PartSource } from '../domain/csv-decode.ts';
import { forEachDataRow, type Delimiter } from '../domain/csv-read.ts';
import type { ExportKey } from '../domain/export-format.ts';
import { publicListCsv, type PublicList } from '../domain/public-list.ts';
import { rowPacker, type PackedRows } from '../domain/registry-packed.ts';
import { rawRowBuilder } from '../domain/registry-file.ts';
import { makeRowReader, type RowContext } from '../domain/registry-row.ts';

/** Sent first (the worker is started before the file is read, so that loading its modules overlaps). */
export interface WorkerJob {
  part: Uint8Array;
  ctx: RowContext;
}
export interface PartHeader {
  delimiter: Delimiter;
  newline: string;
  keys: (ExportKey | null)[];
}

export type WorkerResult = { ok: true; rows: PackedRows; blankRows: number } | { ok: false; reason: string };

/**
 * Sent after the rows were read, when the open-data CSV is to be written here while the other
 * thread writes the JSON: the non-empty communes (slug, name), their product counts, and each
 * product's six fields in list order (a missing producer name or round as '', which writes alike).
 */
export interface CsvJob {
  path: string;
  communes: string[];
  counts: number[];
  strings: string[];
}

/** What `shared[0]` holds: the rows are answered; then the CSV was written, or could not be. */
export const [ROWS_ANSWERED, CSV_WRITTEN, CSV_FAILED] = [1, 2, 3];
/** A worker not asked for the CSV in this time goes away by itself. */
const CSV_WAIT_MS = 10_000;

/** The list the CSV job describes (only what publicListCsv reads). */
export function csvJobList(job: CsvJob): PublicList {
  const communes: PublicList['communes'] = [];
  let s = 0;
  for (let c = 0; c < job.counts.length; c++) {
    const products: PublicList['communes'][number]['products'] = [];
    for (let k = 0; k < job.counts[c]!; k++) {
      const [receipt, productName, productGroup, producerType, producerName, round] = job.strings.slice(s, (s += 6)) as [string, string, string, string, string, string];
      products.push({ receipt, productName, productGroup, producerType, producerName: producerName || null, round: round || null });
    }
    communes.push({ slug: job.communes[2 * c]!, name: job.communes[2 * c + 1]!, products });
  }
  return { generatedAt: '', communes };
}

/** The CSV job for a list. */
export function csvJob(path: string, list: PublicList): CsvJob {
  const job: CsvJob = { path, communes: [], counts: [], strings: [] };
  for (const c of list.communes) {
    if (c.products.length === 0) continue;
    job.communes.push(c.slug, c.name);
    job.counts.push(c.products.length);
    for (const p of c.products) job.strings.push(p.receipt, p.productName, p.productGroup, p.producerType, p.producerName ?? '', p.round ?? '');
  }
  return job;
}

async function run(port: MessagePort, job: WorkerJob): Promise<WorkerResult> {
  const readRow = makeRowReader(job.ctx);
  const source = utf8PartSource(job.part);
  if (source === null) return { ok: false, reason: 'the second part is not UTF-8 text' };
  const header = (receiveMessageOnPort(port)?.message ?? (await once(port, 'message'))[0]) as PartHeader;
  const toRaw = rawRowBuilder(header.keys);
  const packer = rowPacker();
  const { blankRows } = forEachDataRow(source, { delimiter: header.delimiter, newline: header.newline }, -1, 0, ({ line, cells, damage }) => {
    packer.add(line, readRow(toRaw(cells)), damage);
  });
  return { ok: true, rows: packer.finish(), blankRows };
}

/** What the worker is started with: the port its job comes by, and where it says it has answered. */
export interface WorkerStart {
  /** Tells this worker from any other thread that happens to load this module. */
  registryWorker: true;
  port: MessagePort;
  shared: Int32Array;
}

const answer = (shared: Int32Array, state: number) => {
  Atomics.store(shared, 0, state);
  Atomics.notify(shared, 0);
};

if (workerData?.registryWorker === true) {
  const { port, shared } = workerData as WorkerStart;
  const job = (receiveMessageOnPort(port)?.message ?? (await once(port, 'message'))[0]) as WorkerJob;
  let result: WorkerResult;
  try {
    result = await run(port, job);
  } catch (err) {
    result = { ok: false, reason: (err as Error).message };
  }
  port.postMessage(result);
  answer(shared, ROWS_ANSWERED);
  if (result.ok) {
    const timer = setTimeout(() => process.exit(0), CSV_WAIT_MS);
    const csv = (receiveMessageOnPort(port)?.message ?? (await once(port, 'message'))[0]) as CsvJob;
    clearTimeout(timer);
    try {
      writeFileSync(csv.path, publicListCsv(csvJobList(csv), { ...job.ctx.sets, rounds: job.ctx.rounds }));
      answer(shared, CSV_WRITTEN);
    } catch {
      answer(shared, CSV_FAILED); // the other thread writes it, and says why if it cannot either
    }
  }
}
