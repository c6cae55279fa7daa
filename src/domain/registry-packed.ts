/**
 * Rows as read by another thread, handed over packed: a structured clone of 50,000 small objects
 * costs the receiving thread more than reading the rows did, and the registry then keeps the rows
 * as columns anyway. A line and a set of flags per row, every string value joined by NUL (decoded
 * text holds none; the count is checked on opening), and the rare rows with problems.
 */
import type { PublicFields, ReadRow } from './registry-row.ts';
import type { Status } from './status.ts';

export interface PackedRows {
  /** How many strings were joined. */
  count: number;
  lines: number[];
  flags: number[];
  strings: string;
  extras: [index: number, problems: string[], blocking: string[], damage: string | null][];
}

// Flags: which values a row has (a missing one is null and takes no place among the strings).
const RECEIPT = 1, STATUS = 2, REVIEWED = 4, PUBLIC = 8, NAME = 16, ROUND = 32;
const NONE: string[] = Object.freeze([]) as unknown as string[];

/** Packs rows as read; openPacked gives them back as the reading thread read them. */
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

/** How many strings a row with these flags has. */
const stringsOf = (f: number) => (f & RECEIPT ? 1 : 0) + (f & STATUS ? 1 : 0) + (f & REVIEWED ? 1 : 0) + (f & PUBLIC ? 4 + (f & NAME ? 1 : 0) + (f & ROUND ? 1 : 0) : 0);

/** Packed rows opened, their strings checked against their flags. */
export interface ReadRows {
  lines: readonly number[];
  flags: readonly number[];
  strings: readonly string[];
  extras: ReadonlyMap<number, { problems: string[]; blocking: string[]; damage: string | null }>;
  /** Added to every line (the packed lines are counted within a part). */
  firstLine: number;
}

/** The rows, or null when their strings do not add up (then read the file whole). */
export function openPacked(packed: PackedRows, firstLine: number): ReadRows | null {
  // By count, not by text: one empty string joins to '' just as no string does.
  const strings = packed.count === 0 ? [] : packed.strings.split('\u0000');
  if (strings.length !== packed.count || packed.flags.length !== packed.lines.length) return null;
  let total = 0;
  for (const f of packed.flags) total += stringsOf(f);
  if (total !== strings.length) return null;
  const extras = new Map(packed.extras.map(([i, problems, blocking, damage]) => [i, { problems, blocking, damage }]));
  return { lines: packed.lines, flags: packed.flags, strings, extras, firstLine };
}

/** What is visited for each row: the row as read, in its fields (no object per row). */
export type ReadRowVisit = (line: number, receipt: string | null, status: Status | null, reviewedAt: string | null, publicFields: PublicFields | null, problems: string[], blocking: string[], damage: string | undefined) => void;

/** Visits every row in order. */
export function forEachRead(rows: ReadRows, visit: ReadRowVisit): void {
  const { lines, flags, strings, extras, firstLine } = rows;
  let s = 0;
  for (let i = 0; i < lines.length; i++) {
    const f = flags[i]!;
    const receipt = f & RECEIPT ? strings[s++]! : null;
    const status = f & STATUS ? (strings[s++] as Status) : null;
    const reviewedAt = f & REVIEWED ? strings[s++]! : null;
    let publicFields: PublicFields | null = null;
    if (f & PUBLIC) {
      const productName = strings[s++]!, productGroup = strings[s++]!, producerType = strings[s++]!, commune = strings[s++]!;
      const producerName = f & NAME ? strings[s++]! : null;
      const round = f & ROUND ? strings[s++]! : null;
      publicFields = { productName, productGroup, producerType, producerName, commune, round };
    }
    const extra = extras.get(i);
    visit(firstLine + lines[i]!, receipt, status, reviewedAt, publicFields, extra?.problems ?? NONE, extra?.blocking ?? NONE, extra?.damage ?? undefined);
  }
}
