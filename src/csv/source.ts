/**
 * What CSV rows are read from: decoded text, or a UTF-8 file's bytes (decode.ts's utf8BytesSource)
 * read without decoding them whole. The fast path (fast-rows.ts) scans a source; papaparse, its
 * reference (read.ts), reads text taken from it.
 */

export type Delimiter = ',' | ';' | '\t';

export interface SourceWindow {
  /** The text (for a UTF-8 source: decoded, not yet NFC). */
  text: string;
  /** Where in the source the character at `offset` of the text is. */
  scanOffset(offset: number): number;
  /** A cell read from the text, as `cell` gives it. */
  cell(value: string): string;
}

/**
 * What rows are read from: decoded text (`text`), or a UTF-8 file's bytes (`bytes`), whose rows are
 * found byte by byte without decoding the file (the delimiters, quotes and line breaks are ASCII,
 * and a multi-byte character never holds an ASCII byte). Positions are characters of the text or
 * bytes of the file. `cell` turns a range into the cell's text; `textFrom` decodes the rest of the
 * file from a row's start, for papaparse to read a damaged part.
 */
export type CsvSource = (
  { text: string; bytes?: undefined } | { bytes: Uint8Array; text?: undefined }
) & {
  /** Characters of the text, or bytes of the file. */
  length: number;
  cell(start: number, end: number): string;
  textFrom(start: number): string;
  /** About `size` characters of text from a row's start, for papaparse to read one damaged row from. */
  window(start: number, size: number): SourceWindow;
};

/** Decoded text as a source. */
export function textSource(text: string): CsvSource {
  return {
    text,
    length: text.length,
    cell: (start, end) => text.slice(start, end),
    textFrom: (start) => (start === 0 ? text : text.slice(start)),
    window: (start, size) => ({
      text: text.slice(start, start + size),
      scanOffset: (offset) => start + offset,
      cell: (value) => value,
    }),
  };
}
