import { HttpError } from './http-error.js';

/**
 * 404: the record does not exist or is not public (any more). Never served from the stale cache:
 * a listing removed from the directory must disappear at once.
 *
 * @example
 * ```ts
 * try { await client.organizations.get(slug); }
 * catch (e) { if (isNotFoundError(e)) return showGone(); throw e; }
 * ```
 */
export class NotFoundError extends HttpError {
  override name: 'NotFoundError' = 'NotFoundError';
}
