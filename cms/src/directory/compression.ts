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
 * given as text is kept and sent as text, never copied into a Buffer: a cached body lives long
 * enough to reach V8's old generation, and a Buffer's bytes are memory outside the heap, whose
 * growth makes V8 collect the whole heap at once. Bytes made for the cached pages a second time
 * they were sent grew that memory 2 MB/s under a read load at 100,000 organizations, a full
 * collection every half-minute (each holding reads back 100–300 ms); Node writes a text's bytes
 * itself, at the cost of encoding it on every send (`npm run bench:edits-http`).
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
        return this.identity;
    }
  }

  /** Bytes held, for a cache that bounds its size. */
  get size(): number {
    return this.length + (this.br?.length ?? 0) + (this.gzip?.length ?? 0);
  }
}

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
