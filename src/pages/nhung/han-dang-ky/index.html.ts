// The deadline card for other sites' <iframe> (see src/forms/deadline-card.ts), as the build sees the
// rounds; the running service answers the same path with the states of the moment.
import type { APIRoute } from 'astro';
import { deadlineCard } from '../../../forms/deadline-card.ts';
import { loadContact, loadCurrentCampaign } from '../../../site/content.ts';

export const GET: APIRoute = async () => {
  const [campaign, contact] = await Promise.all([loadCurrentCampaign(), loadContact()]);
  return new Response(
    deadlineCard({ title: campaign.title, rounds: campaign.rounds, contact, now: new Date() }),
    { headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
};
