/** Resolution of the many ways people write a commune's name; free of zod so the browser can use it. */
import type { CommuneWithSlug } from './commune.ts';
import { fold, foldKey } from './text.ts';

/** The key a commune name is matched by: folded, "xã" prefix and punctuation removed. */
export function communeKey(value: string): string {
  const folded = fold(value.normalize('NFC')).replace(/^(xa|x\.)\s*/, '');
  return foldKey(folded.replace(/\(\s*\d+\s*\)\s*$/, ''));
}

/** A resolver from any written form (slug, name, alias, GSO code, "xã …") to the commune. */
export function communeResolver<T extends CommuneWithSlug>(communes: readonly T[]): (value: string) => T | undefined {
  const index = new Map<string, T>();
  for (const c of communes) {
    for (const form of [c.slug, c.name, c.gsoCode, ...c.aliases]) index.set(communeKey(form), c);
  }
  return (value) => {
    const key = communeKey(String(value ?? ''));
    return key ? index.get(key) : undefined;
  };
}
