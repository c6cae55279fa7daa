// The campaign a chosen row is listed under: its round's; for a late row, its Kỳ đăng ký cell, else
// the campaign begun when it was sent; an unknown name goes to the current one with a note.
import { describe, expect, it } from 'vitest';
import { ctx } from '../../tests/registry/fixtures/raw-rows.ts';
import { makeCampaignOf, rowContextOf } from './campaign.ts';
import { readSiteContent } from '../domain/content-files-node.ts';

describe('makeCampaignOf: the campaign a chosen row is listed under', () => {
  const ms = (iso: string) => Date.parse(iso);
  const campaignOf = makeCampaignOf({
    sets: ctx.sets,
    rounds: [],
    campaigns: [
      {
        slug: '2024',
        label: 'Đăng ký năm 2024',
        rounds: ['2024-dot-1', '2024-dot-2'],
        startMs: ms('2024-03-25T00:00:00+07:00'),
      },
      {
        slug: '2027',
        label: 'Đăng ký năm 2027',
        rounds: ['2027-dot-1'],
        startMs: ms('2027-03-25T00:00:00+07:00'),
      },
    ],
    currentCampaign: '2027',
  });
  const late2024 = ms('2024-07-10T09:00:00+07:00');

  it("a row with a round: its round's campaign, whatever its cell says", () => {
    expect(campaignOf('2024-dot-2', '2027', late2024)).toEqual({ slug: '2024', problem: null });
    expect(campaignOf('2027-dot-1', '', NaN)).toEqual({ slug: '2027', problem: null });
  });

  it('a late row (no round): the campaign its Kỳ đăng ký cell names, by slug or title', () => {
    expect(campaignOf(null, '2024', ms('2027-08-01T00:00:00+07:00')).slug).toBe('2024');
    expect(campaignOf(null, 'đăng ký NĂM 2024', NaN).slug).toBe('2024');
  });

  it('a late row of an export without the column: the campaign begun when it was sent', () => {
    expect(campaignOf(null, '', late2024)).toEqual({ slug: '2024', problem: null });
    expect(campaignOf(null, '', ms('2027-09-01T00:00:00+07:00')).slug).toBe('2027');
    // Before any campaign began, or no time at all: the current one.
    expect(campaignOf(null, '', ms('2023-01-01T00:00:00+07:00')).slug).toBe('2027');
    expect(campaignOf(null, '', NaN).slug).toBe('2027');
  });

  it('an unknown campaign in the cell: the current one, with a note in the report', () => {
    const answer = campaignOf(null, 'khong-co', late2024);
    expect(answer.slug).toBe('2027');
    expect(answer.problem).toBe(
      'Kỳ đăng ký "khong-co" không có trong nội dung; xếp vào kỳ hiện tại',
    );
  });
});

describe('rowContextOf: the registry context from the content', () => {
  it('carries every campaign with its title, its rounds and its start, and the current one', () => {
    const content = readSiteContent();
    const context = rowContextOf(content);
    expect(context.currentCampaign).toBe(content.campaign.slug);
    expect(context.campaigns).toEqual(
      content.campaigns.map((c) => ({
        slug: c.slug,
        label: c.title,
        rounds: c.rounds.map((r) => r.slug),
        startMs: Math.min(...c.rounds.map((r) => Date.parse(r.deadline))),
      })),
    );
    // Plain data: it crosses to the registry's worker threads.
    expect(structuredClone(context)).toEqual(context);
  });
});
