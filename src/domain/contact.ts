/** The office that receives registrations and answers questions. */
import { z } from 'zod';

export const contactSchema = z.object({
  /** Full name of the office that receives registrations, as content gives it. */
  office: z.string().min(1),
  /** Street address as people give it: "Thôn 1, xã …, tỉnh …". */
  address: z.string().min(1),
  /** Phone number as printed: "0263 3123 456". */
  phone: z.string().min(1),
  /** The same number in international form for tel: links: "+842633123456". */
  phoneE164: z.string().regex(/^\+84\d{9,10}$/, 'Số điện thoại quốc tế có dạng +84xxxxxxxxx'),
  /** Office hours in plain words; optional. */
  hours: z.string().optional(),
  /** E-mail address of the office; optional. */
  email: z.string().email().optional(),
  /** Where else one may register in person. */
  otherPlaces: z.string().min(1),
});

export type Contact = z.infer<typeof contactSchema>;
