/**
 * The edge of the public directory API (/api/directory/*), ahead of Strapi's own middlewares:
 * CORS `*` without credentials (preflights answered here), a body size cap and a per-client
 * rate limit on the forms before any parsing, and one stable error body for every failure,
 * including Strapi's own 404/405 and body-parser errors. Never a stack trace. Every answer, errors
 * made here included, carries the same security headers; a method a path does not take is a 405
 * naming the ones it does (`Allow`); a path that is not valid percent-encoding is a plain 404.
 *
 * The public reads (list, detail, facets, settings) are answered right here, from the in-memory
 * catalog: they need no body parsing, session, routing or policy, and skipping that machinery is
 * most of their cost (see `npm run bench -w cms`); src/directory/reads.ts holds them. The forms and
 * health go through Strapi's router (routes/01-custom-directory.ts).
 *
 * While the database is away the reads keep answering from memory; the forms and the staff API,
 * which need it, answer 503 at once (docs/operations.md).
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { DirectoryHttpError, isDatabaseDown, notFound, unavailable } from '../directory/errors';
import { projectionOf } from '../directory/services';
import { RateLimiter } from '../directory/rate-limit';
import { publicReads, type ReadHandler } from '../directory/reads';

const PREFIX = '/api/directory/';
/** The Open Referral HSDS API (src/api/hsds): public and read-only, same edge. */
const HSDS_PREFIX = '/api/hsds';
const INTERNAL_PREFIX = '/api/internal/';
const FORM_PATHS = new Set(['/api/directory/applications', '/api/directory/suggestions']);
/** Headers Strapi's security middleware would set, fit for a JSON API read from any origin. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

/** The path decoded, or null when it is not valid percent-encoding (`%ZZ`, a lone `%`, bad UTF-8). */
export function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The public read a GET path names, with its slug when it has one (a path that does not decode names none). */
export function readRoute(path: string): { handler: ReadHandler; slug?: string } | null {
  switch (path) {
    case '/api/directory/organizations':
      return { handler: 'listOrganizations' };
    case '/api/directory/facets':
      return { handler: 'facets' };
    case '/api/directory/settings':
      return { handler: 'settings' };
    default: {
      const m = /^\/api\/directory\/organizations\/([^/]+)$/.exec(path);
      const slug = m ? decodePath(m[1]!) : null;
      return slug === null ? null : { handler: 'getOrganization', slug };
    }
  }
}

/** The methods a public path takes: the forms are posted, everything else is read. */
export const allowedMethods = (path: string): readonly string[] =>
  FORM_PATHS.has(path) ? ['POST', 'OPTIONS'] : ['GET', 'HEAD', 'OPTIONS'];

const methodNotAllowed = (allow: readonly string[]) =>
  new DirectoryHttpError(405, 'MethodNotAllowedError', 'Method not allowed', [], { Allow: allow.join(', ') });

const fail = (ctx: Context, error: DirectoryHttpError) => error.respond(ctx);
const secure = (ctx: Context) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) ctx.set(k, v);
};

/** The staff API: token required (401 without one), never cached, never CORS *; same error body. */
async function internalEdge(strapi: Core.Strapi, ctx: Context, next: Next): Promise<void> {
  ctx.set('Cache-Control', 'private, no-store');
  try {
    if (!/^Bearer\s+\S+/i.test(ctx.get('Authorization'))) {
      throw new DirectoryHttpError(401, 'UnauthorizedError', 'An API token is required', [], { 'WWW-Authenticate': 'Bearer' });
    }
    // Checking the token needs the database: while it is known to be away, answer at once.
    if (!projectionOf(strapi).databaseReachable()) throw unavailable();
    await next();
    const names: Record<number, [string, string]> = {
      401: ['UnauthorizedError', 'The API token is not valid'],
      403: ['ForbiddenError', 'The API token does not grant this'],
      404: ['NotFoundError', 'Not found'],
      405: ['MethodNotAllowedError', 'Method not allowed'],
    };
    const known = names[ctx.status];
    if (known && !isDirectoryBody(ctx.body)) {
      fail(ctx, ctx.status === 405 ? methodNotAllowed(['GET', 'HEAD']) : new DirectoryHttpError(ctx.status, known[0], known[1]));
    }
  } catch (error: unknown) {
    if (error instanceof DirectoryHttpError) return fail(ctx, error);
    if (isDatabaseDown(error)) return fail(ctx, unavailable());
    strapi.log.error(`internal: ${ctx.method} ${ctx.path} failed: ${(error as Error)?.message ?? String(error)}`);
    return fail(ctx, new DirectoryHttpError(500, 'InternalServerError', 'Something went wrong'));
  } finally {
    ctx.set('Cache-Control', 'private, no-store');
    secure(ctx);
    // Staff data is for the hotline's own tools, never to be embedded by another site.
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
  }
}

/**
 * The checks a form passes before any parsing: the client's rate, a JSON body of a declared length
 * within the cap, and a database to store it in. Throws the error to answer.
 */
function admitForm(strapi: Core.Strapi, ctx: Context, limiter: RateLimiter, maxBodyBytes: number): void {
  const retryAfter = limiter.hit(ctx.request.ip);
  if (retryAfter > 0) {
    throw new DirectoryHttpError(429, 'RateLimitError', 'Too many submissions; try again later', [], {
      'Retry-After': String(retryAfter),
    });
  }
  if (!ctx.is('application/json')) {
    throw new DirectoryHttpError(415, 'UnsupportedMediaTypeError', 'Send the form as application/json', [
      { path: 'Content-Type', message: 'must be application/json' },
    ]);
  }
  const length = ctx.request.length;
  if (length === undefined) throw new DirectoryHttpError(411, 'LengthRequiredError', 'Content-Length is required');
  if (length > maxBodyBytes) {
    throw new DirectoryHttpError(413, 'PayloadTooLargeError', `The body must be at most ${maxBodyBytes} bytes`, [
      { path: 'body', message: `must be at most ${maxBodyBytes} bytes` },
    ]);
  }
  // A form is stored in the database: while it is known to be away, answer at once (the
  // reads keep being served from memory).
  if (!projectionOf(strapi).databaseReachable()) throw unavailable();
}

/** A 400/413/415 thrown by Strapi's body parser or router, in the directory's error body; null for other errors. */
function requestRefusal(ctx: Context, error: unknown): DirectoryHttpError | null {
  const status = (error as { status?: number; statusCode?: number })?.status ?? (error as { statusCode?: number })?.statusCode;
  if ((status === 400 || status === 413 || status === 415) && ctx.method === 'POST') {
    // Body parser refusals (malformed JSON, too large).
    return new DirectoryHttpError(
      status,
      status === 400 ? 'ValidationError' : status === 413 ? 'PayloadTooLargeError' : 'UnsupportedMediaTypeError',
      status === 400 ? 'The body is not valid JSON' : 'The body was refused',
      [{ path: 'body', message: status === 400 ? 'must be valid JSON' : 'was refused' }],
    );
  }
  return status === 400 ? new DirectoryHttpError(400, 'ValidationError', 'Bad request') : null;
}

export interface DirectoryEdgeConfig {
  maxBodyBytes?: number;
  formLimit?: number;
  formWindowMs?: number;
}

export default (config: DirectoryEdgeConfig, { strapi }: { strapi: Core.Strapi }) => {
  const maxBodyBytes = config.maxBodyBytes ?? Number(process.env.DIRECTORY_MAX_BODY_BYTES ?? 16 * 1024);
  const limiter = new RateLimiter(
    config.formLimit ?? Number(process.env.DIRECTORY_FORM_RATE_LIMIT ?? 10),
    config.formWindowMs ?? Number(process.env.DIRECTORY_FORM_RATE_WINDOW_MS ?? 15 * 60 * 1000),
  );

  const reads = publicReads(strapi);

  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith(INTERNAL_PREFIX)) return internalEdge(strapi, ctx, next);
    if (!ctx.path.startsWith(PREFIX) && ctx.path !== HSDS_PREFIX && !ctx.path.startsWith(`${HSDS_PREFIX}/`)) return next();

    ctx.set('Access-Control-Allow-Origin', '*');
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, OPTIONS');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type, If-None-Match');
      ctx.set('Access-Control-Max-Age', '86400');
      ctx.status = 204;
      secure(ctx);
      return;
    }

    try {
      // Not valid percent-encoding: no route can name it (Strapi's router would answer 400 or 500).
      if (decodePath(ctx.path) === null) throw notFound();
      const allow = allowedMethods(ctx.path);
      if (!allow.includes(ctx.method)) throw methodNotAllowed(allow);
      const read = ctx.method === 'GET' || ctx.method === 'HEAD' ? readRoute(ctx.path) : null;
      if (read) {
        ctx.params = read.slug === undefined ? {} : { slug: read.slug };
        await reads[read.handler](ctx);
        return;
      }
      if (ctx.method === 'POST' && FORM_PATHS.has(ctx.path)) admitForm(strapi, ctx, limiter, maxBodyBytes);
      await next();
      if (ctx.status === 404 && !isDirectoryBody(ctx.body)) fail(ctx, new DirectoryHttpError(404, 'NotFoundError', 'Not found'));
      else if (ctx.status === 405 && !isDirectoryBody(ctx.body)) fail(ctx, methodNotAllowed(allow));
    } catch (error: unknown) {
      if (error instanceof DirectoryHttpError) return fail(ctx, error);
      const refused = requestRefusal(ctx, error);
      if (refused) return fail(ctx, refused);
      if (isDatabaseDown(error)) {
        return fail(ctx, unavailable());
      }
      strapi.log.error(`directory: ${ctx.method} ${ctx.path} failed: ${(error as Error)?.message ?? String(error)}`);
      return fail(ctx, new DirectoryHttpError(500, 'InternalServerError', 'Something went wrong'));
    } finally {
      ctx.remove('Access-Control-Allow-Credentials');
      ctx.set('Access-Control-Allow-Origin', '*');
      ctx.set('Access-Control-Expose-Headers', 'ETag, Retry-After');
      // A body whose language was negotiated (HSDS: Accept-Language) says so with Content-Language.
      ctx.set('Vary', ctx.response.get('Content-Language') ? 'Accept-Encoding, Accept-Language' : 'Accept-Encoding');
      secure(ctx);
    }
  };
};

function isDirectoryBody(body: unknown): boolean {
  const e = (body as { error?: { details?: unknown }; data?: unknown } | null)?.error;
  return !!e && Array.isArray(e.details) && !('data' in (body as object));
}
