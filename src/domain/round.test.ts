import { describe, expect, it } from 'vitest';
import { assignRound, roundState, roundStateText } from './round.ts';

const dot1 = {
  slug: '2024-dot-1',
  opensAt: '2024-03-01T00:00:00+07:00',
  deadline: '2024-03-25T00:00:00+07:00',
};
const dot2 = {
  slug: '2024-dot-2',
  opensAt: '2024-03-25T00:00:00+07:00',
  deadline: '2024-06-25T00:00:00+07:00',
};
const at = (iso: string) => new Date(iso);

describe('roundState', () => {
  it('is open with the last day counted on the instant before the deadline', () => {
    expect(roundState(dot1, at('2024-03-24T23:59:59.999+07:00'))).toEqual({
      state: 'closing',
      daysLeft: 1,
    });
  });

  it('is closed at the deadline itself', () => {
    expect(roundState(dot1, at('2024-03-25T00:00:00+07:00'))).toEqual({
      state: 'closed',
      daysLeft: 0,
    });
  });

  it('counts Việt Nam calendar days across UTC midnight', () => {
    // 2024-03-17T16:59Z is 23:59 on 17/3 in Việt Nam: 8 days left (17..24).
    expect(roundState(dot1, at('2024-03-17T16:59:00Z'))).toEqual({ state: 'open', daysLeft: 8 });
    // One minute later it is 00:00 on 18/3 in Việt Nam, still 17/3 in UTC: 7 days left, closing soon.
    expect(roundState(dot1, at('2024-03-17T17:00:00Z'))).toEqual({ state: 'closing', daysLeft: 7 });
  });

  it('is upcoming before it opens', () => {
    expect(roundState(dot2, at('2024-03-10T09:00:00+07:00'))).toEqual({
      state: 'upcoming',
      daysLeft: 107,
    });
    expect(roundState(dot2, at('2024-03-25T00:00:00+07:00')).state).toBe('open');
  });

  it('treats a round without opensAt as open from the start', () => {
    expect(roundState({ deadline: dot1.deadline }, at('2020-01-01T00:00:00+07:00')).state).toBe(
      'open',
    );
  });

  it('has both 2024 rounds closed in 2026', () => {
    const now = at('2026-11-29T10:00:00+07:00');
    expect(roundState(dot1, now).state).toBe('closed');
    expect(roundState(dot2, now).state).toBe('closed');
  });
});

describe('roundStateText', () => {
  it('words every state in Vietnamese', () => {
    expect(roundStateText({ state: 'open', daysLeft: 20 })).toBe('Đang nhận đăng ký: còn 20 ngày');
    expect(roundStateText({ state: 'closing', daysLeft: 3 })).toBe('Sắp hết hạn: còn 3 ngày');
    expect(roundStateText({ state: 'closing', daysLeft: 1 })).toBe(
      'Sắp hết hạn: hôm nay là ngày cuối',
    );
    expect(roundStateText({ state: 'closed', daysLeft: 0 })).toBe('Đã hết hạn');
    expect(roundStateText({ state: 'upcoming', daysLeft: 90 })).toBe('Chưa bắt đầu');
  });
});

describe('assignRound', () => {
  const rounds = [dot2, dot1];
  it('gives the first round whose deadline is ahead', () => {
    expect(assignRound(rounds, at('2024-03-24T23:59:59+07:00'))?.slug).toBe('2024-dot-1');
    expect(assignRound(rounds, at('2024-03-25T00:00:00+07:00'))?.slug).toBe('2024-dot-2');
    expect(assignRound(rounds, at('2024-02-01T00:00:00+07:00'))?.slug).toBe('2024-dot-1');
  });
  it('gives no round after the last deadline', () => {
    expect(assignRound(rounds, at('2024-06-25T00:00:00+07:00'))).toBeNull();
  });
});
