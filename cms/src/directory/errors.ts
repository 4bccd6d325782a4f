/** The one error body of the directory APIs: `{ error: { status, name, message, details: [{ path, message }] } }`. */
import type { ErrorBody, ErrorDetail } from '@referral-directory/sdk';

export class DirectoryHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return { error: { status: this.status, name: this.errorName, message: this.message, details: this.details } };
  }
}

export const validationError = (details: ErrorDetail[], message = 'Invalid request') =>
  new DirectoryHttpError(400, 'ValidationError', message, details);

export const notFound = () => new DirectoryHttpError(404, 'NotFoundError', 'Not found');
