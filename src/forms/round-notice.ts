/**
 * "Which round will this count for", shown above the send button. Rendered at
 * build time (or with the 422 page) and refreshed in the browser from the
 * data attributes, so a page built in March is still right in June.
 * Free of zod so the client script can import it; roundFor() mirrors
 * assignRound() and round-notice.test.ts checks that both agree.
 */
import type { Round } from '../domain/round.ts';
import { esc } from './html.ts';

export type NoticeRound = Pick<Round, 'label' | 'deadline' | 'deadlineText'>;

export const ROUND_NOTICE_ID = 'dot-xet';

/** The first round whose deadline is after `now`; null after the last one. */
export function roundFor<T extends Pick<Round, 'deadline'>>(
  rounds: readonly T[],
  now: Date,
): T | null {
  const sorted = [...rounds].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
  return sorted.find((r) => now.getTime() < Date.parse(r.deadline)) ?? null;
}

/** The sentence's inner HTML for a round, or for none (`nextLabel`, "Đợt tiếp theo"). */
export function roundNoticeHtml(round: NoticeRound | null, nextLabel: string): string {
  return round
    ? `Đăng ký gửi hôm nay được xét trong <strong>${esc(round.label)}</strong> (hạn ${esc(round.deadlineText)}).`
    : `Đăng ký gửi hôm nay được xét trong <strong>${esc(nextLabel)}</strong>: các đợt đã công bố đều đã hết hạn, nhưng đăng ký muộn vẫn được nhận.`;
}

/** The notice paragraph; `round` is what assignRound() gave for `now`. */
export function renderRoundNotice(
  rounds: readonly NoticeRound[],
  round: NoticeRound | null,
  nextLabel: string,
): string {
  const data = JSON.stringify(
    rounds.map((r) => ({ label: r.label, deadline: r.deadline, deadlineText: r.deadlineText })),
  );
  return (
    `<p class="round-notice" id="${ROUND_NOTICE_ID}" aria-live="polite" data-rounds="${esc(data)}" data-next="${esc(nextLabel)}">` +
    `${roundNoticeHtml(round, nextLabel)}</p>`
  );
}
