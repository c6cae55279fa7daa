/**
 * Which campaign a chosen row's product is listed under, so that a late 2024 registration uploaded
 * during a later campaign stays in 2024's list. The registry's context carries the campaigns as
 * plain data (it goes to worker threads), built from the content by rowContextOf.
 */
import { campaignStartMs, type CampaignView } from '../domain/campaign.ts';
import type { RegistrationValueSets } from '../domain/registration.ts';
import { slugLookup } from '../domain/sheet-values.ts';
import type { RowContext } from './row.ts';

/** A campaign as the registry needs it: what a cell may call it, and its rounds. */
export interface RowCampaign {
  slug: string;
  /** Its title, which a cell may hold instead of the slug. */
  label: string;
  rounds: readonly string[];
  /** Its first round's deadline in ms (Infinity: no rounds), for rows of old exports. */
  startMs: number;
}

/** The registry's context from the content: value sets, every round, every campaign, the current one. */
export function rowContextOf(
  content: RegistrationValueSets & {
    rounds: readonly { slug: string; label: string; deadline: string }[];
    campaigns: readonly CampaignView[];
    campaign: CampaignView;
  },
): RowContext {
  return {
    sets: content,
    rounds: content.rounds.map((r) => ({ slug: r.slug, label: r.label, deadline: r.deadline })),
    campaigns: content.campaigns.map((c) => ({
      slug: c.slug,
      label: c.title,
      rounds: c.rounds.map((r) => r.slug),
      startMs: campaignStartMs(c),
    })),
    currentCampaign: content.campaign.slug,
  };
}

/** A campaign as the registry decided it for a row, with a note when the cell named none known. */
export interface CampaignAnswer {
  slug: string;
  problem: string | null;
}

/**
 * The campaign a chosen row is listed under. A row with a round: that round's campaign. A late row
 * (no round, "đợt tiếp theo"): the campaign its export names (column Kỳ đăng ký); in an export
 * made before that column, the campaign that had begun when it was sent (the latest whose first
 * deadline had come); else the current one. So a late 2024 row uploaded during a later campaign
 * stays in 2024's list.
 */
export function makeCampaignOf(
  ctx: RowContext,
): (round: string | null, text: string, submittedMs: number) => CampaignAnswer {
  const campaigns = ctx.campaigns ?? [];
  const current = ctx.currentCampaign ?? '';
  const byRound = new Map(campaigns.flatMap((c) => c.rounds.map((r) => [r, c.slug] as const)));
  const find = slugLookup(campaigns);
  const started = [...campaigns].sort((a, b) => b.startMs - a.startMs);
  // One answer per campaign, made once: a chosen row of 100,000 allocates none.
  const answers = new Map<string, CampaignAnswer>();
  const sure = (slug: string): CampaignAnswer => {
    let answer = answers.get(slug);
    if (!answer) answers.set(slug, (answer = Object.freeze({ slug, problem: null })));
    return answer;
  };
  return (round, text, submittedMs) => {
    if (round !== null) return sure(byRound.get(round) ?? current);
    if (text) {
      const slug = find(text);
      return slug
        ? sure(slug)
        : {
            slug: current,
            problem: `Kỳ đăng ký "${text}" không có trong nội dung; xếp vào kỳ hiện tại`,
          };
    }
    if (Number.isNaN(submittedMs)) return sure(current);
    return sure(started.find((c) => c.startMs <= submittedMs)?.slug ?? current);
  };
}
