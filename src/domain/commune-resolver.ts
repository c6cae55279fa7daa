/** Resolution of the many ways people write a commune's name; free of zod so the browser can use it. */
import type { CommuneWithSlug } from './commune.ts';
import { fold, foldKey } from './text.ts';

/** The key a commune name is matched by: folded, "xã" prefix and punctuation removed. */
export function communeKey(value: string): string {
  const folded = fold(value.normalize('NFC')).replace(/^(xa|x\.)\s*/, '');
  return foldKey(folded.replace(/\(\s*\d+\s*\)\s*$/, ''));
}

/**
 * A resolver from any written form (slug, name, alias, GSO code, "xã …") to the commune. A slug
 * written exactly (what the export writes) is found without folding; the folded index of every
 * form is built on the first value that is not one, so a large list costs nothing until then.
 */
export function communeResolver<T extends CommuneWithSlug>(
  communes: readonly T[],
): (value: string) => T | undefined {
  const bySlug = new Map<string, T>();
  for (const c of communes) if (!bySlug.has(c.slug)) bySlug.set(c.slug, c);
  let index: Map<string, T> | undefined;
  const folded = () => {
    index = new Map<string, T>();
    for (const c of communes) {
      for (const form of [c.slug, c.name, ...(c.gsoCode ? [c.gsoCode] : []), ...c.aliases])
        index.set(communeKey(form), c);
    }
    return index;
  };
  return (value) => {
    const exact = typeof value === 'string' ? bySlug.get(value) : undefined;
    if (exact) return exact;
    const key = communeKey(String(value ?? ''));
    return key ? (index ?? folded()).get(key) : undefined;
  };
}
