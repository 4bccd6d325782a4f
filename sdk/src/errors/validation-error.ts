import type { ErrorBody, ErrorDetail } from '../types.js';
import type { RequestTarget } from './directory-error.js';
import { HttpError } from './http-error.js';

/**
 * 400: the server rejected a query or a form. `details` lists each problem by field path,
 * ready to show beside form fields.
 *
 * @example
 * ```ts
 * catch (e) {
 *   if (isValidationError(e)) for (const d of e.details) form.setError(d.path, d.message);
 * }
 * ```
 */
export class ValidationError extends HttpError {
  override name: 'ValidationError' = 'ValidationError';
  /** One entry per invalid field (`path` is a query key or a body field path); may be empty. */
  declare readonly details: ErrorDetail[];

  constructor(status: number, request: RequestTarget, body?: ErrorBody, statusText?: string) {
    super(status, request, body, statusText);
    this.details = body?.error.details ?? [];
  }
}
