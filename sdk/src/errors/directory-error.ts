/** Where an error happened: the request it belongs to. Never holds headers (they may hold a token). */
export interface RequestTarget {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** The request URL, with its query string. */
  url: string;
}

/**
 * Base class of every error the SDK throws about a request (aborts excepted: those stay the
 * caller's `AbortError`). Catch this to handle any SDK failure; use the `is…Error` guards
 * rather than `instanceof` when several copies of the SDK may be bundled.
 *
 * @example
 * ```ts
 * try { await client.settings(); }
 * catch (e) { if (isDirectoryError(e)) console.warn(e.method, e.url, e.message); }
 * ```
 */
/** The `name` of every error class of the SDK: what the `is…Error` guards compare. */
export type DirectoryErrorName = 'DirectoryError' | HttpErrorName | 'NetworkError' | 'TimeoutError' | 'MalformedResponseError';

/** The `name` of `HttpError` and its subclasses. */
export type HttpErrorName = 'HttpError' | 'NotFoundError' | 'ValidationError' | 'RateLimitError';

export class DirectoryError extends Error {
  override name: DirectoryErrorName = 'DirectoryError';
  /**
   * The underlying error (what `fetch` threw, or the parse error), when there is one. Declared
   * here so that it is typed even where the TypeScript `lib` predates ES2022.
   */
  declare readonly cause?: unknown;
  /** HTTP method of the failed request. */
  declare readonly method: string;
  /** URL of the failed request (the API token is never part of it). */
  declare readonly url: string;

  /**
   * @param message - what went wrong; the method and URL are appended.
   * @param request - the request it belongs to.
   * @param cause - the underlying error, if any.
   */
  constructor(message: string, request: RequestTarget, cause?: unknown) {
    super(`${message} (${request.method} ${request.url})`, cause === undefined ? undefined : { cause });
    this.method = request.method;
    this.url = request.url;
  }
}
