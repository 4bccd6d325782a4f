/**
 * HTTP conventions of the public APIs (directory and HSDS): cacheable JSON whose weak ETag is a
 * hash of the body's content (of a list page, response.ts `signedListBody`), so a change that is
 * not public (a hidden record edited, a draft saved) changes no public validator; CDN-friendly
 * Cache-Control; brotli or gzip as the client asks; and a small cache of bodies, with their
 * validators and compressed forms (so a 304 or a compressed answer costs a lookup, not a
 * serialization or a compression). A body is made for a catalog version; one that names what it was
 * made from (its `Basis`) stays for the next versions while they would make it from the same things
 * — an editor's publish no longer empties the cache of every page it did not touch.
 */
import { Readable } from 'node:stream';
import { encodeStream, type Encoding, negotiateEncoding, Representation, varyOnEncoding, weakEtagOf } from './compression';

export interface HttpContext {
  status: number;
  body: unknown;
  get(field: string): string;
  set(field: string, value: string): void;
  type: string;
}

/** Browsers revalidate after a minute; a CDN may serve 5 minutes and keep a stale copy if we fail. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400';

/**
 * For a body that says whether services are open at the request's minute: it is true until the
 * earliest opening or closing it names, so browsers and the CDN keep it until then (at most the
 * usual minute, and no stale-while-revalidate: a stale "open" is a wrong one; stale-if-error stays,
 * contact details being worth more than an error while the API is down).
 */
export function timedCacheControl(changesAt: number, now = Date.now()): string {
  const seconds = Math.max(0, Math.min(60, Math.floor((changesAt - now) / 1000)));
  return `public, max-age=${seconds}, s-maxage=${seconds}, stale-if-error=86400`;
}

/**
 * What a body was made from, besides its cache key: compared item by item (`===`), equal bases
 * make equal bodies. Catalog entries are immutable (an edit makes a new one), so a page's entries
 * stand for their text.
 */
export type Basis = readonly unknown[];

const sameBasis = (a: Basis, b: Basis): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

/** A body with the catalog version it was made (or last found the same) for, and when it stops being true (see timedCacheControl). */
interface Cached {
  rep: Representation;
  changesAt: number | undefined;
  size: number;
  version: string;
  basis: Basis | undefined;
}

/**
 * How often each key was asked for lately: counts halved every `window` asks, so that what was
 * asked for long ago weighs less and the map stays bounded (TinyLFU's "aging", without its sketch).
 */
export class AskCounts {
  private readonly counts = new Map<string, number>();
  private asks = 0;
  constructor(private readonly window: number) {}
  ask(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (++this.asks < this.window) return;
    this.asks = 0;
    for (const [k, n] of this.counts) {
      if (n <= 1) this.counts.delete(k);
      else this.counts.set(k, n >> 1);
    }
  }
  of(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/**
 * Bodies by key, least recently used out first, bounded in bytes. With
 * `admit` counts, a body is kept only from the second time its key is asked for, and into a full
 * cache only if its key is asked for more often than the body it would push out (TinyLFU's
 * admission). Under a read load of many pages each asked for now and then, keeping every new body
 * made each live just long enough for V8 to move it to the old generation, where it died: at
 * 100,000 organizations the heap grew ~90 MB/s between full collections (~30 MB/s with no cache),
 * each full collection stalling the loop 200–260 ms (`npm run bench:edits-http`).
 */
export class BodyCache<T extends { size: number }> {
  private bytes = 0;
  private readonly map = new Map<string, T>();
  constructor(
    private readonly maxBytes: number,
    private readonly admit: AskCounts | null = null,
  ) {}
  get(key: string): T | undefined {
    this.admit?.ask(key);
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: T): void {
    // What the key held (a body of an earlier version) goes, whether or not this one is kept.
    const before = this.map.get(key);
    if (before !== undefined) {
      this.map.delete(key);
      this.bytes -= before.size * 2;
    }
    // Counted at twice the body: its compressed forms come on first use.
    const cost = value.size * 2;
    if (cost > this.maxBytes / 8) return;
    if (this.admit) {
      const asked = this.admit.of(key);
      if (asked < 2) return;
      const oldest = this.map.keys().next();
      if (this.bytes + cost > this.maxBytes && !oldest.done && this.admit.of(oldest.value) >= asked) return;
    }
    this.map.set(key, value);
    this.bytes += cost;
    while (this.bytes > this.maxBytes) {
      const oldest = this.map.entries().next().value;
      if (!oldest) break;
      this.map.delete(oldest[0]);
      this.bytes -= oldest[1].size * 2;
    }
  }
}

/** Asks counted before their counts are halved (a few hundred kilobytes of short keys at most). */
export const ASK_WINDOW = 20_000;

const bodies = new BodyCache<Cached>(Number(process.env.DIRECTORY_RESPONSE_CACHE_MB ?? 32) * 1024 * 1024, new AskCounts(ASK_WINDOW));

/** Validators of streamed bodies (not kept themselves), per catalog version: kept at once, each costs a pass over the body. */
const streamEtags = new BodyCache<{ etag: string; size: number; version: string }>(1024 * 1024);

/** Whether If-None-Match names this validator (weak comparison, RFC 9110 §13.1.2). */
export function matchesEtag(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/**
 * The conditional part of every public GET: validator, caching and Vary headers, then a 304 when
 * If-None-Match names the validator (true: answered), or the 200's type and encoding headers.
 */
function answerConditionally(
  ctx: HttpContext,
  etag: string,
  cacheControl: string,
  type: string,
  encoding: () => Encoding,
): Encoding | null {
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cacheControl);
  ctx.set('Vary', varyOnEncoding(ctx.get('Vary')));
  if (matchesEtag(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
    return null;
  }
  const chosen = encoding();
  ctx.type = type;
  ctx.status = 200;
  if (chosen !== 'identity') ctx.set('Content-Encoding', chosen);
  return chosen;
}

/** Answers with a body (its validator and compressed forms made once): 304 when the client has it. */
export function sendRepresentation(
  ctx: HttpContext,
  rep: Representation,
  cacheControl: string,
  type = 'application/json; charset=utf-8',
): void {
  const encoding = answerConditionally(ctx, rep.etag, cacheControl, type, () =>
    rep.encodingFor(negotiateEncoding(ctx.get('Accept-Encoding'))),
  );
  if (encoding !== null) ctx.body = rep.bytes(encoding);
}

/**
 * Answers with a cacheable JSON body built (once per catalog version and key) by `build`; a body
 * that is true only until a time (`changesAt`, epoch ms) is cached by clients only until then.
 * With `basis`, a body made for an earlier version is kept (its bytes and its ETag) while the
 * current version gives the same basis (none: never).
 */
export function sendCached(
  ctx: HttpContext,
  version: string,
  key: string,
  build: () => string | { body: string; changesAt: number | undefined; etag?: string },
  basis?: () => Basis | undefined,
): void {
  let cached = bodies.get(key);
  let current: Basis | undefined;
  if (cached !== undefined && cached.version !== version) {
    current = basis?.();
    if (current && cached.basis && sameBasis(current, cached.basis)) cached.version = version;
    else cached = undefined;
  }
  if (cached === undefined) {
    const built = build();
    const rep = typeof built === 'string' ? new Representation(built) : new Representation(built.body, undefined, built.etag);
    cached = {
      rep,
      changesAt: typeof built === 'string' ? undefined : built.changesAt,
      size: rep.size,
      version,
      basis: current ?? basis?.(),
    };
    bodies.set(key, cached);
  }
  sendRepresentation(ctx, cached.rep, cached.changesAt === undefined ? PUBLIC_CACHE_CONTROL : timedCacheControl(cached.changesAt));
}

/**
 * Answers with a body too large to keep, streamed from `lines` (called again for each pass). Its
 * validator is the hash of what it streams, computed once per catalog version by a first pass.
 */
export function sendStream(ctx: HttpContext, version: string, key: string, lines: () => Iterable<string>, type: string): void {
  let known = streamEtags.get(key);
  if (known === undefined || known.version !== version) {
    known = { etag: weakEtagOf(lines()), size: key.length + 64, version };
    streamEtags.set(key, known);
  }
  const encoding = answerConditionally(ctx, known.etag, PUBLIC_CACHE_CONTROL, type, () => negotiateEncoding(ctx.get('Accept-Encoding')));
  if (encoding !== null) ctx.body = encodeStream(Readable.from(lines()), encoding);
}
