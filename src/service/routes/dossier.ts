/**
 * POST /api/registrations/RECEIPT/dossier {"items": {"ITEM-SLUG": "co" | "thieu" | "khong-ap-dung"}}:
 * an editor marks papers of the registration's OCOP dossier (the shared editor prologue: sign-in,
 * JSON, CSRF, the account's scope). Logged in the access log.
 */
import type { Hono } from 'hono';
import { readDossierUpdate } from '../../domain/dossier.ts';
import type { Deps } from '../deps.ts';
import { readDossierItems } from '../storage/dossier.ts';
import { fail, startEditorAction } from './editor-action.ts';

export function mountDossierRoute(app: Hono, deps: Deps): void {
  app.post('/api/registrations/:receipt/dossier', async (c) => {
    const action = await startEditorAction(c, deps);
    if (!action.ok) return action.response;
    const { caller, record, fields } = action;
    const known = new Set(readDossierItems(deps.config.contentDir).map((i) => i.slug));
    const update = readDossierUpdate(fields.items, known);
    if (!update.ok) return c.json(fail(update.field, update.message), 422);
    const marks = deps.dossier.set(record.receipt, update.items, caller.account.name, deps.now());
    const detail = Object.entries(update.items)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    deps.audit.record(caller.account.name, 'dossier', record.receipt, detail, deps.now());
    return c.json({ receipt: record.receipt, items: Object.fromEntries(marks) });
  });
}
