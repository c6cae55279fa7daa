// ByteMemo against its reference, a Map keyed by the cells' text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteMemo } from './byte-memo.ts';

const encoder = new TextEncoder();

describe('ByteMemo', () => {
  it("remembers what a Map keyed by the cells' text remembers, through every growth and up to its limit", () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'b', 'ă', ',', ''), maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(cellText, { maxLength: 400 }),
        fc.integer({ min: 1, max: 300 }),
        (cells, limit) => {
          const bytes = encoder.encode(cells.join('|'));
          const memo = new ByteMemo<number>(bytes, limit);
          const map = new Map<string, number>();
          let at = 0;
          cells.forEach((text, i) => {
            const start = at;
            const end = start + encoder.encode(text).length;
            at = end + 1;
            const known = memo.get(start, end);
            if (known === undefined) {
              expect(map.has(text)).toBe(false);
              if (map.size < limit) map.set(text, i);
              memo.set(start, end, i);
            } else expect(known).toBe(map.get(text));
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
