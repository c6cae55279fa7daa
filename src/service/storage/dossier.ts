/**
 * The dossier checklist's storage and its items. The items are read from content/dossier-items/ at
 * each use (a few small files), so a change made in the CMS shows at once, without a reload. Marks
 * for an item editors later removed stay stored and are simply not shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { DossierState } from '../../domain/dossier.ts';
import { toVnIso } from '../../domain/time.ts';
import { byOrder, dossierItemSchema, type ValueSetItemWithSlug } from '../../domain/value-set.ts';

export const DOSSIER_FOLDER = 'dossier-items';

/** The items in their order; none when the folder is missing. An invalid file is an error for the operator. */
export function readDossierItems(contentDir: string): ValueSetItemWithSlug[] {
  const dir = join(contentDir, DOSSIER_FOLDER);
  if (!existsSync(dir)) return [];
  const items = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => {
      const parsed = dossierItemSchema.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!parsed.success) throw new Error(`${DOSSIER_FOLDER}/${f}: ${parsed.error.message}`);
      return { ...parsed.data, slug: basename(f, '.json') };
    });
  return byOrder(items);
}

export class DossierStore {
  private readonly db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.db = db;
  }

  /** The marks of one registration, by item slug. */
  marks(receipt: string): Map<string, DossierState> {
    const rows = this.db
      .prepare(
        'SELECT d.item, d.state FROM dossier_marks d JOIN registrations r ON r.id = d.registration_id WHERE r.receipt = ?',
      )
      .all(receipt) as { item: string; state: DossierState }[];
    return new Map(rows.map((r) => [r.item, r.state]));
  }

  /** Sets the given items' marks in one transaction; the others stay as they were. */
  set(
    receipt: string,
    items: Record<string, DossierState>,
    account: string,
    at: Date,
  ): Map<string, DossierState> {
    const when = toVnIso(at);
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const row = this.db.prepare('SELECT id FROM registrations WHERE receipt = ?').get(receipt) as
        { id: number } | undefined;
      if (!row) throw new Error(`no registration ${receipt}`);
      const upsert = this.db.prepare(
        `INSERT INTO dossier_marks (registration_id, item, state, account, at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (registration_id, item) DO UPDATE SET state = excluded.state, account = excluded.account, at = excluded.at`,
      );
      for (const [item, state] of Object.entries(items))
        upsert.run(row.id, item, state, account, when);
      this.db.exec('COMMIT');
    } catch (err) {
      this.db.exec('ROLLBACK');
      throw err;
    }
    return this.marks(receipt);
  }
}
