import type { DirectoryError } from './errors/directory-error.js';
import type { Locale, Sort } from './types.js';

/** How GET requests are retried. POSTs are never retried. */
export interface RetryOptions {
  /**
   * Retries after the first attempt, on network errors, 429, 502, 503 and 504.
   * @default 2
   */
  retries?: number | undefined;
  /**
   * Base of the exponential backoff: attempt `n` waits a random time in `[0, baseDelayMs * 2^n)`
   * ("full jitter"), capped at `maxDelayMs`.
   * @default 300
   */
  baseDelayMs?: number | undefined;
  /**
   * Longest wait between two attempts. A 429 whose `Retry-After` asks for longer is not retried:
   * the `RateLimitError` is thrown at once so the caller can decide.
   * @default 5000
   */
  maxDelayMs?: number | undefined;
}

/** What `onStale` is told when a cached body is served because a request failed. */
export interface StaleEvent {
  /** The URL whose cached body was served. */
  url: string;
  /** Why the fresh request failed. */
  error: DirectoryError;
}

/** Options shared by the public and the internal clients. */
export interface ClientOptions {
  /**
   * Origin (and optional path prefix) of the CMS, without `/api`: an http(s) URL, or in a browser
   * page a URL relative to the page. Anything else throws a `TypeError` when the client is created.
   * @example 'https://directory.example.ca'
   */
  baseUrl: string;
  /**
   * Language of the labels and texts in responses; per-call `locale` wins. The server's
   * default (`en`) applies when neither is set.
   * @default undefined
   */
  locale?: Locale | undefined;
  /**
   * The `fetch` to use. Resolved at call time, so `globalThis.fetch` may be replaced later
   * (test doubles, msw).
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Time limit of a whole call (all attempts and the waits between them), in ms.
   * `0` (or `Infinity`) disables the limit.
   * @default 10000
   */
  timeoutMs?: number | undefined;
  /**
   * Retry policy of GET requests, or `false` for a single attempt.
   * @default { retries: 2, baseDelayMs: 300, maxDelayMs: 5000 }
   */
  retry?: RetryOptions | false | undefined;
  /**
   * Extra request headers. Note that in a browser any non-standard header turns a cross-origin
   * GET into a preflighted request.
   * @default {}
   * @example { 'X-Partner': 'shelter-network' }
   */
  headers?: Record<string, string> | undefined;
  /**
   * Entries of the in-memory response cache used for conditional requests (`ETag` /
   * `If-None-Match`, outside browsers: in a page the browser's HTTP cache does this) and by
   * `staleIfError`. `0` disables it.
   * @default 50
   */
  cacheSize?: number | undefined;
  /**
   * When a GET fails (network error, timeout, 5xx, malformed body) after its retries, return the
   * last good body for the same URL instead of throwing. 4xx errors (a 404 above all) are never
   * masked.
   * @default false
   */
  staleIfError?: boolean | undefined;
  /**
   * Called whenever a stale body is returned, e.g. to show "this list may be out of date".
   * @default undefined
   * @example (e) => console.warn('served from cache:', e.error.message)
   */
  onStale?: ((event: StaleEvent) => void) | undefined;
}

/** Options of one call. */
export interface RequestOptions {
  /**
   * Aborts the call; its reason (an `AbortError` by default) is rethrown as is.
   * @default undefined
   * @example controller.signal
   */
  signal?: AbortSignal | undefined;
  /**
   * Overrides the client's `locale` for this call.
   * @default the client's `locale`
   */
  locale?: Locale | undefined;
  /**
   * Called if this call returns a stale body (in addition to the client's `onStale`).
   * @default undefined
   */
  onStale?: ((event: StaleEvent) => void) | undefined;
}

/** Options of one page of a list. */
export interface ListOptions extends RequestOptions {
  /**
   * 1-based page number.
   * @default 1
   */
  page?: number | undefined;
  /**
   * Records per page, at most `MAX_PAGE_SIZE` (100).
   * @default the server's default
   */
  pageSize?: number | undefined;
  /**
   * Order of the records.
   * @default `relevance` when `q` is set, `name` otherwise
   */
  sort?: Sort | undefined;
}

/** Options of a walk over every page (`…all()`). */
export type PaginateOptions = Omit<ListOptions, 'page'>;
