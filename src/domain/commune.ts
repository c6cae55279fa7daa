/** Communes (xã) of the district: schema and resolution of the many ways people write a name. */
import { z } from 'zod';

export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Mã định danh chỉ gồm chữ thường không dấu, số và dấu gạch ngang');

export const communeSchema = z.object({
  /** The commune's name as people read it, without "xã": "Quảng Hoà". */
  name: z.string().min(1),
  /** The commune's code in the national list of administrative units (GSO): "20902". */
  gsoCode: z.string().regex(/^\d{5}$/, 'Mã đơn vị hành chính gồm 5 chữ số'),
  /** Other spellings that must resolve to this commune: "Quảng Hòa", "Đăk Ha". */
  aliases: z.array(z.string().min(1)).default([]),
  /** Position in lists, 1 for the first (the GSO order). */
  order: z.number().int().min(1),
});

export type Commune = z.infer<typeof communeSchema>;
export type CommuneWithSlug = Commune & { slug: string };

export { communeKey, communeResolver } from './commune-resolver.ts';
