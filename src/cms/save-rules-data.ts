/** The rules src/cms/admin/save-rules.js applies before saving, derived from the configuration. */
import { INSTANT_FORMAT } from './collections/rounds.ts';
import { collectionFields, type CmsCollection } from './fields.ts';

export interface SaveRules {
  /** Per collection: fields holding an instant, to be written with +07:00. */
  instants: Record<string, string[]>;
  /** Per collection: optional fields without a default, removed when left empty. */
  dropEmpty: Record<string, string[]>;
}

export function saveRules(collections: readonly CmsCollection[]): SaveRules {
  const rules: SaveRules = { instants: {}, dropEmpty: {} };
  for (const c of collections) {
    const fields = collectionFields(c);
    const instants = fields
      .filter((f) => f.widget === 'datetime' && f.format === INSTANT_FORMAT)
      .map((f) => f.name);
    const dropEmpty = fields
      .filter((f) => f.required === false && f.default === undefined)
      .map((f) => f.name);
    if (instants.length) rules.instants[c.name] = instants;
    if (dropEmpty.length) rules.dropEmpty[c.name] = dropEmpty;
  }
  return rules;
}
