/**
 * The worker of parallel.ts: parses and reads the second part of a large file with the same
 * domain code, and answers with each row as counted (lines counted within the part), packed.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { once } from 'node:events';
import { utf8PartSource } from '../../csv/decode.ts';
import { forEachDataRow, RangeCells, type Delimiter } from '../../csv/read.ts';
import type { ExportKey } from '../../export/format.ts';
import { rowPacker, type PackedRows } from '../packed.ts';
import { rawRowBuilder } from '../file.ts';
import { makeRowRules, type RowContext } from '../row.ts';
import { makeFileRowReader } from '../fast/row.ts';

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

export type WorkerResult =
  { ok: true; rows: PackedRows; blankRows: number } | { ok: false; reason: string };

async function run(port: MessagePort): Promise<WorkerResult> {
  const job = (receiveMessageOnPort(port)?.message ??
    (await once(port, 'message'))[0]) as WorkerJob;
  const rules = makeRowRules(job.ctx);
  const source = utf8PartSource(job.part);
  if (source === null) return { ok: false, reason: 'the second part is not UTF-8 text' };
  const header = (receiveMessageOnPort(port)?.message ??
    (await once(port, 'message'))[0]) as PartHeader;
  const toRaw = rawRowBuilder(header.keys);
  const packer = rowPacker();
  // The rows read as the registry reads them: the fast path first, readRow otherwise.
  const readRow = makeFileRowReader(rules, header.keys, packer.add);
  const { blankRows } = forEachDataRow(
    source,
    { delimiter: header.delimiter, newline: header.newline },
    -1,
    0,
    ({ line, cells, damage }) => {
      readRow(line, toRaw(cells), cells instanceof RangeCells ? cells : undefined, damage);
    },
  );
  return { ok: true, rows: packer.finish(), blankRows };
}

/** What the worker is started with: the port its job comes by, and where it says it has answered. */
export interface WorkerStart {
  /** Tells this worker from any other thread that happens to load this module. */
  registryWorker: true;
  port: MessagePort;
  shared: Int32Array;
}

if (workerData?.registryWorker === true) {
  const { port, shared } = workerData as WorkerStart;
  let result: WorkerResult;
  try {
    result = await run(port);
  } catch (err) {
    result = { ok: false, reason: (err as Error).message };
  }
  port.postMessage(result);
  Atomics.store(shared, 0, 1);
  Atomics.notify(shared, 0);
}
