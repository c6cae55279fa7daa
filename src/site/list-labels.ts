/**
 * The labels the list pages show beside slugs (product groups, producer types, rounds), read from
 * the content collections once per build: thousands of commune pages share them.
 */
import { sortVi } from '../domain/text.ts';
import { loadProducerTypes, loadProductGroups, loadRounds } from './content.ts';

export interface ListLabels {
  /** Product groups in Vietnamese collation of their labels. */
  groups: { slug: string; label: string }[];
  typeLabel: ReadonlyMap<string, string>;
  roundLabel: ReadonlyMap<string, string>;
}

let shared: Promise<ListLabels> | undefined;

export function loadListLabels(): Promise<ListLabels> {
  return (shared ??= Promise.all([loadProductGroups(), loadProducerTypes(), loadRounds()]).then(
    ([groups, types, rounds]) => ({
      groups: sortVi(groups, (g) => g.label),
      typeLabel: new Map(types.map((t) => [t.slug, t.label])),
      roundLabel: new Map(rounds.map((r) => [r.slug, r.label])),
    }),
  ));
}
