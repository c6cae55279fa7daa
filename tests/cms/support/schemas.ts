/** The domain schema each CMS collection's files must satisfy. */
import type { z } from 'zod';
import { csvUploadsSchema } from '../../../src/cms/csv-uploads.ts';
import { authoritySchema } from '../../../src/domain/authority.ts';
import { campaignSchema } from '../../../src/domain/campaign.ts';
import { communeSchema } from '../../../src/domain/commune.ts';
import { contactSchema } from '../../../src/domain/contact.ts';
import { noticeSchema } from '../../../src/domain/notice.ts';
import { privacyNoticeSchema } from '../../../src/domain/privacy-notice.ts';
import { retentionSchema } from '../../../src/domain/retention.ts';
import { roundSchema } from '../../../src/domain/round.ts';
import { dossierItemSchema, producerTypeSchema, productGroupSchema } from '../../../src/domain/value-set.ts';

export const SCHEMAS: Record<string, z.ZodType> = {
  rounds: roundSchema,
  notices: noticeSchema,
  authority: authoritySchema,
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
