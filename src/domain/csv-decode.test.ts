import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, decodeUtf8Part } from './csv-decode.ts';

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
    expect(decodeCsv(bytes.subarray(0, bytes.length - 1))).toEqual({ ok: true, text: 'Mã,Xã\nA,Cà ph', encoding: 'utf-8' });
  });
  it('reads UTF-16 LE with BOM (Excel "Unicode text")', () => {
    const s = 'Mã hồ sơ\tXã';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) bytes[2 + i * 2] = s.charCodeAt(i) & 0xff, (bytes[3 + i * 2] = s.charCodeAt(i) >> 8);
    expect(decodeCsv(bytes)).toEqual({ ok: true, text: s, encoding: 'utf-16le' });
  });
  it('refuses an empty file, binary data and damaged UTF-8 after a BOM', () => {
    expect(decodeCsv(new Uint8Array())).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
    expect(decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]))).toMatchObject({ ok: false, reason: expect.stringContaining('not text') });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xe1, 0x62]))).toMatchObject({ ok: false, reason: expect.stringContaining('not UTF-8') });
  });
});

describe('decoding UTF-8 and NFC', () => {
  // The reference: decode, then the regex over the whole text, as before the byte check.
  const reference = (bytes: Uint8Array): string | null => {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
      if (text.includes('\u0000')) return null;
      return /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
    } catch {
      return null;
    }
  };
  const unit = fc.constantFrom('a', ',', '\n', 'Cà phê', 'e\u0301', 'a\u036f', 'o\u0300\u0323', 'Ͱ', '\u0340', '😀', 'Ừ', '\u0000');
  it('gives what the regex over the text gives, cut anywhere or with a byte changed', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), fc.nat(), fc.option(fc.integer({ min: 0, max: 255 })), (text, at, byte) => {
        const bytes = new TextEncoder().encode(text);
        const cut = bytes.subarray(0, at % (bytes.length + 1));
        if (byte !== null && cut.length > 0) cut[at % cut.length] = byte;
        expect(decodeUtf8Part(cut)).toBe(reference(cut));
        const whole = decodeCsv(cut);
        if (whole.ok && whole.encoding !== 'windows-1258') expect(whole.text).toBe(reference(cut));
      }),
      { numRuns: 2000 },
    );
  });
});
