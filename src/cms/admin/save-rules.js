// Runs in the admin page (and in tests under Node): fixes values before Decap saves them.
// Plain JavaScript because it is served as is, without a bundler.

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n) => String(n).padStart(2, '0');

/** Same output as toVnIso in src/domain/time.ts: the instant in Việt Nam time with "+07:00". */
export function toVnIso(value) {
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return value;
  const d = new Date(t + VN_OFFSET_MS);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`;
}

/**
 * Applies the rules to a plain object of one entry's fields:
 * - instants are written with +07:00 whatever zone the editor's browser is in;
 * - optional fields left empty are removed, because the schemas read a missing
 *   value as "none" but reject "" (an empty e-mail or start date).
 */
export function applySaveRules(rules, collection, data) {
  const out = { ...data };
  for (const name of rules.dropEmpty[collection] ?? []) {
    if (out[name] === '' || out[name] === null) delete out[name];
  }
  for (const name of rules.instants[collection] ?? []) {
    if (typeof out[name] === 'string' && out[name] !== '') out[name] = toVnIso(out[name]);
  }
  return out;
}

/** The same on Decap's Immutable entry data, for its preSave event; undefined leaves the data as it is. */
export function applySaveRulesToEntry(rules, entry) {
  const collection = entry.get('collection');
  const names = [...(rules.dropEmpty[collection] ?? []), ...(rules.instants[collection] ?? [])];
  if (!names.length) return undefined;
  let data = entry.get('data');
  const fixed = applySaveRules(
    rules,
    collection,
    Object.fromEntries(names.filter((n) => data.has(n)).map((n) => [n, data.get(n)])),
  );
  for (const name of names) data = name in fixed ? data.set(name, fixed[name]) : data.delete(name);
  return data;
}
