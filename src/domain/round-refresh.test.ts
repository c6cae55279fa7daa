// The inline browser script must agree with roundState/roundStateText at every instant.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROUND_REFRESH_SCRIPT } from './round-refresh.ts';
import { roundState, roundStateText } from './round.ts';

interface FakeElement {
  dataset: Record<string, string>;
  textContent: string;
}

function runScript(now: number, rounds: { opensAt?: string; deadline: string }[]): FakeElement[] {
  const elements: FakeElement[] = rounds.map((r) => ({
    dataset: { deadline: r.deadline, ...(r.opensAt ? { opens: r.opensAt } : {}) },
    textContent: '',
  }));
  const FixedDate = class extends Date {
    static override now() {
      return now;
    }
  };
  runInNewContext(ROUND_REFRESH_SCRIPT, {
    document: { querySelectorAll: () => elements },
    Date: FixedDate,
  });
  return elements;
}

describe('ROUND_REFRESH_SCRIPT', () => {
  const rounds = [
    { opensAt: '2024-03-01T00:00:00+07:00', deadline: '2024-03-25T00:00:00+07:00' },
    { opensAt: '2024-03-25T00:00:00+07:00', deadline: '2024-06-25T00:00:00+07:00' },
    { deadline: '2024-04-10T17:00:00+07:00' },
  ];

  it('is at most 1 KB', () => {
    expect(Buffer.byteLength(ROUND_REFRESH_SCRIPT)).toBeLessThanOrEqual(1024);
  });

  it('matches the domain function every three hours from February to July 2024', () => {
    const start = Date.parse('2024-02-20T00:00:00+07:00');
    const end = Date.parse('2024-07-01T00:00:00+07:00');
    for (let t = start; t < end; t += 3 * 3_600_000 + 7_000) {
      const els = runScript(t, rounds);
      rounds.forEach((r, i) => {
        const expected = roundState(r, new Date(t));
        expect(els[i]!.dataset.state, new Date(t).toISOString()).toBe(expected.state);
        expect(els[i]!.textContent).toBe(roundStateText(expected));
      });
    }
  });
});
