/**
 * The privacy notice (/bao-ve-du-lieu/) that the law asks for before personal
 * data is collected (Luật 91/2025/QH15): its text is content, written by the
 * authority's editors in plain Vietnamese; the retention periods it states
 * come from content/privacy/retention.json, so the page and `npm run
 * retention` never disagree.
 */
import { z } from 'zod';

export const privacyNoticeSchema = z.object({
  /** Page heading: "Bảo vệ dữ liệu cá nhân". */
  title: z.string().min(1),
  /** One or two sentences for search results and link previews. */
  description: z.string().min(1),
  /** When the text was last changed (YYYY-MM-DD), shown on the page. */
  updated: z.coerce.date(),
});

export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;
