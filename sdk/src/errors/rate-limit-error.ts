import type { ErrorBody } from '../types.js';
import type { RequestTarget } from './directory-error.js';
import { HttpError } from './http-error.js';

/**
 * 429: too many requests. GETs are retried first when the server's `Retry-After` fits within
 * `retry.maxDelayMs`; this is thrown when it does not, when retries run out, or for a POST.
 *
 * @example
 * ```ts
 * if (isRateLimitError(e)) setTimeout(retry, (e.retryAfter ?? 30) * 1000);
 * ```
 */
export class RateLimitError extends HttpError {
  override name: 'RateLimitError' = 'RateLimitError';
  /** Seconds to wait before trying again, from the `Retry-After` header; `undefined` if absent. */
  declare readonly retryAfter: number | undefined;

  constructor(status: number, request: RequestTarget, body?: ErrorBody, statusText?: string, retryAfter?: number) {
    super(status, request, body, statusText);
    this.retryAfter = retryAfter;
  }
}
