/**
 * Decoded CSV text → header and rows, whatever delimiter a spreadsheet chose
 * (`,` `;` or tab), with CRLF or LF, quoted newlines and stray blank rows and
 * columns. Header cells are matched to field keys by folded text, so case,
 * diacritics, spacing and column order do not matter.
 */
import Papa from 'papaparse';
import { foldKey } from './text.ts';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

export interface CsvRow {
  /** Row number as a spreadsheet shows it (the header row is 1). */
  line: number;
  cells: string[];
  /** Set when the parser found the row damaged (an unclosed or misplaced quote): what went wrong, in Vietnamese. */
  damage?: string;
}

export interface CsvTable {
  delimiter: Delimiter;
  /** Row number of the header. */
  headerLine: number;
  header: string[];
  /** Data rows, blank rows left out. */
  rows: CsvRow[];
  /** How many blank rows were left out. */
  blankRows: number;
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

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

/** Parses CSV text; the first non-blank row is the header. */
export function readCsv(text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: false });
  const data = parsed.data;
  const damage = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.row == null || e.type !== 'Quotes') continue;
    damage.set(e.row, e.code === 'MissingQuotes' ? 'Dòng bị hỏng: thiếu dấu nháy kép đóng (tệp có thể bị cắt cụt)' : 'Dòng bị hỏng: dấu nháy kép đặt sai chỗ');
  }
  let h = 0;
  while (h < data.length && isBlank(data[h]!)) h++;
  const header = (data[h] ?? []).map((c) => c.trim());
  const rows: CsvRow[] = [];
  let blankRows = 0;
  for (let i = h + 1; i < data.length; i++) {
    const cells = data[i]!;
    if (isBlank(cells)) {
      // Papaparse reads the newline that ends the file as one more empty row; that is not a blank row.
      if (!(i === data.length - 1 && cells.length === 1)) blankRows++;
      continue;
    }
    const problem = damage.get(i);
    rows.push(problem ? { line: i + 1, cells, damage: problem } : { line: i + 1, cells });
  }
  return { delimiter, headerLine: h + 1, header, rows, blankRows };
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
export function matchColumns<K extends string>(header: readonly string[], names: ReadonlyMap<K, readonly string[]>): ColumnMatch<K> {
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
