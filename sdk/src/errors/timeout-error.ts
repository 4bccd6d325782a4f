import { DirectoryError, type RequestTarget } from './directory-error.js';

/**
 * The call took longer than `timeoutMs` (retries and backoff included). Distinct from an abort:
 * when the caller's own `signal` aborts, its `AbortError` (or reason) is rethrown instead.
 *
 * @example
 * ```ts
 * if (isTimeoutError(e)) console.warn(`gave up after ${e.timeoutMs} ms`);
 * ```
 */
export class TimeoutError extends DirectoryError {
  override name: 'TimeoutError' = 'TimeoutError';
  /** The time limit that was exceeded, in milliseconds. */
  declare readonly timeoutMs: number;

  constructor(request: RequestTarget, timeoutMs: number) {
    super(`Timed out after ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }
}
