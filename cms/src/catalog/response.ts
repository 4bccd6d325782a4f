/**
 * The body of a list response (public and staff alike): the page's pre-serialized records, each
 * with its `match` when the query has words, and the page metadata with what the search did
 * (`relaxed`, `matched`, `suggestions`); with `near`/`openNow`/`openAt`, each hit's `distanceKm`,
 * `coverage` and `open`, and the place in `meta` (see near-search.ts).
 */
import { createHash } from 'node:crypto';
import type { Locale } from '@referral-directory/sdk';
import type { Entry, Named, SearchResult, TextOutcome } from './catalog';
import { HIGHLIGHTED, type Highlightable, matchOf } from './highlight';
import { MemoSlot, type Memoized } from './memo';
import { weakEtagOf } from '../directory/compression';

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
  return bodyParts(result, q).join('');
}

/**
 * The list body and its weak ETag: a hash of `key` (the query, with its locale) and the
 * body with each record's members replaced by the record's digest — not of the body's ~25 KB,
 * whose hashing cost a tenth of the CPU of a load of pages each asked once. Equal bodies get equal
 * ETags on every instance (a digest is of the record's content), a changed one a new ETag.
 */
export function signedListBody<R extends Named & Highlightable, F extends string>(
  result: ListResult<R, F>,
  q: { page: number; pageSize: number; locale: Locale },
  key: string,
): { body: string; etag: string } {
  const signed: string[] = [key, '\n'];
  const body = bodyParts(result, q, signed).join('');
  return { body, etag: weakEtagOf([signed.join('')]) };
}

/** The parts of a list body; into `signed`, the same with a record's digest in place of its members. */
function bodyParts<R extends Named & Highlightable, F extends string>(
  result: ListResult<R, F>,
  q: { page: number; pageSize: number; locale: Locale },
  signed?: string[],
): string[] {
  const { page, text } = result;
  // One string made at the end from the parts of every record: a record's JSON is not made whole
  // first (then cut open for its extra members, then copied into the page), which tripled the
  // bytes a page copied and left as garbage.
  const parts: string[] = ['{"data":['];
  page.forEach((e, k) => {
    const open = k === 0 ? '{' : ',{';
    parts.push(open, e.members(q.locale));
    const match = text ? `,"match":${JSON.stringify(matchOf(e.fields(q.locale, HIGHLIGHTED), text.highlight))}` : '';
    const extra = result.extra?.(e) ?? '';
    parts.push(match, extra, '}');
    signed?.push(open, digestOf(e), match, extra, '}');
  });
  const end = `],"meta":${metaOf(result, q)}}`;
  parts.push(end);
  signed?.push(end);
  return parts;
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
  return [metaOf(result, q), highlightOf(result), ...result.page];
}

const highlightOf = (result: { text?: TextOutcome | null }): string => (result.text ? [...result.text.highlight].join('\u0000') : '');

/** An entry's digest: a hash of its members in both locales, made once per entry. */
const digests = new MemoSlot<string>();
const digestOf = (e: Memoized & Pick<Entry, 'members'>): string =>
  digests.get(e) ?? digests.set(e, createHash('sha1').update(e.members('en')).update(e.members('fr')).digest('base64url'));
