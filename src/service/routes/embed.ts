/**
 * GET /nhung/han-dang-ky/: the deadline card for the authority's portal, rendered from the current campaign's rounds
 * the service holds now (reloaded with content), so a round's state changes at its deadline without
 * a rebuild. The frame policy that lets another site show it is in security-headers.ts.
 */
import type { Context, Hono } from 'hono';
import { CARD_PATH, deadlineCard } from '../../forms/deadline-card.ts';
import { sortRounds } from '../../domain/round.ts';
import type { Deps } from '../deps.ts';

export function mountEmbedRoutes(app: Hono, deps: Deps): void {
  const card = (c: Context) => {
    c.header('Cache-Control', 'public, max-age=300');
    const { campaign } = deps.content;
    return c.html(
      deadlineCard({
        title: campaign.title,
        rounds: sortRounds(campaign.rounds),
        contact: deps.content.contact,
        now: deps.now(),
      }),
    );
  };
  app.get(CARD_PATH, card);
  app.get(`${CARD_PATH}index.html`, card);
}
