/**
 * Bytes of an uploaded CSV → NFC text. Spreadsheets save the export as UTF-8
 * (with or without BOM), as Windows-1258 (Excel on Vietnamese Windows) or as
 * UTF-16 ("Unicode text"); anything else that is not text is refused with a reason.
 */
import { Buffer, isUtf8 } from 'node:buffer';
import type { CsvSource } from './source.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export type DecodedCsv =
  { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * Binary data, not text: a NUL in the first line (an .xlsx, an image, UTF-16 without a byte order
 * mark: never an export's header row), or control characters other than NUL, tab, CR, LF and form
 * feed in more than 1 % of the first 64 KiB. NULs further down are a row's damage, not the file's:
 * a NUL once stored in a registration must cost its own row, not the whole file (the row's checks
 * refuse it, with its line).
 */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  if (nulInFirstLine(sample)) return true;
  let control = 0;
  for (const b of sample)
    if (b < 0x20 && b !== 0 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  return control > sample.length / 100;
}

function nulInFirstLine(bytes: Uint8Array): boolean {
  const nul = bytes.indexOf(0);
  if (nul === -1) return false;
  const firstBreak = bytes.indexOf(0x0a);
  return firstBreak === -1 || nul < firstBreak;
}

/**
 * Strict UTF-8, or null. A file cut off inside a multi-byte character is still
 * UTF-8 (the broken tail is dropped), not Windows-1258 mojibake.
 */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return null;
  }
}

/**
 * Decodes CSV bytes: BOM first, then strict UTF-8, else Windows-1258; always NFC. UTF-8 text may
 * hold a NUL below its first line (the rows with one are rejected, each with its line); a NUL in
 * any other encoding, or in the header, makes the file unreadable.
 */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  let text: string;
  let encoding: CsvEncoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const utf8 = strictUtf8(bytes);
    if (utf8 === null)
      return {
        ok: false,
        reason: 'the file starts as UTF-8 but holds bytes that are not UTF-8 (damaged)',
      };
    return nulInFirstLine(bytes.subarray(3))
      ? NUL
      : { ok: true, text: nfcUtf8(bytes, utf8), encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    if (looksBinary(bytes)) return NOT_TEXT;
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) return { ok: true, text: nfcUtf8(bytes, utf8), encoding: 'utf-8' };
    encoding = 'windows-1258';
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  if (text.includes('\u0000')) return NUL;
  return { ok: true, text: nfc(text), encoding };
}

const NUL = { ok: false, reason: 'the file is not text (it holds NUL characters)' } as const;
const NOT_TEXT = {
  ok: false,
  reason: 'the file is not text (binary data, e.g. an .xlsx or an image); save it as CSV',
} as const;

/** Normalising a large file is slow; text without combining marks is already NFC for Vietnamese. */
const nfc = (text: string) => (/[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text);

/**
 * nfc for text decoded from these UTF-8 bytes. U+0300–U+036F are encoded as 0xCC or 0xCD then a
 * continuation byte: bytes holding neither (nearly every file) hold no combining mark, and finding
 * that out with memchr is far quicker than the regex over the decoded text.
 */
function nfcUtf8(bytes: Uint8Array, text: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return buf.indexOf(0xcc) === -1 && buf.indexOf(0xcd) === -1 ? text : nfc(text);
}

/**
 * For a large file read in parts cut at line breaks: the encoding decodeCsv would find if the file
 * is UTF-8 (with or without BOM), else null (then the file is read whole).
 */
export function utf8Candidate(bytes: Uint8Array): 'utf-8' | 'utf-8-bom' | null {
  if (bytes.length === 0 || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    return null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  return looksBinary(bytes) ? null : 'utf-8';
}

/** U+0300–U+036F in UTF-8: 0xCC then any continuation byte, or 0xCD then 0x80–0xAF. */
function holdsCombiningMarks(buf: Buffer): boolean {
  for (let i = buf.indexOf(0xcc); i !== -1; i = buf.indexOf(0xcc, i + 1))
    if (i + 1 < buf.length) return true;
  for (let i = buf.indexOf(0xcd); i !== -1; i = buf.indexOf(0xcd, i + 1))
    if (buf[i + 1]! >= 0x80 && buf[i + 1]! <= 0xaf) return true;
  return false;
}

/** Buffer's own utf8Slice (no argument checks: a third quicker for a short cell) where it exists. */
const utf8Slice: (buf: Buffer, start: number, end: number) => string =
  typeof (Buffer.prototype as unknown as { utf8Slice?: unknown }).utf8Slice === 'function'
    ? (buf, start, end) =>
        (buf as unknown as { utf8Slice(start: number, end: number): string }).utf8Slice(start, end)
    : (buf, start, end) => buf.toString('utf8', start, end);

/**
 * Valid UTF-8 bytes as a CSV source, without decoding them whole: the rows are found in the bytes
 * (a fifth of the time of decoding), and a cell is decoded when it is read, NFC when the text
 * would have been (decodeCsv normalises a text holding combining marks; NFC never joins across
 * the delimiters, quotes and line breaks between cells).
 */
export function utf8BytesSource(bytes: Uint8Array): CsvSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const normalise = holdsCombiningMarks(buf);
  const decode = (start: number, end: number) => {
    const text = utf8Slice(buf, start, end);
    return normalise ? text.normalize('NFC') : text;
  };
  return {
    bytes: buf,
    length: buf.length,
    cell: decode,
    textFrom: (start) => decode(start, buf.length),
    window(start, size) {
      let end = Math.min(buf.length, start + size);
      while (end < buf.length && (buf[end]! & 0xc0) === 0x80) end++; // not inside a character
      const text = utf8Slice(buf, start, end);
      return {
        text,
        scanOffset: (offset) => start + Buffer.byteLength(text.slice(0, offset), 'utf8'),
        cell: (value) => (normalise ? value.normalize('NFC') : value),
      };
    },
  };
}

/** Papaparse guesses the line break from the first 2^20 characters; the delimiter is found in the first 10^6. */
const LAYOUT_CHARS = 1 << 20;

/**
 * Bytes decoded first for the layout: about 1.4 million characters of an export (Vietnamese text
 * takes about 1.1 bytes a character), so one decode nearly always holds the first million. Fewer
 * are decoded again from twice as many bytes.
 */
const PREFIX_BYTES = 3 << 19;

/** Decodes the first bytes: enough for the first million characters (what decides a CSV's layout), or all. */
function decodePrefix(body: Uint8Array, prefixBytes: number): { prefix: string; whole: boolean } {
  for (let n = Math.max(1, prefixBytes); ; n *= 2) {
    // ignoreBOM: a byte order mark left after the one (or two) taken off is text, as in the whole file decoded.
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    if (n >= body.length) return { prefix: nfcUtf8(body, decoder.decode(body)), whole: true };
    const prefix = nfc(decoder.decode(body.subarray(0, n), { stream: true }));
    if (prefix.length > LAYOUT_CHARS) return { prefix, whole: false };
  }
}

export interface Utf8File {
  encoding: 'utf-8' | 'utf-8-bom';
  /** The bytes after the byte order mark (and a second one, as reading the decoded text drops it too). */
  source: CsvSource;
  /** The first megabytes decoded: what the layout is found in. */
  prefix: string;
  /** The prefix is the whole file. */
  whole: boolean;
}

/**
 * A file decodeCsv would read as UTF-8, as a source that is decoded cell by cell; null for any
 * other file (decode it whole: another encoding, a damaged tail, or the reason it is unreadable).
 */
export function utf8File(bytes: Uint8Array, prefixBytes = PREFIX_BYTES): Utf8File | null {
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  if (
    bytes.length === 0 ||
    (!bom &&
      (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) || looksBinary(bytes)))
  )
    return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (!isUtf8(buf) || buf.indexOf(0) !== -1) return null;
  let body = bom ? bytes.subarray(3) : bytes;
  if (bom && startsWith(body, [0xef, 0xbb, 0xbf])) body = body.subarray(3);
  return {
    encoding: bom ? 'utf-8-bom' : 'utf-8',
    source: utf8BytesSource(body),
    ...decodePrefix(body, prefixBytes),
  };
}

/** A part of a UTF-8 file cut at a line break (no byte order mark of its own) as a source; null when it is not valid UTF-8 text. */
export function utf8PartSource(bytes: Uint8Array): CsvSource | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return isUtf8(buf) && buf.indexOf(0) === -1 ? utf8BytesSource(bytes) : null;
}
