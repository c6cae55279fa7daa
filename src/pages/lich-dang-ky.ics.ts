// The round deadlines as an iCalendar file, linked from the home page.
import type { APIRoute } from 'astro';
import { roundsCalendar } from '../publish/calendar.ts';
import { loadAuthority, loadContact, loadCurrentCampaign } from '../site/content.ts';

export const GET: APIRoute = async ({ site }) => {
  const [{ rounds }, contact, authority] = await Promise.all([
    loadCurrentCampaign(),
    loadContact(),
    loadAuthority(),
  ]);
  const body = roundsCalendar(rounds, {
    siteUrl: String(site ?? '/'),
    office: contact.office,
    stamp: new Date(),
    authority,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
