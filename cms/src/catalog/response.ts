/**
 * The body of a list response (public and staff alike): the page's pre-serialized records, each
 * with its `match` when the query has words, and the page metadata with what the search did
 * (`relaxed`, `matched`, `suggestions`); with `near`/`openNow`/`openAt`, each hit's `distanceKm`,
 * `coverage` and `open`, and the place in `meta` (see near-search.ts).
 */
import type { Locale } from '@referral-directory/sdk';
import type { Entry, Named, SearchResult, TextOutcome } from './catalog';
import { HIGHLIGHTED, type Highlightable, matchOf } from './highlight';

/** A pre-serialized record with extra members (`,"distanceKm":3`) before its closing brace. */
export const withExtra = (json: string, extra: string): string => (extra ? `${json.slice(0, -1)}${extra}}` : json);

export interface ListResult<R extends Named, F extends string> extends Omit<SearchResult<R, F>, 'text'> {
  text?: TextOutcome | null;
  /** Extra JSON members of a hit, '' for none. */
  extra?: (e: Entry<R, F>) => string;
  /** Extra members of `meta`. */
  meta?: Record<string, unknown>;
}

export function listBody<R extends Named & Highlightable, F extends string>(
  result: ListResult<R, F>,
  q: { page: number; pageSize: number; locale: Locale },
): string {
  const { page, total, text } = result;
  const items = page.map((e) => {
    const json = e.json[q.locale];
    const matched = text
      ? `${json.slice(0, -1)},"match":${JSON.stringify(matchOf(e.fields(q.locale, HIGHLIGHTED), text.highlight))}}`
      : json;
    return withExtra(matched, result.extra?.(e) ?? '');
  });
  const meta: Record<string, unknown> = { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) };
  if (text?.relaxed) {
    meta.relaxed = true;
    meta.matched = text.matched;
  }
  if (text && text.suggestions.length > 0) meta.suggestions = text.suggestions;
  Object.assign(meta, result.meta);
  return `{"data":[${items.join(',')}],"meta":${JSON.stringify(meta)}}`;
}
