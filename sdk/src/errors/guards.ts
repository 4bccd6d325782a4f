// Guards compare `name` (plus the `url` every SDK error carries) rather than relying on
// `instanceof` alone: two copies of the SDK in one page (a widget bundle and the host's own)
// have distinct classes, and a DOMException named `TimeoutError` has no `url`.
import type { DirectoryError } from './directory-error.js';
import type { HttpError } from './http-error.js';
import type { MalformedResponseError } from './malformed-response-error.js';
import type { NetworkError } from './network-error.js';
import type { NotFoundError } from './not-found-error.js';
import type { RateLimitError } from './rate-limit-error.js';
import type { TimeoutError } from './timeout-error.js';
import type { ValidationError } from './validation-error.js';

const HTTP = ['HttpError', 'NotFoundError', 'ValidationError', 'RateLimitError'];

const guard =
  <T extends DirectoryError>(names: string[]) =>
  (error: unknown): error is T =>
    error instanceof Error && names.includes(error.name) && 'url' in error && typeof error.url === 'string';

/**
 * True for any error thrown by the SDK about a request.
 * @example
 * ```ts
 * if (isDirectoryError(e)) console.warn(e.method, e.url);
 * ```
 */
export const isDirectoryError = guard<DirectoryError>([
  'DirectoryError',
  'NetworkError',
  'TimeoutError',
  'MalformedResponseError',
  ...HTTP,
]);
const anyHttpError = guard<HttpError>(HTTP);

/**
 * True for an error status from the server (including 400, 404, 429); with `status`, for that
 * status only (e.g. 401 or 403 from the internal API: a wrong token, or one without the permission).
 * @example
 * ```ts
 * if (isHttpError(e) && e.status >= 500) showServiceDown();
 * if (isHttpError(e, 401)) console.error('Check DIRECTORY_API_TOKEN');
 * ```
 */
export function isHttpError(error: unknown): error is HttpError;
export function isHttpError<S extends number>(error: unknown, status: S): error is HttpError & { status: S };
export function isHttpError(error: unknown, status?: number): boolean {
  return anyHttpError(error) && (status === undefined || error.status === status);
}
/**
 * True for a 404: the record does not exist or is no longer public.
 * @example
 * ```ts
 * if (isNotFoundError(e)) return showGone();
 * ```
 */
export const isNotFoundError = guard<NotFoundError>(['NotFoundError']);
/**
 * True for a 400 with field `details`.
 * @example
 * ```ts
 * if (isValidationError(e)) e.details.forEach((d) => form.setError(d.path, d.message));
 * ```
 */
export const isValidationError = guard<ValidationError>(['ValidationError']);
/**
 * True for a 429 (see `retryAfter`).
 * @example
 * ```ts
 * if (isRateLimitError(e)) retryIn(e.retryAfter ?? 30);
 * ```
 */
export const isRateLimitError = guard<RateLimitError>(['RateLimitError']);
/**
 * True when no HTTP answer arrived (offline, DNS, CORS, connection reset).
 * @example
 * ```ts
 * if (isNetworkError(e)) showOfflineNotice();
 * ```
 */
export const isNetworkError = guard<NetworkError>(['NetworkError']);
/**
 * True when the call exceeded `timeoutMs`; not true for the caller's own abort.
 * @example
 * ```ts
 * if (isTimeoutError(e)) showSlowNotice();
 * ```
 */
export const isTimeoutError = guard<TimeoutError>(['TimeoutError']);
/**
 * True for a 2xx answer of an unexpected shape.
 * @example
 * ```ts
 * if (isMalformedResponseError(e)) reportBug(e.message);
 * ```
 */
export const isMalformedResponseError = guard<MalformedResponseError>(['MalformedResponseError']);
