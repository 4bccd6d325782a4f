import { DirectoryError, type RequestTarget } from './directory-error.js';

/**
 * `: fetch failed: connect ECONNREFUSED 127.0.0.1:80`: what went wrong, from the outermost error
 * to the root cause. Node's `fetch` keeps the real reason (`ECONNREFUSED`, `Invalid URL`) in
 * `cause`, where nobody reading a log line would look.
 */
function reason(error: unknown): string {
  let text = '';
  for (let e = error; e instanceof Error; e = e.cause) text += `: ${e.message || ('code' in e ? e.code : e.name)}`;
  return text;
}

/**
 * No HTTP answer at all: DNS, TCP, TLS or CORS failure, or the connection dropped.
 * The message names the reason (e.g. `Network error: fetch failed: connect ECONNREFUSED
 * 127.0.0.1:80`); `cause` holds what `fetch` threw.
 *
 * @example
 * ```ts
 * if (isNetworkError(e)) showOfflineNotice();
 * ```
 */
export class NetworkError extends DirectoryError {
  override name: 'NetworkError' = 'NetworkError';
  /** What `fetch` threw. */
  declare readonly cause: unknown;

  constructor(request: RequestTarget, cause?: unknown) {
    super(`Network error${reason(cause)}`, request, cause);
  }
}
