/**
 * HTTP conventions of the public directory: cacheable JSON with a weak ETag derived from the
 * catalog version and the canonical query (so a 304 costs no serialization), CDN-friendly
 * Cache-Control, and a small cache of serialized bodies per catalog version.
 */
import { createHash } from 'node:crypto';

export interface HttpContext {
  status: number;
  body: unknown;
  get(field: string): string;
  set(field: string, value: string): void;
  type: string;
}

/** Browsers revalidate after a minute; a CDN may serve 5 minutes and keep a stale copy if we fail. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400';

/** Serialized bodies of the current catalog version, least recently used out first, bounded in bytes. */
class BodyCache {
  private version = '';
  private bytes = 0;
  private readonly map = new Map<string, string>();
  constructor(private readonly maxBytes: number) {}
  get(version: string, key: string): string | undefined {
    if (version !== this.version) {
      this.version = version;
      this.map.clear();
      this.bytes = 0;
      return undefined;
    }
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
    }
    return hit;
  }
  set(key: string, body: string): void {
    if (body.length * 2 > this.maxBytes / 8) return;
    this.map.set(key, body);
    this.bytes += body.length * 2;
    while (this.bytes > this.maxBytes) {
      const [oldest, value] = this.map.entries().next().value as [string, string];
      this.map.delete(oldest);
      this.bytes -= value.length * 2;
    }
  }
}

const bodies = new BodyCache(Number(process.env.DIRECTORY_RESPONSE_CACHE_MB ?? 32) * 1024 * 1024);

export function etagFor(version: string, key: string): string {
  return `W/"${createHash('sha1').update(version).update('\0').update(key).digest('base64url').slice(0, 27)}"`;
}

function matches(ifNoneMatch: string, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** Answers with a cacheable JSON body built (once per catalog version) by `build`. */
export function sendCached(ctx: HttpContext, version: string, key: string, build: () => string): void {
  const etag = etagFor(version, key);
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', PUBLIC_CACHE_CONTROL);
  if (matches(ctx.get('If-None-Match'), etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  let body = bodies.get(version, key);
  if (body === undefined) {
    body = build();
    bodies.set(key, body);
  }
  ctx.type = 'application/json; charset=utf-8';
  ctx.status = 200;
  ctx.body = body;
}
