/** Editor-managed value sets with a stable slug and a label: product groups, producer types. */
import { z } from 'zod';

export const valueSetItemSchema = z.object({
  /** What people read: "Thực phẩm". */
  label: z.string().min(1),
  /** A short explanation shown under the choice on the form; optional. */
  hint: z.string().optional(),
  /** Position in lists and on the form, 1 for the first. */
  order: z.number().int().min(1),
});

export type ValueSetItem = z.infer<typeof valueSetItemSchema>;
export type ValueSetItemWithSlug = ValueSetItem & { slug: string };

/** Product groups of the OCOP programme (Quyết định 148/QĐ-TTg, 2023). */
export const productGroupSchema = valueSetItemSchema;
/** Kinds of producer that may register. */
export const producerTypeSchema = valueSetItemSchema;
/** The papers of an OCOP dossier that staff tick off per registration (content/dossier-items/). */
export const dossierItemSchema = valueSetItemSchema;

/** Items in their editor-given order. */
export function byOrder<T extends { order: number }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.order - b.order);
}
