/**
 * The commune/round/status filters and the search (?q=) of the export and the
 * review list, read from query parameters and narrowed to what the editor may see.
 */
import { isStatus } from '../../domain/status.ts';
import type { Account } from '../storage/accounts.ts';
import type { Deps } from '../deps.ts';
import { SEARCH_MAX_CHARS, searchWords } from '../storage/search-text.ts';
import type { RegistrationFilter } from '../storage/store.ts';

/** The round filter value for registrations after the last deadline ("đợt tiếp theo"). */
export const NEXT_ROUND_VALUE = 'tiep-theo';

export interface FilterQuery {
  commune?: string;
  round?: string;
  status?: string;
  /** Words to find in the receipt, product or producer name. */
  q?: string;
}

export type FilterResult =
  | { ok: true; filter: RegistrationFilter; query: Record<string, string> }
  | { ok: false; message: string };

/**
 * Reads the filters; empty values mean "all". A commune editor is always held
 * to their own commune, whatever was asked for.
 */
export function readFilter(deps: Deps, account: Account, q: FilterQuery): FilterResult {
  const filter: RegistrationFilter = {};
  const query: Record<string, string> = {};
  const commune = q.commune?.trim();
  if (commune) {
    const found = deps.resolveCommune(commune);
    if (!found) return { ok: false, message: `Không có xã "${commune}"` };
    filter.commune = found.slug;
    query.commune = found.slug;
  }
  const round = q.round?.trim();
  if (round) {
    if (round === NEXT_ROUND_VALUE) filter.round = null;
    else if (deps.content.rounds.some((r) => r.slug === round)) filter.round = round;
    else return { ok: false, message: `Không có đợt "${round}"` };
    query.round = round;
  }
  const status = q.status?.trim();
  if (status) {
    if (!isStatus(status)) return { ok: false, message: `Không có trạng thái "${status}"` };
    filter.status = status;
    query.status = status;
  }
  const search = q.q?.trim().slice(0, SEARCH_MAX_CHARS);
  if (search) {
    const words = searchWords(search);
    if (words.length) filter.search = words;
    query.q = search;
  }
  if (account.commune !== null) {
    // Another commune asked for: an impossible filter, so the answer is empty rather than wider.
    filter.commune =
      filter.commune === undefined || filter.commune === account.commune
        ? account.commune
        : '\u0000';
  }
  return { ok: true, filter, query };
}

/** "?commune=…&round=…&q=…" from the kept filters ("" when none). */
export function queryString(query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString();
  return params ? `?${params}` : '';
}
