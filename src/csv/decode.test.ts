import { describe, expect, it } from 'vitest';
import { decodeCsv, utf8File } from './decode.ts';
import { cellValues, csvLayoutOfPrefix, openCsv, openCsvSource, type CsvStream } from './read.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsv', () => {
  it('reads UTF-8 with BOM and strips the BOM', () => {
    const r = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Xã,Cà phê')]));
    expect(r).toEqual({ ok: true, text: 'Xã,Cà phê', encoding: 'utf-8-bom' });
  });
  it('reads UTF-8 without BOM and composes decomposed text to NFC', () => {
    const r = decodeCsv(utf8('Cà phê Đắk'.normalize('NFD')));
    expect(r).toEqual({ ok: true, text: 'Cà phê Đắk', encoding: 'utf-8' });
  });
  it('falls back to Windows-1258 and composes its combining tone marks', () => {
    // "Đặc sản" as Excel writes it: Đ, a, combining dot below (0xF2), c.
    const r = decodeCsv(new Uint8Array([0xd0, 0xe3, 0xf2, 0x63, 0x20, 0x73, 0xe1, 0x6e]));
    expect(r).toMatchObject({ ok: true, encoding: 'windows-1258' });
    if (r.ok) expect(r.text).toBe('Đặc sán'.normalize('NFC'));
    if (r.ok) expect(r.text).toBe(r.text.normalize('NFC'));
  });
  it('keeps a UTF-8 file cut inside a character as UTF-8', () => {
    const bytes = utf8('Mã,Xã\nA,Cà phê');
    expect(decodeCsv(bytes.subarray(0, bytes.length - 1))).toEqual({
      ok: true,
      text: 'Mã,Xã\nA,Cà ph',
      encoding: 'utf-8',
    });
  });
  it('reads UTF-16 LE with BOM (Excel "Unicode text")', () => {
    const s = 'Mã hồ sơ\tXã';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++)
      ((bytes[2 + i * 2] = s.charCodeAt(i) & 0xff), (bytes[3 + i * 2] = s.charCodeAt(i) >> 8));
    expect(decodeCsv(bytes)).toEqual({ ok: true, text: s, encoding: 'utf-16le' });
  });
  it('refuses an empty file, binary data and damaged UTF-8 after a BOM', () => {
    expect(decodeCsv(new Uint8Array())).toMatchObject({
      ok: false,
      reason: expect.stringContaining('empty'),
    });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not text'),
    });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe1, 0x62]))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not UTF-8'),
    });
  });
});

describe('a UTF-8 file read cell by cell', () => {
  const rowsOf = (table: CsvStream) => {
    const rows: unknown[] = [];
    const read = table.forEachRow(({ cells, ...row }) =>
      rows.push({ ...row, cells: cellValues(cells) }),
    );
    return {
      header: table.header,
      headerLine: table.headerLine,
      delimiter: table.delimiter,
      newline: table.newline,
      rows,
      read,
    };
  };
  /** The rows as the decoded text gives them: decodeCsv, then openCsv (fast-rows.test.ts holds the bytes to papaparse for any file). */
  const reference = (bytes: Uint8Array) => {
    const decoded = decodeCsv(bytes);
    return decoded.ok && decoded.encoding !== 'windows-1258' ? rowsOf(openCsv(decoded.text)) : null;
  };
  const viaBytes = (bytes: Uint8Array, prefixBytes?: number) => {
    const file = utf8File(bytes, prefixBytes);
    const layout = file && csvLayoutOfPrefix(file.prefix, file.whole);
    return file && layout ? rowsOf(openCsvSource(file.source, layout)) : null;
  };
  it('finds the layout in the first megabytes of a large file, and decodes whole a file whose header is not among them', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `K${i},"Cà phê ${i}",Xã Quảng Sơn`).join(
      '\r\n',
    );
    const large = new TextEncoder().encode(`Mã,Tên,Xã\r\n${rows}\r\n`);
    const file = utf8File(large, 1000)!;
    expect(file.whole).toBe(false);
    expect(file.prefix.length).toBeGreaterThan(1 << 20);
    expect(viaBytes(large, 1000)).toEqual(reference(large));

    // A header of 1.8 million characters: not within the first 1.5 MB (then the file is decoded
    // whole), within the first 4 MB.
    const lateHeader = new TextEncoder().encode(
      `"Mã ${'x'.repeat(1_800_000)}",Tên\nA,B\n${'C,D\n'.repeat(600_000)}`,
    );
    expect(viaBytes(lateHeader)).toBeNull();
    expect(utf8File(lateHeader, 4 << 20)!.whole).toBe(false);
    expect(viaBytes(lateHeader, 4 << 20)).toEqual(reference(lateHeader));
  });

  it('is not used for another encoding, damaged UTF-8, NUL or binary data', () => {
    expect(utf8File(new Uint8Array([0xd0, 0xe3, 0xf2, 0x63]))).toBeNull();
    expect(utf8File(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe1, 0x62]))).toBeNull();
    expect(utf8File(new TextEncoder().encode('a,b\u0000'))).toBeNull();
    expect(utf8File(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toBeNull();
    expect(utf8File(new Uint8Array())).toBeNull();
  });
});
