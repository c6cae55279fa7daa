// writeTextParts: the file holds exactly the pieces joined, written at once, whatever the batches.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTextParts } from './text-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'text-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Vietnamese, ASCII, astral characters and both halves of a surrogate pair on their own.
const piece = fc
  .array(fc.constantFrom('a', 'Cà phê', 'ệ', '😀', '\ud83d', '\ude00', '\r\n', '"', ''), {
    maxLength: 8,
  })
  .map((p) => p.join(''));

describe('writeTextParts', () => {
  it('writes the bytes writeFileSync writes for the joined text, batches of any size', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.integer({ min: 1, max: 40 }),
        (parts, batch) => {
          writeTextParts(join(dir, 'parts'), parts, batch);
          writeFileSync(join(dir, 'whole'), parts.join(''));
          expect(readFileSync(join(dir, 'parts')).equals(readFileSync(join(dir, 'whole')))).toBe(
            true,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
  it('replaces a file that was there and writes an empty one for no pieces', () => {
    const file = join(dir, 'replaced');
    writeFileSync(file, 'old text, longer than the new');
    writeTextParts(file, ['new']);
    expect(readFileSync(file, 'utf8')).toBe('new');
    writeTextParts(file, []);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
