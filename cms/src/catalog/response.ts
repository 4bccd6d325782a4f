/**
 * The body of a list response (public and staff alike): the page's pre-serialized records, each
 * with its `match` when the query has words, and the page metadata with what the search did
 * (`relaxed`, `matched`, `suggestions`).
 */
import type { Locale } from '@referral-directory/sdk';
import type { Named, SearchResult } from './catalog';
import { matchOf } from './highlight';

type Highlightable = Parameters<typeof matchOf>[0];

export function listBody<R extends Named & Highlightable, F extends string>(
  result: SearchResult<R, F>, q: { page: number; pageSize: number; locale: Locale },
): string {
  const { page, total, text } = result;
  const items = page.map((e) => {
    const json = e.json[q.locale];
    if (!text) return json;
    return `${json.slice(0, -1)},"match":${JSON.stringify(matchOf(e.records[q.locale], text.highlight))}}`;
  });
  const meta: Record<string, unknown> = { page: q.page, pageSize: q.pageSize, total, pageCount: Math.ceil(total / q.pageSize) };
  if (text?.relaxed) { meta.relaxed = true; meta.matched = text.matched; }
  if (text && text.suggestions.length > 0) meta.suggestions = text.suggestions;
  return `{"data":[${items.join(',')}],"meta":${JSON.stringify(meta)}}`;
}
