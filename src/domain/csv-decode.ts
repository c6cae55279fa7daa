/**
 * Bytes of an uploaded CSV → NFC text. Spreadsheets save the export as UTF-8
 * (with or without BOM), as Windows-1258 (Excel on Vietnamese Windows) or as
 * UTF-16 ("Unicode text"); anything else that is not text is refused with a reason.
 */
import { Buffer } from 'node:buffer';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1258';

export type DecodedCsv = { ok: true; text: string; encoding: CsvEncoding } | { ok: false; reason: string };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** Control characters other than tab, CR, LF, form feed: a text file has (almost) none. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length / 100;
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

/** Decodes CSV bytes: BOM first, then strict UTF-8, else Windows-1258; always NFC. */
export function decodeCsv(bytes: Uint8Array): DecodedCsv {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  let text: string;
  let encoding: CsvEncoding;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const utf8 = strictUtf8(bytes);
    if (utf8 === null) return { ok: false, reason: 'the file starts as UTF-8 but holds bytes that are not UTF-8 (damaged)' };
    return utf8.includes('\u0000') ? NUL : { ok: true, text: nfcUtf8(bytes, utf8), encoding: 'utf-8-bom' };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    if (looksBinary(bytes)) return { ok: false, reason: 'the file is not text (binary data, e.g. an .xlsx or an image); save it as CSV' };
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) return utf8.includes('\u0000') ? NUL : { ok: true, text: nfcUtf8(bytes, utf8), encoding: 'utf-8' };
    encoding = 'windows-1258';
    text = new TextDecoder('windows-1258').decode(bytes);
  }
  if (text.includes('\u0000')) return NUL;
  return { ok: true, text: nfc(text), encoding };
}

const NUL = { ok: false, reason: 'the file is not text (it holds NUL characters)' } as const;

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
  if (bytes.length === 0 || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8-bom';
  return looksBinary(bytes) ? null : 'utf-8';
}

/**
 * One part of such a file, as decodeCsv decodes the whole (a line break is a whole character in
 * UTF-8 and NFC never joins across it); null when the part is not UTF-8 text.
 */
export function decodeUtf8Part(bytes: Uint8Array): string | null {
  const text = strictUtf8(bytes);
  return text === null || text.includes('\u0000') ? null : nfcUtf8(bytes, text);
}
