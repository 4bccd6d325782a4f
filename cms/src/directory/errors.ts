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

  /** Answers with this error: its status and headers, never cached, the one error body. */
  respond(ctx: { status: number; body: unknown; set(field: string, value: string): void }): void {
    ctx.status = this.status;
    for (const [k, v] of Object.entries(this.headers)) ctx.set(k, v);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = this.toBody();
  }
}

export const validationError = (details: ErrorDetail[], message = 'Invalid request') =>
  new DirectoryHttpError(400, 'ValidationError', message, details);

export const notFound = () => new DirectoryHttpError(404, 'NotFoundError', 'Not found');

/** 503 with a hint to retry: the database (or the whole instance, while it shuts down) is unavailable. */
export const unavailable = (message = 'The directory is temporarily unavailable') =>
  new DirectoryHttpError(503, 'ServiceUnavailableError', message, [], { 'Retry-After': '5' });

/**
 * Whether an error means the database cannot be reached (refused, reset, timed out, shutting
 * down, or SQLite locked), as opposed to a bug or bad input. Such requests answer 503, not 500.
 */
const DB_DOWN =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|Connection terminated|Knex: Timeout acquiring|not queryable|socket has been ended|SQLITE_BUSY|the database system is (starting|shutting|in recovery)|terminating connection/i;
const PG_CONNECTION_CODES = /^(08\d\d\d|57P0[1-3])$/;

export function isDatabaseDown(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === 'string' && PG_CONNECTION_CODES.test(e.code)) return true;
  return DB_DOWN.test(`${String(e?.code ?? '')} ${String(e?.message ?? '')}`);
}
