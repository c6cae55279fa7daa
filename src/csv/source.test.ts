// Decoded text as a source (textSource): its cells, the rest of it, and the window papaparse reads
// one damaged row from. (A UTF-8 file's bytes as a source: decode.test.ts and fast-rows.test.ts.)
import { describe, expect, it } from 'vitest';
import { textSource } from './source.ts';

describe('textSource', () => {
  const text = 'Mã,Xã\r\nA,"Cà phê"\r\n';
  const source = textSource(text);
  it('gives characters as positions: a cell is a slice, the rest from a row start is the text after it', () => {
    expect(source.length).toBe(text.length);
    expect(source.text).toBe(text);
    expect(source.cell(0, 2)).toBe('Mã');
    expect(source.textFrom(0)).toBe(text);
    expect(source.textFrom(7)).toBe('A,"Cà phê"\r\n');
  });
  it('gives a window of about `size` characters, its offsets mapped back into the text', () => {
    const window = source.window(7, 5);
    expect(window.text).toBe('A,"Cà');
    expect(window.scanOffset(2)).toBe(9);
    expect(window.cell('Cà')).toBe('Cà');
  });
});
