/**
 * Reads content/ with plain node:fs for code that runs outside Astro (the form
 * service, the registry CLI), validating each file with the same domain schema
 * the content collections use.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { z } from 'zod';
import { authoritySchema, type Authority } from '../domain/authority.ts';
import { communeSchema, type CommuneWithSlug } from '../domain/commune.ts';
import { contactSchema, type Contact } from '../domain/contact.ts';
import { roundSchema, sortRounds, type RoundWithSlug } from '../domain/round.ts';
import { byOrder, productGroupSchema, producerTypeSchema, type ValueSetItemWithSlug } from '../domain/value-set.ts';

export const DEFAULT_CONTENT_DIR = resolve(import.meta.dirname, '../../content');

function readFolder<S extends z.ZodType>(dir: string, schema: S): (z.infer<S> & { slug: string })[] {
  return readdirSync(dir)
    .filter((f) => extname(f) === '.json')
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
      return { ...(parsed.data as object), slug: basename(f, '.json') } as z.infer<S> & { slug: string };
    });
}

export interface SiteContent {
  communes: CommuneWithSlug[];
  rounds: RoundWithSlug[];
  productGroups: ValueSetItemWithSlug[];
  producerTypes: ValueSetItemWithSlug[];
  contact: Contact;
  authority: Authority;
}

/** Everything the service and the registry need from content/, in display order. */
export function readSiteContent(contentDir = DEFAULT_CONTENT_DIR): SiteContent {
  const contact = readFolder(join(contentDir, 'contact'), contactSchema)[0];
  if (!contact) throw new Error(`${contentDir}/contact: no contact file`);
  const authority = readFolder(join(contentDir, 'authority'), authoritySchema)[0];
  if (!authority) throw new Error(`${contentDir}/authority: no authority file`);
  return {
    authority,
    communes: byOrder(readFolder(join(contentDir, 'communes'), communeSchema)),
    rounds: sortRounds(readFolder(join(contentDir, 'rounds'), roundSchema)),
    productGroups: byOrder(readFolder(join(contentDir, 'product-groups'), productGroupSchema)),
    producerTypes: byOrder(readFolder(join(contentDir, 'producer-types'), producerTypeSchema)),
    contact,
  };
}
