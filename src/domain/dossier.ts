/**
 * The OCOP dossier checklist: for each registration, staff mark each paper (an editor-managed item,
 * content/dossier-items/) as there, missing or not applicable; the producer's lookup lists what is
 * missing. Pure: the states, their words, and the check of an update.
 */
export const DOSSIER_STATES = {
  co: 'Đã có',
  thieu: 'Còn thiếu',
  'khong-ap-dung': 'Không áp dụng',
} as const;
export type DossierState = keyof typeof DOSSIER_STATES;

export const isDossierState = (value: unknown): value is DossierState =>
  typeof value === 'string' && Object.hasOwn(DOSSIER_STATES, value);

export type DossierUpdate =
  { ok: true; items: Record<string, DossierState> } | { ok: false; field: string; message: string };

/** Checks `{"ITEM-SLUG": "co" | "thieu" | "khong-ap-dung"}` against the items content holds now. */
export function readDossierUpdate(items: unknown, known: ReadonlySet<string>): DossierUpdate {
  if (!items || typeof items !== 'object' || Array.isArray(items))
    return {
      ok: false,
      field: 'items',
      message: 'Cần "items": một đối tượng {mã giấy tờ: "co" | "thieu" | "khong-ap-dung"}',
    };
  const entries = Object.entries(items as Record<string, unknown>);
  if (entries.length === 0)
    return { ok: false, field: 'items', message: 'Chưa đánh dấu giấy tờ nào' };
  if (entries.length > 200)
    return { ok: false, field: 'items', message: 'Quá nhiều giấy tờ trong một lần gửi' };
  for (const [slug, state] of entries) {
    if (!known.has(slug))
      return {
        ok: false,
        field: `items.${slug.slice(0, 60)}`,
        message: `Không có giấy tờ "${slug.slice(0, 60)}" trong danh mục hồ sơ`,
      };
    if (!isDossierState(state))
      return {
        ok: false,
        field: `items.${slug}`,
        message: `Tình trạng phải là một trong: ${Object.keys(DOSSIER_STATES).join(', ')}`,
      };
  }
  return { ok: true, items: Object.fromEntries(entries) as Record<string, DossierState> };
}

/** The labels of the items marked missing, in the items' order. */
export function missingItems(
  items: readonly { slug: string; label: string }[],
  marks: ReadonlyMap<string, DossierState>,
): string[] {
  return items.filter((i) => marks.get(i.slug) === 'thieu').map((i) => i.label);
}
