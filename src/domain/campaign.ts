/**
 * Campaigns ("đợt vận động đăng ký"): one call for registrations with its notice(s), the rounds those
 * notices announce and the units it collects by. One campaign is current (home page, form,
 * /danh-sach/); earlier ones stay published under /luu-tru/SLUG/. A content set without
 * content/campaigns/ is one campaign of every round and unit (fallbackCampaign).
 */
import { z } from 'zod';
import type { CommuneWithSlug } from './commune.ts';
import type { RoundWithSlug } from './round.ts';

const slug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Mã định danh chỉ gồm chữ thường không dấu, số và dấu gạch ngang',
  );

export const campaignSchema = z.object({
  /** What people read: "Đăng ký sản phẩm OCOP năm 2024". */
  title: z.string().trim().min(1),
  /** The current campaign drives the home page, the form and the public list; the others are archived. */
  current: z.boolean().default(false),
  /** Slugs of the notices that open it; its rounds are the rounds those notices announce. */
  notices: z.array(slug).min(1, 'Cần ít nhất một công văn'),
  /** Slugs of the units it collects by (content/communes/); empty: every unit. */
  units: z.array(slug).default([]),
  /** Its word for a unit ("thôn", "xã"); the authority's when empty. */
  unitWord: z.string().trim().default(''),
});

export type Campaign = z.infer<typeof campaignSchema>;
export type CampaignWithSlug = Campaign & { slug: string };

/** A campaign with what it refers to resolved. */
export interface CampaignView extends CampaignWithSlug {
  rounds: RoundWithSlug[];
  communes: CommuneWithSlug[];
  unitWord: string;
}

/** The single campaign of a content set that has no content/campaigns/: every notice, round and unit. */
export function fallbackCampaign(notices: readonly string[]): CampaignWithSlug {
  return {
    slug: 'hien-tai',
    title: 'Đăng ký sản phẩm OCOP',
    current: true,
    notices: [...notices],
    units: [],
    unitWord: '',
  };
}

/** When a campaign starts, for ordering: its first round's deadline in ms (a campaign without rounds: Infinity, last). */
export const campaignStartMs = (c: { rounds: readonly { deadline: string }[] }) =>
  Math.min(...c.rounds.map((r) => new Date(r.deadline).getTime()));

/** Campaigns oldest first (by their first deadline, then slug). */
export function byStart<T extends CampaignView>(campaigns: readonly T[]): T[] {
  return [...campaigns].sort(
    (a, b) => campaignStartMs(a) - campaignStartMs(b) || a.slug.localeCompare(b.slug),
  );
}

/** The current campaign: the latest marked current, else the latest one. Throws on none. */
export function currentOf<T extends CampaignView>(campaigns: readonly T[]): T {
  const sorted = byStart(campaigns);
  const current = sorted.filter((c) => c.current).at(-1) ?? sorted.at(-1);
  if (!current) throw new Error('content/campaigns: no campaign');
  return current;
}

/** Resolves a campaign's rounds (by notice) and units (every unit when it names none); unknown slugs throw. */
export function viewCampaign(
  campaign: CampaignWithSlug,
  all: { rounds: readonly RoundWithSlug[]; communes: readonly CommuneWithSlug[]; unitWord: string },
): CampaignView {
  const bySlug = new Map(all.communes.map((c) => [c.slug, c]));
  const missing = campaign.units.filter((s) => !bySlug.has(s));
  if (missing.length)
    throw new Error(
      `campaign ${campaign.slug}: no unit ${missing.join(', ')} in content/communes/`,
    );
  const wanted = new Set(campaign.units);
  return {
    ...campaign,
    rounds: all.rounds.filter((r) => campaign.notices.includes(r.notice)),
    communes: campaign.units.length
      ? all.communes.filter((c) => wanted.has(c.slug))
      : [...all.communes],
    unitWord: campaign.unitWord || all.unitWord,
  };
}

/** Which campaign a published product belongs to: its round's, else (a late one, "đợt tiếp theo") the current one. */
export function campaignOfRound(
  views: readonly CampaignView[],
  current: CampaignView,
  round: string | null,
): CampaignView {
  if (round === null) return current;
  return views.find((v) => v.rounds.some((r) => r.slug === round)) ?? current;
}
