/**
 * Content negotiation of compressed bodies (RFC 9110 §12.5.3): brotli before gzip before identity,
 * by the client's q-values. A public body is compressed once per encoding and kept beside it
 * (see `Representation`), so a CDN miss or a busy page costs a lookup, not a compression.
 */
import { pipeline, type Readable } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Smaller bodies gain less than the Content-Encoding header costs. */
const MIN_COMPRESS_BYTES = 512;
/** Our order of preference when the client weighs them equally. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

/** The encoding to answer with, given an Accept-Encoding header (absent: identity). */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (!acceptEncoding) return 'identity';
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/.exec(p);
      if (m) q = Number(m[1]);
    }
    weights.set(name, q);
  }
  const star = weights.get('*');
  const weight = (e: Encoding): number => weights.get(e) ?? (e === 'identity' ? 1 : (star ?? 0));
  let best: Encoding = 'identity';
  let bestQ = 0;
  for (const e of PREFERENCE) {
    const q = weight(e);
    if (q > bestQ) {
      best = e;
      bestQ = q;
    }
  }
  // Even "identity;q=0" gets identity: a body the client can read beats a 406 it cannot act on.
  return best;
}

/** Appends Accept-Encoding to Vary, keeping what is there. */
export function varyOnEncoding(current: string): string {
  const names = current
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.some((n) => n === '*' || n.toLowerCase() === 'accept-encoding')) return names.join(', ');
  return [...names, 'Accept-Encoding'].join(', ');
}

/** A weak validator derived from the bytes of a body alone, fed in one piece or several. */
export function weakEtagOf(pieces: Iterable<string | Buffer>): string {
  const hash = createHash('sha1');
  for (const piece of pieces) hash.update(piece);
  return `W/"${hash.digest('base64url').slice(0, 27)}"`;
}

/**
 * One body with its validator and its compressed forms, each made on first use and kept. A body
 * given as text is kept and sent as text: a cached body lives long enough to reach V8's old
 * generation, and a Buffer's bytes are memory outside the heap, whose growth makes V8 collect the
 * whole heap at once. Bytes made for the cached pages a second time they were sent grew that memory
 * 2 MB/s under a read load at 100,000 organizations, a full collection every half-minute (each
 * holding reads back 100–300 ms). Only a body sent many times a second gets its bytes too (see
 * `HotBytes`): Node writes a text's bytes itself, at the cost of encoding it on every send.
 */
export class Representation {
  private readonly identity: string | Buffer;
  readonly etag: string;
  /** The identity body's length in bytes. */
  private readonly length: number;
  private br?: Buffer;
  private gzip?: Buffer;

  /**
   * @param brotliQuality 9 for bodies made at request time (a few ms for a page); 11, the smallest
   * but slowest, for files compressed once per process (the widget).
   * @param etag the body's validator when its maker knows it without hashing the bytes (list pages:
   * response.ts `signedListBody`); else a hash of the bytes.
   */
  constructor(
    text: string | Buffer,
    private readonly brotliQuality = 9,
    etag?: string,
  ) {
    this.identity = text;
    this.length = typeof text === 'string' ? Buffer.byteLength(text, 'utf8') : text.length;
    this.etag = etag ?? weakEtagOf([text]);
  }

  /** The encoding actually used for a client that asked for `wanted` (small bodies stay identity). */
  encodingFor(wanted: Encoding): Encoding {
    return this.length < MIN_COMPRESS_BYTES ? 'identity' : wanted;
  }

  /** Whether this is the body `text` (same bytes). */
  is(text: string | Buffer): boolean {
    if (typeof text === 'string' && typeof this.identity === 'string') return text === this.identity;
    return Buffer.from(this.identity).equals(Buffer.from(text));
  }

  /** The body in `encoding` (a string is sent as UTF-8). */
  bytes(encoding: Encoding): string | Buffer {
    switch (this.encodingFor(encoding)) {
      case 'br':
        this.br ??= brotliCompressSync(this.identity, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: this.brotliQuality,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: this.length,
          },
        });
        return this.br;
      case 'gzip':
        this.gzip ??= gzipSync(this.identity, { level: 9 });
        return this.gzip;
      default:
        return typeof this.identity === 'string' ? this.sendText(this.identity) : this.identity;
    }
  }

  /** Identity sends within the current second, and when that second began (epoch ms). */
  private sends = 0;
  private second = 0;

  /** The text to send, or its bytes once it is sent often (see HotBytes). */
  private sendText(text: string): string | Buffer {
    const held = hotBytes.get(this);
    if (held) return held;
    const now = Date.now();
    if (now - this.second >= 1000) {
      this.second = now;
      this.sends = 0;
    }
    return ++this.sends < HOT_SENDS_PER_SECOND ? text : hotBytes.add(this, text);
  }

  /** Bytes held, for a cache that bounds its size. */
  get size(): number {
    return this.length + (this.br?.length ?? 0) + (this.gzip?.length ?? 0);
  }
}

/** Identity sends of a body within a second from which it is sent as bytes (see HotBytes). */
export const HOT_SENDS_PER_SECOND = 10;

/**
 * The UTF-8 bytes of the bodies sent most often, at most `budget` bytes in all, the least recently
 * sent giving theirs up first. A text body is measured twice on every send (Koa's Content-Length,
 * then Node's) and encoded into the socket: half of the CPU of answering a page from the cache at a
 * few thousand a second (`npm run bench -w cms`, run (a), against a server sending the same bytes).
 * Bytes are written as they are. The CPU they save grows with the rate a body is sent at, their
 * memory does not: only a body sent `HOT_SENDS_PER_SECOND` times within a second gets them, so a
 * load of many pages each asked now and then makes none (see Representation), and those made are
 * few and last.
 */
export class HotBytes<K> {
  private readonly held = new Map<K, Buffer>();
  private bytes = 0;

  constructor(private readonly budget: number) {}

  /** The bytes held for `key`, if any (then the most recently sent). */
  get(key: K): Buffer | undefined {
    const bytes = this.held.get(key);
    if (bytes) {
      this.held.delete(key);
      this.held.set(key, bytes);
    }
    return bytes;
  }

  /** The UTF-8 bytes of `text`, kept for `key` unless they would take more than a quarter of the budget. */
  add(key: K, text: string): Buffer {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length > this.budget / 4) return bytes;
    for (const [oldest, its] of this.held) {
      if (this.bytes + bytes.length <= this.budget) break;
      this.held.delete(oldest);
      this.bytes -= its.length;
    }
    this.held.set(key, bytes);
    this.bytes += bytes.length;
    return bytes;
  }

  /** Bytes held, all bodies together. */
  get size(): number {
    return this.bytes;
  }
}

/** 4 MB: some 160 pages of 25 KB. */
const hotBytes = new HotBytes<Representation>(4 * 1024 * 1024);

/** A streamed body (too large to keep), compressed on the fly. */
export function encodeStream(source: Readable, encoding: Encoding): Readable {
  if (encoding === 'identity') return source;
  const zip =
    encoding === 'br'
      ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
      : createGzip({ level: 6 });
  // A client that goes away destroys `zip`; pipeline then stops the source too (and vice versa).
  return pipeline(source, zip, () => undefined);
}
