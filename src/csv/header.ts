/**
 * What a CSV file's first line tells before any row is read: the delimiter a spreadsheet chose
 * (`,` `;` or tab), and which column holds which field. Header cells are matched to field keys by
 * folded text, so case, diacritics, spacing and column order do not matter.
 */
import { foldKey } from '../domain/text.ts';
import type { Delimiter } from './source.ts';

const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** The delimiter that occurs most often outside quotes in the first non-blank line; comma on a tie. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seenContent = false;
  for (let i = 0; i < text.length && i < 1_000_000; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    else if (ch.trim() !== '') seenContent = true;
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export interface ColumnMatch<K extends string> {
  /** For each header position, the field key it holds, or null for a blank or unknown column. */
  keys: (K | null)[];
  /** Non-blank headers that matched nothing. */
  unknown: string[];
}

/**
 * Matches header cells to keys. `names` maps a key to every header it may be
 * written as; a header matches when its foldKey equals one of them. A key
 * claimed by an earlier column is not claimed twice.
 */
export function matchColumns<K extends string>(
  header: readonly string[],
  names: ReadonlyMap<K, readonly string[]>,
): ColumnMatch<K> {
  const byFold = new Map<string, K>();
  for (const [key, forms] of names) for (const form of forms) byFold.set(foldKey(form), key);
  const taken = new Set<K>();
  const unknown: string[] = [];
  const keys = header.map((cell) => {
    if (cell.trim() === '') return null;
    const key = byFold.get(foldKey(cell));
    if (!key || taken.has(key)) {
      unknown.push(cell);
      return null;
    }
    taken.add(key);
    return key;
  });
  return { keys, unknown };
}
