/**
 * The worker of registry-parallel: decodes, parses and reads the second part of a large file with
 * the same domain code, and answers with each row as read (lines counted within the part).
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { once } from 'node:events';
import { decodeUtf8Part } from '../domain/csv-decode.ts';
import { forEachDataRow, type Delimiter } from '../domain/csv-read.ts';
import type { ExportKey } from '../domain/export-format.ts';
import { rawRowBuilder } from '../domain/registry-file.ts';
import { makeRowReader, type ReadRow, type RowContext } from '../domain/registry-row.ts';

export interface WorkerJob {
  port: MessagePort;
  shared: Int32Array;
  part: Uint8Array;
  ctx: RowContext;
}
export interface PartHeader {
  delimiter: Delimiter;
  newline: string;
  keys: (ExportKey | null)[];
}
export type WorkerResult =
  | { ok: true; rows: { line: number; read: ReadRow; damage?: string }[]; blankRows: number }
  | { ok: false; reason: string };

async function run(job: WorkerJob): Promise<WorkerResult> {
  const readRow = makeRowReader(job.ctx);
  const text = decodeUtf8Part(job.part);
  if (text === null) return { ok: false, reason: 'the second part is not UTF-8 text' };
  const header = (receiveMessageOnPort(job.port)?.message ?? (await once(job.port, 'message'))[0]) as PartHeader;
  const toRaw = rawRowBuilder(header.keys);
  const rows: { line: number; read: ReadRow; damage?: string }[] = [];
  const { blankRows } = forEachDataRow(text, { delimiter: header.delimiter, newline: header.newline }, -1, 0, ({ line, cells, damage }) => {
    rows.push(damage ? { line, read: readRow(toRaw(cells)), damage } : { line, read: readRow(toRaw(cells)) });
  });
  return { ok: true, rows, blankRows };
}

if (workerData) {
  const job = workerData as WorkerJob;
  let result: WorkerResult;
  try {
    result = await run(job);
  } catch (err) {
    result = { ok: false, reason: (err as Error).message };
  }
  job.port.postMessage(result);
  Atomics.store(job.shared, 0, 1);
  Atomics.notify(job.shared, 0);
}
