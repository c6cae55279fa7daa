/**
 * Writes a large text given in pieces as UTF-8, a batch of pieces at a time through one buffer
 * reused for every batch: the whole text never exists as one string, nor as one encoded copy. For
 * the registry's 7–8 MB lists that is about 40 MB of memory the process does not have to fault in,
 * then give back. The file holds exactly the bytes of the pieces joined and written at once.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters per batch (a batch's UTF-8 takes at most 3 bytes per UTF-16 code unit). */
const BATCH_CHARS = 1 << 15;

const shared = new Map<number, Buffer>();

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

export function writeTextParts(
  path: string,
  parts: Iterable<string>,
  batchChars = BATCH_CHARS,
): void {
  let buffer = shared.get(batchChars);
  if (!buffer) shared.set(batchChars, (buffer = Buffer.allocUnsafeSlow(3 * batchChars)));
  const fd = openSync(path, 'w');
  try {
    let batch: string[] = [];
    let chars = 0;
    const write = (text: string) => {
      if (text.length > batchChars) return void writeSync(fd, text);
      const bytes = buffer.write(text, 0, 'utf8');
      for (let done = 0; done < bytes;) {
        const written = writeSync(fd, buffer, done, bytes - done);
        if (written <= 0) throw new Error(`${path}: the file took no more bytes`);
        done += written;
      }
    };
    for (const part of parts) {
      if (chars > 0 && chars + part.length > batchChars) {
        let text = batch.length === 1 ? batch[0]! : batch.join('');
        // A surrogate pair split between two pieces is written whole, with the next batch.
        const carry = isHighSurrogate(text.charCodeAt(text.length - 1)) ? text.slice(-1) : '';
        if (carry) text = text.slice(0, -1);
        write(text);
        batch = carry ? [carry] : [];
        chars = carry.length;
      }
      batch.push(part);
      chars += part.length;
    }
    if (chars > 0) write(batch.join(''));
  } finally {
    closeSync(fd);
  }
}
