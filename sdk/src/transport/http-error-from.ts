import type { RequestTarget } from '../errors/directory-error.js';
import { HttpError } from '../errors/http-error.js';
import { NotFoundError } from '../errors/not-found-error.js';
import { RateLimitError } from '../errors/rate-limit-error.js';
import { ValidationError } from '../errors/validation-error.js';
import type { ErrorBody } from '../types.js';
import { parseRetryAfter } from './backoff.js';
import { isObject } from './validate.js';

/**
 * Parse an error body leniently: our endpoints send `details` as an array, but Strapi's stock
 * errors (from a proxy or a policy) send `details: {}`; both yield a usable `ErrorBody`.
 */
export function parseErrorBody(status: number, text: string): ErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = isObject(parsed) ? parsed.error : undefined;
  if (!isObject(error) || typeof error.message !== 'string') return undefined;
  return {
    error: {
      status: typeof error.status === 'number' ? error.status : status,
      name: String(error.name ?? ''),
      message: error.message,
      details: Array.isArray(error.details) ? error.details : [],
    },
  };
}

/** The error class that fits an HTTP error response. */
export function httpErrorFrom(response: Response, text: string, request: RequestTarget): HttpError {
  const { status, statusText } = response;
  const body = parseErrorBody(status, text);
  if (status === 429) {
    return new RateLimitError(status, request, body, statusText, parseRetryAfter(response.headers.get('retry-after')));
  }
  const ErrorClass = status === 404 ? NotFoundError : status === 400 || status === 422 ? ValidationError : HttpError;
  return new ErrorClass(status, request, body, statusText);
}
