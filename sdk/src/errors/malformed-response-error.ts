import { DirectoryError, type RequestTarget } from './directory-error.js';

/**
 * A 2xx answer that is not the JSON shape the SDK relies on (e.g. an HTML page from a proxy,
 * or a server speaking another version of the contract). `status` is the HTTP status received.
 *
 * @example
 * ```ts
 * if (isMalformedResponseError(e)) reportBug(e.message);
 * ```
 */
export class MalformedResponseError extends DirectoryError {
  override name: 'MalformedResponseError' = 'MalformedResponseError';
  /** HTTP status of the response. */
  declare readonly status: number;

  /**
   * @param problem - what was wrong, e.g. `data[2].slug is not a string`.
   */
  constructor(problem: string, status: number, request: RequestTarget, cause?: unknown) {
    super(`Malformed response: ${problem}`, request, cause);
    this.status = status;
  }
}
