import type { ErrorBody } from '../types.js';
import { DirectoryError, type HttpErrorName, type RequestTarget } from './directory-error.js';

/**
 * The server answered with an error status (4xx/5xx) that no more specific class covers
 * (e.g. 500, 503). `body` holds the parsed {@link ErrorBody} when the server sent one.
 *
 * @example
 * ```ts
 * if (isHttpError(e) && e.status === 503) showOfflineNotice();
 * ```
 */
export class HttpError extends DirectoryError {
  override name: HttpErrorName = 'HttpError';
  /** HTTP status code, e.g. `503`. */
  declare readonly status: number;
  /** The parsed error body, or `undefined` when the body was not an {@link ErrorBody}. */
  declare readonly body: ErrorBody | undefined;

  /**
   * @param status - the HTTP status.
   * @param request - the request it belongs to.
   * @param body - the parsed error body, if any.
   * @param statusText - used in the message when there is no body.
   */
  constructor(status: number, request: RequestTarget, body?: ErrorBody, statusText = '') {
    super(`${status} ${body?.error.message ?? statusText}`.trim(), request);
    this.status = status;
    this.body = body;
  }
}
