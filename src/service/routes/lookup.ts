/**
 * GET /tra-cuu/?ma=RECEIPT: the producer's lookup, answered on the server so it works without
 * JavaScript. The built page (dist/tra-cuu/index.html) gives the site's frame; its slot is
 * replaced with the answer. Counted against the same per-client lookup limit as the status API
 * and the confirmation page (lookupLimited): nobody should walk the receipt space.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { missingItems } from '../../domain/dossier.ts';
import { normaliseReceipt } from '../../domain/receipt.ts';
import {
  emptyLookupSlot,
  foundSlot,
  LOOKUP_PATH,
  notFoundSlot,
  tooManySlot,
  type PublicStatus,
} from '../../forms/lookup-view.ts';
import { roundLabel, type Deps } from '../deps.ts';
import { readDossierItems } from '../storage/dossier.ts';
import { page } from '../http/html.ts';
import { lookupLimited, publicView } from './registrations.ts';

/** `siteDir` is the live build's folder (it changes when live publishing swaps in a new build). */
export function mountLookupRoute(
  app: Hono,
  deps: Deps,
  siteDir: () => string = () => deps.config.distDir,
): void {
  const template = async (): Promise<string> => {
    try {
      return await readFile(join(siteDir(), 'tra-cuu', 'index.html'), 'utf8');
    } catch {
      // The site has not been built: the same answer in a plain shell.
      return page({
        title: 'Tra cứu hồ sơ',
        stylesheets: ['/quan-ly/giao-dien.css'],
        body: `<main class="wrap" id="noi-dung"><h1>Tra cứu hồ sơ đăng ký</h1>${emptyLookupSlot()}</main>`,
      });
    }
  };
  const answer = async (c: Context, slot: string, status: 200 | 404 | 429) => {
    const html = await template();
    c.header('Cache-Control', 'no-store');
    return c.html(
      html.replace(emptyLookupSlot(), () => slot),
      status,
    );
  };

  const handler = async (c: Context) => {
    const typed = c.req.query('ma');
    if (typed === undefined || typed.trim() === '') return answer(c, emptyLookupSlot(), 200);
    if (lookupLimited(c, deps)) return answer(c, tooManySlot(deps.content.contact), 429);
    const receipt = normaliseReceipt(typed.slice(0, 100));
    const record = receipt ? deps.registrations.get(receipt) : undefined;
    if (!record) return answer(c, notFoundSlot(typed, receipt, deps.content.contact), 404);
    const view = publicView(record);
    // Spam shows nothing a waiting registration would not.
    const spam = record.honeypot || record.status === 'rac';
    const missing = spam
      ? []
      : missingItems(readDossierItems(deps.config.contentDir), deps.dossier.marks(record.receipt));
    return answer(
      c,
      foundSlot(
        {
          receipt: view.receipt,
          roundLabel: roundLabel(deps.content, view.round),
          status: view.status as PublicStatus,
          publicNote: view.publicNote,
          missing,
        },
        deps.content.contact,
      ),
      200,
    );
  };
  app.get(LOOKUP_PATH, handler);
  app.get(`${LOOKUP_PATH}index.html`, handler);
  app.get(LOOKUP_PATH.slice(0, -1), (c) =>
    c.redirect(`${LOOKUP_PATH}${new URL(c.req.url).search}`, 301),
  );
}
