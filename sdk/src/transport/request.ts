// One place where every call goes through: URL building, headers, the overall timeout combined
// with the caller's signal, retries with backoff for GETs, the ETag cache (outside browsers),
// stale-if-error, and the mapping of every failure to a `DirectoryError` (aborts excepted).
import type { DirectoryError, RequestTarget } from '../errors/directory-error.js';
import { isDirectoryError, isHttpError, isRateLimitError } from '../errors/guards.js';
import { MalformedResponseError } from '../errors/malformed-response-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { ClientOptions, RequestOptions } from '../options.js';
import { backoffDelay } from './backoff.js';
import { createLru, type CacheEntry } from './cache.js';
import { httpErrorFrom } from './http-error-from.js';
import { toQuery, type QueryValue } from './query.js';
import { anySignal, sleep } from './signal.js';
import type { Assert } from './validate.js';

/** One API call, as the clients describe it. */
export interface Call<T> {
  method: 'GET' | 'POST';
  /** Path under `baseUrl`, starting with `/api/`. */
  path: string;
  query?: { [key: string]: QueryValue };
  /** Sent as JSON (POST). */
  body?: unknown;
  /** Adds the `locale` query parameter (GETs of localized resources). */
  localized?: boolean;
  check: Assert<T>;
  options?: RequestOptions | undefined;
}

export type Transport = <T>(call: Call<T>) => Promise<T>;

const RETRY_STATUSES = [429, 502, 503, 504];

/**
 * `baseUrl` as an absolute http(s) URL without trailing slashes. A relative one resolves against
 * the page in a browser; elsewhere it is an error now, at creation, rather than a
 * `NetworkError` on every call later.
 */
function checkBaseUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl, globalThis.document?.baseURI);
    if (/^https?:$/.test(url.protocol)) return url.href.replace(/\/+$/, '');
  } catch {
    // not a URL at all: reported below
  }
  throw new TypeError(`baseUrl is not an http(s) URL: "${baseUrl}"`);
}

function isRetryable(error: DirectoryError): boolean {
  return isHttpError(error) ? RETRY_STATUSES.includes(error.status) : error.name === 'NetworkError';
}

function canServeStale(error: DirectoryError): boolean {
  return isHttpError(error) ? error.status >= 500 : true;
}

/** The body parsed and checked by the call's guard, or a MalformedResponseError. */
function decodeBody<T>(text: string, status: number, check: Assert<T>, info: RequestTarget): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
    check(value);
  } catch (e) {
    throw new MalformedResponseError(e instanceof TypeError ? e.message : 'not JSON', status, info, e);
  }
  return value;
}

/**
 * Build the function that performs calls for one client. `secretHeaders` (the internal
 * client's `Authorization`) are sent but never copied into errors, caches or events.
 */
export function createTransport(options: ClientOptions, secretHeaders?: Record<string, string>): Transport {
  const { timeoutMs = 10_000, retry = {}, staleIfError, onStale } = options;
  const { retries = 2, baseDelayMs = 300, maxDelayMs = 5_000 } = retry || { retries: 0 };
  const cache = createLru<CacheEntry>(options.cacheSize ?? 50);
  const root = checkBaseUrl(options.baseUrl);
  // In a browser page the HTTP cache revalidates by itself (the API sends max-age and ETag),
  // whereas a script-set If-None-Match makes every cross-origin GET non-simple (a preflight
  // per call) and bypasses that cache. There the LRU only remembers bodies for staleIfError.
  // Only a page has cookies to leak; elsewhere `credentials` is left out, since Cloudflare
  // Workers reject it.
  const page = typeof document == 'object';

  return async function request<T>({ method, path, query, body, localized, check, options: call = {} }: Call<T>) {
    const url = root + path + toQuery({ ...query, locale: localized ? (call.locale ?? options.locale) : undefined });
    const info = { method, url };
    const timer = new AbortController();
    // setTimeout fires at once for delays past 2^31-1 ms: treat those (and Infinity) as "no limit".
    const timeout = timeoutMs > 0 && timeoutMs < 2 ** 31 ? setTimeout(() => timer.abort(), timeoutMs) : undefined;
    const signal = call.signal ? anySignal([call.signal, timer.signal]) : timer.signal;
    const cached = method === 'GET' ? cache.get(url) : undefined;

    const decode = (text: string, status: number): T => decodeBody(text, status, check, info);

    const send = async (): Promise<Response | NetworkError> => {
      const fetch = options.fetch ?? globalThis.fetch;
      try {
        return await fetch(url, {
          method,
          signal,
          headers: {
            accept: 'application/json',
            ...options.headers,
            ...secretHeaders,
            ...(body !== undefined && { 'content-type': 'application/json' }),
            ...(!page && cached?.etag && { 'if-none-match': cached.etag }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          ...(page && { credentials: 'omit' }),
        });
      } catch (e) {
        if (signal.aborted) throw e;
        return new NetworkError(info, e);
      }
    };

    const attempt = async (n: number): Promise<T> => {
      const response = await send();
      let wait = backoffDelay(n, baseDelayMs, maxDelayMs);
      let error: DirectoryError;
      if (response instanceof NetworkError) error = response;
      else {
        if (response.status === 304 && cached) return decode(cached.text, 304);
        const text = await response.text();
        if (response.ok) {
          const value = decode(text, response.status);
          if (method === 'GET') cache.set(url, { etag: response.headers.get('etag'), text });
          return value;
        }
        error = httpErrorFrom(response, text, info);
        if (isRateLimitError(error) && error.retryAfter !== undefined) wait = error.retryAfter * 1000;
      }
      if (method !== 'GET' || n >= retries || !isRetryable(error) || wait > maxDelayMs) throw error;
      await sleep(wait, signal);
      return attempt(n + 1);
    };

    try {
      return await attempt(0);
    } catch (e) {
      if (call.signal?.aborted) throw call.signal.reason;
      const error = isDirectoryError(e) ? e : timer.signal.aborted ? new TimeoutError(info, timeoutMs) : new NetworkError(info, e);
      if (cached && staleIfError && canServeStale(error)) {
        const event = { url, error };
        onStale?.(event);
        call.onStale?.(event);
        return decode(cached.text, 200);
      }
      throw error;
    } finally {
      clearTimeout(timeout);
    }
  };
}
