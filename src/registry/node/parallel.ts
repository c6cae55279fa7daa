/**
 * A large UTF-8 export read by two threads, on a machine with cores to spare (parallelMinBytes):
 * the file is cut at a line break past the middle; this thread reads the first part while a
 * worker decodes, parses and reads the second, and the rows
 * come out in the file's order with the lines one thread would give them. Synchronous to the
 * caller (the worker's answer is awaited with Atomics.wait), so runRegistry stays synchronous.
 *
 * The cut is chosen where the count of quotes before it is even; a file whose quotes are damaged
 * may still be cut inside a quoted cell. Then the first part does not end with a complete row,
 * SplitFailed is thrown, and the caller reads the file whole instead: never a different result.
 */
import { Buffer } from 'node:buffer';
import { availableParallelism } from 'node:os';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import { utf8Candidate } from '../../csv/decode.ts';
import type { InputRow, RowSource } from '../build.ts';
import { openRegistryUtf8, type ReadFile } from '../file.ts';
import type { RowContext } from '../row.ts';
import { openPacked, type ReadRows } from '../packed.ts';
import type { PartHeader, WorkerJob, WorkerResult, WorkerStart } from './worker.ts';

/** Below this size a second thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 8 * 1024 * 1024;
/** Cores a machine needs for the second thread to pay (see parallelMinBytes). */
export const PARALLEL_MIN_CORES = 4;

/**
 * The size from which the CLI reads a file by two threads, or undefined for one thread. On fewer
 * than four cores one thread is quicker: V8 compiles hot code and collects garbage on threads of
 * its own, and a second JavaScript thread takes the only other core from them (measured on two
 * cores: 1.09 s against 1.18 s for 100,000 rows, one thread quicker in 12 of 16 paired runs).
 * REGISTRY_THREADS=1 or 2 decides instead.
 */
export function parallelMinBytes(
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
): number | undefined {
  const threads =
    env.REGISTRY_THREADS === '1'
      ? 1
      : env.REGISTRY_THREADS === '2'
        ? 2
        : cores >= PARALLEL_MIN_CORES
          ? 2
          : 1;
  return threads === 2 ? PARALLEL_MIN_BYTES : undefined;
}
/** The worker's share: half, as it is started before the content is read and this thread also counts every row. */
const WORKER_SHARE = 0.5;
const WORKER_TIMEOUT_MS = 120_000;

export class SplitFailed extends Error {}

/** Just after the first line feed from `from` on with an even count of quotes before it; -1 if none. */
export function findCut(bytes: Uint8Array, from: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let quotes = 0;
  for (let i = buf.indexOf(0x22); i !== -1 && i < from; i = buf.indexOf(0x22, i + 1)) quotes++;
  for (let i = from; i < buf.length; i++) {
    if (buf[i] === 0x22) quotes++;
    else if (buf[i] === 0x0a && quotes % 2 === 0) return i + 1 < buf.length ? i + 1 : -1;
  }
  return -1;
}

/** A worker started ahead of the file it will read: loading its modules overlaps reading the content. */
export interface StartedWorker {
  worker: Worker;
  port: MessagePort;
  shared: Int32Array;
}

/** Starts a worker that waits for its part; null where there are no workers (e.g. bundled code). */
export function startRegistryWorker(): StartedWorker | null {
  const shared = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const start: WorkerStart = { registryWorker: true, port: port2, shared };
  try {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), {
      workerData: start,
      transferList: [port2],
    });
    worker.unref();
    return { worker, port: port1, shared };
  } catch {
    return null;
  }
}

/**
 * The file read by two threads, or null when it is not a UTF-8 file that can be cut (read it whole).
 * `started` is a worker from startRegistryWorker, used for this file only (one is started if none).
 */
export function readRegistryFileInParallel(
  file: string,
  bytes: Uint8Array,
  ctx: RowContext,
  cutAt?: number,
  started?: StartedWorker | null,
): ReadFile | null {
  const encoding = utf8Candidate(bytes);
  const cut = encoding
    ? findCut(bytes, cutAt ?? Math.floor(bytes.length * (1 - WORKER_SHARE)))
    : -1;
  const w = encoding && cut > 0 ? (started ?? startRegistryWorker()) : null;
  if (!w) {
    if (started) void started.worker.terminate();
    return null;
  }
  const { port, shared } = w;
  const stop = () => void w.worker.terminate();
  const part = new Uint8Array(bytes.subarray(cut)); // a copy of its own to hand over (Buffer.slice would share)
  const job: WorkerJob = { part, ctx };
  port.postMessage(job, [part.buffer]);

  const opened = openRegistryUtf8(file, bytes.subarray(0, cut));
  if (!opened?.ok) {
    stop();
    return null; // read whole: decodeCsv gives the exact reason or the other encoding
  }
  const { table, info, keys, toInputRow } = opened;
  const header: PartHeader = { delimiter: table.delimiter, newline: table.newline, keys };
  port.postMessage(header);

  let result: WorkerResult | undefined;
  const second = (): WorkerResult => {
    if (result) return result;
    const waited = Atomics.wait(shared, 0, 0, WORKER_TIMEOUT_MS);
    result =
      waited === 'timed-out'
        ? { ok: false, reason: 'worker timed out' }
        : ((receiveMessageOnPort(port)?.message as WorkerResult | undefined) ?? {
            ok: false,
            reason: 'no answer',
          });
    stop();
    return result;
  };
  const rows: RowSource = {
    forEach(visit: (row: InputRow) => void, visitRead?: (rows: ReadRows) => void) {
      const first = table.forEachRow((row) => visit(toInputRow(row)));
      if (!first.endsWithLineBreak) {
        stop();
        throw new SplitFailed(`${file}: the cut fell inside a quoted cell`);
      }
      const r = second();
      if (!r.ok) throw new SplitFailed(`${file}: ${r.reason}`);
      const read = openPacked(r.rows, first.count);
      if (!read) throw new SplitFailed(`${file}: the second part's answer does not add up`);
      if (!visitRead)
        throw new Error(
          `${file}: rows another thread read are visited only as they were counted (visitRead)`,
        );
      visitRead(read);
      info.blankRows = first.blankRows + r.blankRows;
    },
    columnFields: keys,
  };
  return { ok: true, rows, info };
}
