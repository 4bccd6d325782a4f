/**
 * The body of a list response (public and staff alike): the page's pre-serialized records, each
 * with its `match` when the query has words, and the page metadata with what the search did
 * (`relaxed`, `matched`, `suggestions`); with `near`/`openNow`/`openAt`, each hit's `distanceKm`,
 * `coverage` and `open`, and the place in `meta` (see near-search.ts).
 */
import type { Locale } from '@referral-directory/sdk';
import type { Entry, Named, SearchResult, TextOutcome } from './catalog';
import { HIGHLIGHTED, type Highlightable, matchOf } from './highlight';

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
  const { page, text } = result;
  // One string made at the end from the parts of every record: a record's JSON is not made whole
  // first (then cut open for its extra members, then copied into the page), which tripled the
  // bytes a page copied and left as garbage.
  const parts: string[] = ['{"data":['];
  page.forEach((e, k) => {
    parts.push(k === 0 ? '{' : ',{', e.members(q.locale));
    if (text) parts.push(',"match":', JSON.stringify(matchOf(e.fields(q.locale, HIGHLIGHTED), text.highlight)));
    parts.push(result.extra?.(e) ?? '', '}');
  });
  parts.push('],"meta":', metaOf(result, q), '}');
  return parts.join('');
}

/** A list body's `meta`, as JSON. */
function metaOf<R extends Named, F extends string>(result: ListResult<R, F>, q: { page: number; pageSize: number }): string {
  const { total, text } = result;
  const meta: Record<string, unknown> = { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) };
  if (text?.relaxed) {
    meta.relaxed = true;
    meta.matched = text.matched;
  }
  if (text && text.suggestions.length > 0) meta.suggestions = text.suggestions;
  Object.assign(meta, result.meta);
  return JSON.stringify(meta);
}

/**
 * What `listBody` makes a body from, besides the query and the catalog's reference data (vocabulary,
 * synonyms): the page's entries, its `meta` and the words it highlights. Each hit's extra members
 * (open, distance) follow from its entry, the query and the minute, which the cache key holds.
 */
export function listBasis<R extends Named, F extends string>(result: ListResult<R, F>, q: { page: number; pageSize: number }): unknown[] {
  return [metaOf(result, q), result.text ? [...result.text.highlight].join('\u0000') : null, ...result.page];
}
