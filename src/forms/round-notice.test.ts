import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignRound } from '../domain/round.ts';
import { readSiteContent } from '../domain/content-files-node.ts';
import { roundFor, roundNoticeHtml } from './round-notice.ts';

const { rounds } = readSiteContent();

describe('roundFor (the browser copy of assignRound)', () => {
  it('agrees with assignRound at every instant, around the deadlines too', () => {
    const edges = rounds.flatMap((r) =>
      [-1, 0, 1].map((d) => new Date(Date.parse(r.deadline) + d)),
    );
    for (const at of edges)
      expect(roundFor(rounds, at)?.slug, at.toISOString()).toBe(assignRound(rounds, at)?.slug);
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2023-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }),
        (at) => {
          expect(roundFor([...rounds].reverse(), at)?.slug).toBe(assignRound(rounds, at)?.slug);
        },
      ),
    );
  });

  it('words the next round when every deadline has passed', () => {
    expect(roundNoticeHtml(null, 'Đợt tiếp theo')).toContain('<strong>Đợt tiếp theo</strong>');
    expect(
      roundNoticeHtml(
        {
          label: 'Đợt <2>',
          deadline: '2024-06-25T00:00:00+07:00',
          deadlineText: 'trước ngày 25/6/2024',
        },
        '',
      ),
    ).toContain('Đợt &lt;2&gt;');
  });
});
