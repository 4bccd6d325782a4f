import { DirectoryError, type RequestTarget } from './directory-error.js';

/**
 * No HTTP answer at all: DNS, TCP, TLS or CORS failure, or the connection dropped.
 * `cause` holds what `fetch` threw.
 *
 * @example
 * ```ts
 * if (isNetworkError(e)) showOfflineNotice();
 * ```
 */
export class NetworkError extends DirectoryError {
  override name = 'NetworkError';

  constructor(request: RequestTarget, cause?: unknown) {
    super('Network error', request, cause);
  }
}
