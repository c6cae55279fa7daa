// Our changes to Decap's bundled Vietnamese phrases (the "vi" locale ships in the bundle).

/** Phrases we word differently: the bundled "＋" is a full-width character many office PCs lack a font for. */
export const localeOverrides = {
  collection: { collectionTop: { newButton: 'Thêm %{collectionLabel}' } },
};

/** A deep merge of plain phrase objects; `extra` wins. */
export function mergePhrases(base, extra) {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    out[key] = value && typeof value === 'object' && typeof base[key] === 'object' ? mergePhrases(base[key], value) : value;
  }
  return out;
}
