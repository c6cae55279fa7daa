/** Registration rounds ("đợt"): schema, state at an instant, and assignment of a submission. */
import { z } from 'zod';
import { DAY_MS, startOfVnDay } from './time.ts';

const instant = z.iso.datetime({
  offset: true,
  message: 'Thời điểm phải có dạng 2024-03-25T00:00:00+07:00',
});

export const roundSchema = z.object({
  /** What people read: "Đợt 1". */
  label: z.string().min(1),
  /** Position among the rounds, 1 for the first. */
  order: z.number().int().min(1),
  /** When the round starts taking registrations (ISO 8601 with +07:00); open from the start when absent. */
  opensAt: instant.optional(),
  /** Registrations count for this round when submitted strictly before this instant (ISO 8601 with +07:00). */
  deadline: instant,
  /** The deadline as the notice words it: "trước ngày 25/3/2024". */
  deadlineText: z.string().min(1),
  /** Slug of the notice that announced the round. */
  notice: z.string().min(1),
});

export type Round = z.infer<typeof roundSchema>;
export type RoundWithSlug = Round & { slug: string };

/** How a round stands at an instant. `closing` is open with at most CLOSING_DAYS days left. */
export type RoundStateName = 'upcoming' | 'open' | 'closing' | 'closed';

export const CLOSING_DAYS = 7;

export interface RoundState {
  state: RoundStateName;
  /** Calendar days in Việt Nam on which one can still register, today included; 0 when closed. */
  daysLeft: number;
}

/** The state of a round at `now`, counted in Asia/Ho_Chi_Minh calendar days. */
export function roundState(round: Pick<Round, 'opensAt' | 'deadline'>, now: Date): RoundState {
  const deadline = new Date(round.deadline).getTime();
  const t = now.getTime();
  if (t >= deadline) return { state: 'closed', daysLeft: 0 };
  const daysLeft = Math.ceil((deadline - startOfVnDay(now).getTime()) / DAY_MS);
  if (round.opensAt && t < new Date(round.opensAt).getTime())
    return { state: 'upcoming', daysLeft };
  return { state: daysLeft <= CLOSING_DAYS ? 'closing' : 'open', daysLeft };
}

/** Vietnamese wording of a round state, as shown on the pages. */
export function roundStateText({ state, daysLeft }: RoundState): string {
  switch (state) {
    case 'closed':
      return 'Đã hết hạn';
    case 'upcoming':
      return 'Chưa bắt đầu';
    case 'closing':
      return daysLeft <= 1
        ? 'Sắp hết hạn: hôm nay là ngày cuối'
        : `Sắp hết hạn: còn ${daysLeft} ngày`;
    case 'open':
      return `Đang nhận đăng ký: còn ${daysLeft} ngày`;
  }
}

/** Rounds in deadline order. */
export function sortRounds<T extends Pick<Round, 'deadline'>>(rounds: readonly T[]): T[] {
  return [...rounds].sort(
    (a, b) => new Date(a.deadline).getTime() - new Date(b.deadline).getTime(),
  );
}

/**
 * The round a submission at `at` counts for: the first whose deadline is still ahead.
 * Null after the last deadline ("đợt tiếp theo"); a late registration is never refused.
 */
export function assignRound<T extends Pick<Round, 'deadline'>>(
  rounds: readonly T[],
  at: Date,
): T | null {
  return sortRounds(rounds).find((r) => at.getTime() < new Date(r.deadline).getTime()) ?? null;
}

/** Label for a submission that came after every deadline. */
export const NEXT_ROUND_LABEL = 'Đợt tiếp theo';
