// Astro content collections over content/, each validated by its domain schema.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { communeSchema } from './domain/commune.ts';
import { contactSchema } from './domain/contact.ts';
import { noticeSchema } from './domain/notice.ts';
import { roundSchema } from './domain/round.ts';
import { productGroupSchema, producerTypeSchema } from './domain/value-set.ts';

// CONTENT_DIR lets tests build from a temporary copy of content/.
const CONTENT = process.env.CONTENT_DIR ?? './content';
const json = (folder: string) => glob({ pattern: '*.json', base: `${CONTENT}/${folder}` });

export const collections = {
  notices: defineCollection({ loader: glob({ pattern: '*.{md,mdx}', base: `${CONTENT}/notices` }), schema: noticeSchema }),
  rounds: defineCollection({ loader: json('rounds'), schema: roundSchema }),
  contact: defineCollection({ loader: json('contact'), schema: contactSchema }),
  communes: defineCollection({ loader: json('communes'), schema: communeSchema }),
  productGroups: defineCollection({ loader: json('product-groups'), schema: productGroupSchema }),
  producerTypes: defineCollection({ loader: json('producer-types'), schema: producerTypeSchema }),
};
