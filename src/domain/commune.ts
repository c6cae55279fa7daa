/** Registration units (xã, phường, thôn, bon…): schema and resolution of the many ways people write a name. */
import { z } from 'zod';

export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'Mã định danh chỉ gồm chữ thường không dấu, số và dấu gạch ngang',
  );

export const communeSchema = z.object({
  /** The unit's name as people read it, without the word "xã"/"thôn". */
  name: z.string().min(1),
  /** The unit's code in the national list of administrative units (GSO), five digits; a thôn or bon has none. */
  gsoCode: z
    .string()
    .regex(/^\d{5}$/, 'Mã đơn vị hành chính gồm 5 chữ số')
    .optional(),
  /** Other spellings that must resolve to this unit ("Hòa" for "Hoà", "Đăk" for "Đắk"). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Position in lists, 1 for the first (the GSO order). */
  order: z.number().int().min(1),
});

export type Commune = z.infer<typeof communeSchema>;
export type CommuneWithSlug = Commune & { slug: string };

export { communeKey, communeResolver } from './commune-resolver.ts';
