// Astro content collections over content/, each validated by its domain schema.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { authoritySchema } from './domain/authority.ts';
import { campaignSchema } from './domain/campaign.ts';
import { communeSchema } from './domain/commune.ts';
import { contactSchema } from './domain/contact.ts';
import { homePageSchema } from './domain/home-page.ts';
import { noticeSchema } from './domain/notice.ts';
import { privacyNoticeSchema } from './domain/privacy-notice.ts';
import { retentionSchema } from './domain/retention.ts';
import { roundSchema } from './domain/round.ts';
import { productGroupSchema, producerTypeSchema } from './domain/value-set.ts';

// CONTENT_DIR lets tests build from a temporary copy of content/.
const CONTENT = process.env.CONTENT_DIR ?? './content';
const json = (folder: string) => glob({ pattern: '*.json', base: `${CONTENT}/${folder}` });

/**
 * A folder of small JSON files (one per entry, id = file name) read in one pass: a national
 * deployment has thousands of communes, and the glob loader's per-file digest, render lookup and
 * watcher bookkeeping cost about a second at that size. Entries are still validated by the schema.
 */
function jsonFolder(folder: string): Loader {
  return {
    name: 'json-folder',
    load: async ({ store, parseData, watcher }) => {
      const dir = resolve(CONTENT, folder);
      const sync = async () => {
        store.clear();
        for (const file of readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()) {
          const id = basename(file, '.json');
          const data = await parseData({
            id,
            data: JSON.parse(readFileSync(join(dir, file), 'utf8')),
            filePath: join(dir, file),
          });
          store.set({ id, data });
        }
      };
      await sync();
      // The dev server (npm run cms) reloads the folder when a file in it changes, as the glob loader does.
      watcher?.add(dir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir)) void sync();
      });
    },
  };
}

export const collections = {
  notices: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT}/notices` }),
    schema: noticeSchema,
  }),
  rounds: defineCollection({ loader: json('rounds'), schema: roundSchema }),
  authority: defineCollection({ loader: json('authority'), schema: authoritySchema }),
  // The home page's wording, beside the authority it speaks for (content/authority/trang-chu.mdx).
  home: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT}/authority` }),
    schema: homePageSchema,
  }),
  campaigns: defineCollection({ loader: json('campaigns'), schema: campaignSchema }),
  contact: defineCollection({ loader: json('contact'), schema: contactSchema }),
  communes: defineCollection({ loader: jsonFolder('communes'), schema: communeSchema }),
  productGroups: defineCollection({ loader: json('product-groups'), schema: productGroupSchema }),
  producerTypes: defineCollection({ loader: json('producer-types'), schema: producerTypeSchema }),
  privacyNotice: defineCollection({
    loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT}/privacy` }),
    schema: privacyNoticeSchema,
  }),
  retention: defineCollection({ loader: json('privacy'), schema: retentionSchema }),
};
