/**
 * The worker of registry-parallel: decodes, parses and reads the second part of a large file with
 * the same domain code, and answers with each row as read (lines counted within the part), packed:
 * a structured clone of 40,000 small objects costs the receiving thread more than reading them.
 */
import { receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { once } from 'node:events';
import { utf8PartSource } from '../domain/csv-decode.ts';
import { forEachDataRow, type Delimiter } from '../domain/csv-read.ts';
import type { ExportKey } from '../domain/export-format.ts';
import type { InputRow } from '../domain/registry.ts';
import { rawRowBuilder } from '../domain/registry-file.ts';
import { makeRowReader, type ReadRow, type RowContext } from '../domain/registry-row.ts';
import type { Status } from '../domain/status.ts';

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

/**
 * Rows as read, in columns: a line and a set of flags per row, every string value joined by NUL
 * (decoded text holds none; the count is checked on unpacking), and the rare rows with problems.
 */
export interface PackedRows {
  /** How many strings were joined. */
  count: number;
  lines: number[];
  flags: number[];
  strings: string;
  extras: [index: number, problems: string[], blocking: string[], damage: string | null][];
}
export type WorkerResult = { ok: true; rows: PackedRows; blankRows: number } | { ok: false; reason: string };

// Flags: which values a row has (a missing one is null and takes no place among the strings).
const RECEIPT = 1, STATUS = 2, REVIEWED = 4, PUBLIC = 8, NAME = 16, ROUND = 32;
const NO_PROBLEMS: string[] = Object.freeze([]) as unknown as string[];

/** Packs rows as read; `unpackRows` gives them back as the reading thread would have. */
export function rowPacker() {
  const packed: PackedRows = { count: 0, lines: [], flags: [], strings: '', extras: [] };
  const strings: string[] = [];
  return {
    add(line: number, read: ReadRow, damage: string | undefined) {
      const { receipt, status, reviewedAt, publicFields: p } = read;
      let flags = 0;
      if (receipt !== null) (flags |= RECEIPT), strings.push(receipt);
      if (status !== null) (flags |= STATUS), strings.push(status);
      if (reviewedAt !== null) (flags |= REVIEWED), strings.push(reviewedAt);
      if (p) {
        flags |= PUBLIC;
        strings.push(p.productName, p.productGroup, p.producerType, p.commune);
        if (p.producerName !== null) (flags |= NAME), strings.push(p.producerName);
        if (p.round !== null) (flags |= ROUND), strings.push(p.round);
      }
      if (read.problems.length > 0 || read.blocking.length > 0 || damage) packed.extras.push([packed.lines.length, read.problems, read.blocking, damage ?? null]);
      packed.lines.push(line);
      packed.flags.push(flags);
    },
    finish(): PackedRows {
      packed.strings = strings.join('\u0000');
      packed.count = strings.length;
      return packed;
    },
  };
}

/** The rows back, lines shifted by `firstLine`; null when the strings do not add up (then read the file whole). */
export function unpackRows(packed: PackedRows, firstLine: number): InputRow[] | null {
  // By count, not by text: one empty string joins to '' just as no string does.
  const strings = packed.count === 0 ? [] : packed.strings.split('\u0000');
  if (strings.length !== packed.count) return null;
  const extras = new Map(packed.extras.map(([i, problems, blocking, damage]) => [i, { problems, blocking, damage }]));
  const rows: InputRow[] = [];
  let s = 0;
  for (let i = 0; i < packed.lines.length; i++) {
    const f = packed.flags[i]!;
    const receipt = f & RECEIPT ? strings[s++]! : null;
    const status = f & STATUS ? (strings[s++] as Status) : null;
    const reviewedAt = f & REVIEWED ? strings[s++]! : null;
    let publicFields: ReadRow['publicFields'] = null;
    if (f & PUBLIC) {
      const [productName, productGroup, producerType, commune] = [strings[s++]!, strings[s++]!, strings[s++]!, strings[s++]!];
      const producerName = f & NAME ? strings[s++]! : null;
      const round = f & ROUND ? strings[s++]! : null;
      publicFields = { productName, productGroup, producerType, producerName, commune, round };
    }
    const extra = extras.get(i);
    const read: ReadRow = { receipt, status, reviewedAt, publicFields, problems: extra?.problems ?? NO_PROBLEMS, blocking: extra?.blocking ?? NO_PROBLEMS };
    const line = firstLine + packed.lines[i]!;
    rows.push(extra?.damage ? { line, raw: {}, read, damage: extra.damage } : { line, raw: {}, read });
  }
  return s === strings.length ? rows : null;
}

async function run(port: MessagePort): Promise<WorkerResult> {
  const job = (receiveMessageOnPort(port)?.message ?? (await once(port, 'message'))[0]) as WorkerJob;
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
