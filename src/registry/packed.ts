/**
 * Rows as read by another thread, handed over packed: a structured clone of 50,000 small objects
 * costs the receiving thread more than reading the rows did, and the registry then keeps the rows
 * as columns anyway. Each row as the registry counts it: its line, receipt key and review time as
 * numbers, its status and what it publishes as flags, a chosen row's public texts (campaign included) joined by NUL
 * (decoded text holds none; the count is checked on opening), and the rare rows with problems.
 */
import {
  newCountedRow,
  STATUS_LIST,
  type CountedRow,
  type CountedRowVisit,
  type PublishedFields,
} from './outcome-table.ts';
import { NO_PROBLEMS as NONE } from './row.ts';
import type { Status } from '../domain/status.ts';

export interface PackedRows {
  lines: number[];
  /** receiptKey of each row's receipt; -1: none. */
  keys: number[];
  /** The review time in ms; NaN: none. */
  reviewed: number[];
  /** The status (0: none, else 1 + its place in STATUS_LIST) and what the row publishes. */
  flags: number[];
  /** How many strings were joined. */
  count: number;
  strings: string;
  /** [row, problems, blocked] of every row with a problem. */
  extras: [index: number, problems: string[], blocked: boolean][];
}

// Flags above the status's three bits: a chosen row's public fields, and which of them are there.
const STATUS_BITS = 7,
  PUBLIC = 8,
  NAME = 16,
  ROUND = 32;
const STATUS_CODE = new Map<Status, number>(STATUS_LIST.map((s, i) => [s, i + 1]));

/** Packs rows as counted; openPacked gives them back as the reading thread counted them. */
export function rowPacker() {
  const packed: PackedRows = {
    lines: [],
    keys: [],
    reviewed: [],
    flags: [],
    count: 0,
    strings: '',
    extras: [],
  };
  const strings: string[] = [];
  const add: CountedRowVisit = (row: CountedRow) => {
    const { status, published: p, problems, blocked } = row;
    let flags = status === null ? 0 : STATUS_CODE.get(status)!;
    if (p) {
      flags |= PUBLIC;
      strings.push(p.productName, p.productGroup, p.producerType, p.commune, p.receipt, p.campaign);
      if (p.producerName !== null) ((flags |= NAME), strings.push(p.producerName));
      if (p.round !== null) ((flags |= ROUND), strings.push(p.round));
    }
    if (problems.length > 0 || blocked)
      packed.extras.push([packed.lines.length, problems, blocked]);
    packed.lines.push(row.line);
    packed.keys.push(row.key);
    packed.reviewed.push(row.reviewedMs);
    packed.flags.push(flags);
  };
  return {
    add,
    finish(): PackedRows {
      packed.strings = strings.join('\u0000');
      packed.count = strings.length;
      return packed;
    },
  };
}

/** How many strings a row with these flags has. */
const stringsOf = (f: number) => (f & PUBLIC ? 6 + (f & NAME ? 1 : 0) + (f & ROUND ? 1 : 0) : 0);

/** Packed rows opened, their strings checked against their flags. */
export interface ReadRows {
  packed: PackedRows;
  strings: readonly string[];
  extras: ReadonlyMap<number, { problems: string[]; blocked: boolean }>;
  /** Added to every line (the packed lines are counted within a part). */
  firstLine: number;
}

/** The rows, or null when they do not add up (then read the file whole). */
export function openPacked(packed: PackedRows, firstLine: number): ReadRows | null {
  // By count, not by text: one empty string joins to '' just as no string does.
  const strings = packed.count === 0 ? [] : packed.strings.split('\u0000');
  const n = packed.lines.length;
  if (
    strings.length !== packed.count ||
    packed.flags.length !== n ||
    packed.keys.length !== n ||
    packed.reviewed.length !== n
  )
    return null;
  let total = 0;
  for (const f of packed.flags) {
    if ((f & STATUS_BITS) > STATUS_LIST.length) return null;
    total += stringsOf(f);
  }
  if (total !== strings.length) return null;
  const extras = new Map(packed.extras.map(([i, problems, blocked]) => [i, { problems, blocked }]));
  return { packed, strings, extras, firstLine };
}

/** Visits every row in order (one record, filled again for each row). */
export function forEachRead(rows: ReadRows, visit: CountedRowVisit): void {
  const { packed, strings, extras, firstLine } = rows;
  const row = newCountedRow();
  const { lines, keys, reviewed, flags } = packed;
  let s = 0;
  for (let i = 0; i < lines.length; i++) {
    const f = flags[i]!;
    const code = f & STATUS_BITS;
    let published: PublishedFields | null = null;
    if (f & PUBLIC) {
      const productName = strings[s++]!,
        productGroup = strings[s++]!,
        producerType = strings[s++]!,
        commune = strings[s++]!,
        receipt = strings[s++]!,
        campaign = strings[s++]!;
      const producerName = f & NAME ? strings[s++]! : null;
      const round = f & ROUND ? strings[s++]! : null;
      published = {
        productName,
        productGroup,
        producerType,
        producerName,
        commune,
        round,
        campaign,
        receipt,
      };
    }
    const extra = extras.get(i);
    row.line = firstLine + lines[i]!;
    row.key = keys[i]!;
    row.status = code === 0 ? null : STATUS_LIST[code - 1]!;
    row.reviewedMs = reviewed[i]!;
    row.published = published;
    row.problems = extra?.problems ?? NONE;
    row.blocked = extra?.blocked ?? false;
    visit(row);
  }
}
