/**
 * Answers remembered by a cell's bytes: the fast path of a Map keyed by the cell's decoded text
 * (its reference, in byte-memo.test.ts), for the registry's columns whose few values repeat down
 * 100,000 rows. Looking a cell up by its bytes needs no decoding and no string.
 */

/**
 * Answers remembered by a cell's bytes, for a column whose few distinct values repeat (statuses,
 * communes, groups…): a cell's answer is found without decoding it. Up to `limit` distinct
 * cells are kept; past that, the caller computes the answers of new cells each time. Cells are
 * compared byte for byte.
 */
export class ByteMemo<T> {
  private readonly b: Uint8Array;
  private slots = new Int32Array(64).fill(-1);
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly answers: T[] = [];
  private readonly limit: number;
  constructor(bytes: Uint8Array, limit = 1 << 16) {
    this.b = bytes;
    this.limit = limit;
  }

  /** The answer remembered for the cell [start, end); undefined when these bytes have none yet. */
  get(start: number, end: number): T | undefined {
    const id = this.slots[this.slotOf(start, end)]!;
    return id < 0 ? undefined : this.answers[id];
  }

  /**
   * Remembers the answer for the cell [start, end) (not yet remembered), while fewer than `limit`
   * are.
   */
  set(start: number, end: number, answer: T): void {
    const id = this.answers.length;
    if (id >= this.limit) return;
    this.slots[this.slotOf(start, end)] = id;
    this.starts.push(start);
    this.ends.push(end);
    this.answers.push(answer);
    if (4 * this.answers.length > 3 * this.slots.length) this.grow();
  }

  /** The slot holding these bytes, or the empty slot where they go. */
  private slotOf(start: number, end: number): number {
    const mask = this.slots.length - 1;
    let slot = hash(this.b, start, end) & mask;
    for (;;) {
      const id = this.slots[slot]!;
      if (id < 0 || this.sameBytes(id, start, end)) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private sameBytes(id: number, start: number, end: number): boolean {
    const from = this.starts[id]!;
    if (this.ends[id]! - from !== end - start) return false;
    const b = this.b;
    for (let i = 0; i < end - start; i++) if (b[from + i] !== b[start + i]) return false;
    return true;
  }

  private grow() {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.answers.length; id++) {
      let slot = hash(this.b, this.starts[id]!, this.ends[id]!) & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = id;
    }
  }
}

/** FNV-1a's 32-bit offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** A longer cell is hashed by this many bytes at each end. */
const HASHED_END = 12;

/**
 * FNV-1a of the length and of the bytes [start, end), or of their first and last 12 for a longer
 * cell (cells that differ only in their middle share a slot; they are still told apart).
 */
function hash(b: Uint8Array, start: number, end: number): number {
  let h = Math.imul(FNV_OFFSET ^ (end - start), FNV_PRIME);
  if (end - start > 2 * HASHED_END) {
    for (let i = start; i < start + HASHED_END; i++) h = Math.imul(h ^ b[i]!, FNV_PRIME);
    start = end - HASHED_END;
  }
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, FNV_PRIME);
  return h;
}
