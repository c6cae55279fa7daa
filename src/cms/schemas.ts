/**
 * The domain schema each CMS collection's files must satisfy, by collection
 * name: the same schemas src/content.config.ts gives Astro's collections (and
 * the CSV upload log's). The config test fails when a collection has none, and
 * the service refuses to save into a collection without one.
 */
import type { z } from 'zod';
import { csvUploadsSchema } from './csv-uploads.ts';
import { authoritySchema } from '../domain/authority.ts';
import { campaignSchema } from '../domain/campaign.ts';
import { communeSchema } from '../domain/commune.ts';
import { contactSchema } from '../domain/contact.ts';
import { homePageSchema } from '../domain/home-page.ts';
import { noticeSchema } from '../domain/notice.ts';
import { privacyNoticeSchema } from '../domain/privacy-notice.ts';
import { retentionSchema } from '../domain/retention.ts';
import { roundSchema } from '../domain/round.ts';
import { dossierItemSchema, producerTypeSchema, productGroupSchema } from '../domain/value-set.ts';

export const COLLECTION_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  rounds: roundSchema,
  notices: noticeSchema,
  authority: authoritySchema,
  home: homePageSchema,
  campaigns: campaignSchema,
  contact: contactSchema,
  communes: communeSchema,
  productGroups: productGroupSchema,
  producerTypes: producerTypeSchema,
  dossierItems: dossierItemSchema,
  privacyNotice: privacyNoticeSchema,
  retention: retentionSchema,
  registrations: csvUploadsSchema,
};
