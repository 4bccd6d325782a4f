import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DirectoryError } from './directory-error.js';
import {
  isDirectoryError,
  isHttpError,
  isMalformedResponseError,
  isNetworkError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
} from './guards.js';
import { HttpError } from './http-error.js';
import { MalformedResponseError } from './malformed-response-error.js';
import { NetworkError } from './network-error.js';
import { NotFoundError } from './not-found-error.js';
import { RateLimitError } from './rate-limit-error.js';
import { TimeoutError } from './timeout-error.js';
import { ValidationError } from './validation-error.js';

const request = { method: 'GET', url: 'https://directory.test/api/directory/organizations?province=QC' };
const body = (name: string, message: string) => ({
  error: { status: 400, name, message, details: [{ path: 'province', message: 'unknown province' }] },
});

describe('DirectoryError', () => {
  test('names the request method and URL in its message and properties', () => {
    const error = new DirectoryError('Something broke', request);
    assert.equal(error.message, `Something broke (GET ${request.url})`);
    assert.equal(error.method, 'GET');
    assert.equal(error.url, request.url);
    assert.equal(error.name, 'DirectoryError');
    assert.ok(error instanceof Error);
  });

  test('keeps the underlying error as cause, and has no cause when none is given', () => {
    const cause = new TypeError('fetch failed');
    assert.equal(new DirectoryError('x', request, cause).cause, cause);
    assert.equal('cause' in new DirectoryError('x', request), false);
  });
});

describe('HttpError', () => {
  test('carries status and parsed body, and uses the server message', () => {
    const error = new HttpError(503, request, {
      error: { status: 503, name: 'ServiceUnavailableError', message: 'Database unavailable', details: [] },
    });
    assert.equal(error.status, 503);
    assert.equal(error.body?.error.name, 'ServiceUnavailableError');
    assert.equal(error.message, `503 Database unavailable (GET ${request.url})`);
    assert.ok(error instanceof DirectoryError);
  });

  test('falls back to the status text when there is no error body', () => {
    const error = new HttpError(502, request, undefined, 'Bad Gateway');
    assert.equal(error.body, undefined);
    assert.equal(error.message, `502 Bad Gateway (GET ${request.url})`);
  });
});

describe('NotFoundError', () => {
  test('is an HttpError named NotFoundError', () => {
    const error = new NotFoundError(404, request, undefined, 'Not Found');
    assert.equal(error.name, 'NotFoundError');
    assert.equal(error.status, 404);
    assert.ok(error instanceof HttpError);
  });
});

describe('ValidationError', () => {
  test('exposes the details of the error body', () => {
    const error = new ValidationError(400, request, body('ValidationError', 'Invalid query'));
    assert.deepEqual(error.details, [{ path: 'province', message: 'unknown province' }]);
    assert.match(error.message, /^400 Invalid query \(GET /);
    assert.ok(error instanceof HttpError);
  });

  test('has empty details when the body is missing', () => {
    assert.deepEqual(new ValidationError(400, request).details, []);
  });
});

describe('RateLimitError', () => {
  test('carries retryAfter in seconds', () => {
    const error = new RateLimitError(429, request, undefined, 'Too Many Requests', 30);
    assert.equal(error.retryAfter, 30);
    assert.equal(error.status, 429);
    assert.ok(error instanceof HttpError);
  });
});

describe('NetworkError', () => {
  test('wraps what fetch threw', () => {
    const cause = new TypeError('fetch failed');
    const error = new NetworkError(request, cause);
    assert.equal(error.cause, cause);
    assert.equal(error.message, `Network error: fetch failed (GET ${request.url})`);
  });
});

describe('TimeoutError', () => {
  test('says how long it waited', () => {
    const error = new TimeoutError(request, 10_000);
    assert.equal(error.timeoutMs, 10_000);
    assert.equal(error.message, `Timed out after 10000 ms (GET ${request.url})`);
  });
});

describe('MalformedResponseError', () => {
  test('describes the problem and keeps the status', () => {
    const error = new MalformedResponseError('data[0].slug is not a string', 200, request);
    assert.equal(error.status, 200);
    assert.match(error.message, /^Malformed response: data\[0\]\.slug is not a string \(GET /);
  });
});

describe('type guards', () => {
  const cases = [
    [new DirectoryError('x', request), ['isDirectoryError']],
    [new HttpError(500, request), ['isDirectoryError', 'isHttpError']],
    [new NotFoundError(404, request), ['isDirectoryError', 'isHttpError', 'isNotFoundError']],
    [new ValidationError(400, request), ['isDirectoryError', 'isHttpError', 'isValidationError']],
    [new RateLimitError(429, request), ['isDirectoryError', 'isHttpError', 'isRateLimitError']],
    [new NetworkError(request), ['isDirectoryError', 'isNetworkError']],
    [new TimeoutError(request, 1), ['isDirectoryError', 'isTimeoutError']],
    [new MalformedResponseError('x', 200, request), ['isDirectoryError', 'isMalformedResponseError']],
  ] as const;
  const guards = {
    isDirectoryError,
    isHttpError,
    isNotFoundError,
    isValidationError,
    isRateLimitError,
    isNetworkError,
    isTimeoutError,
    isMalformedResponseError,
  };

  for (const [error, expected] of cases) {
    test(`recognise a ${error.name} exactly by the guards of its class and its ancestors`, () => {
      for (const [name, guard] of Object.entries(guards)) {
        assert.equal(guard(error), (expected as readonly string[]).includes(name), name);
      }
    });
  }

  test('recognise one HTTP status, such as 401 or 403 from the internal API, when given it', () => {
    const unauthorized: unknown = new HttpError(401, request);
    assert.ok(isHttpError(unauthorized, 401));
    assert.equal(isHttpError(unauthorized, 403), false);
    assert.equal(isHttpError(new NetworkError(request), 401), false);
    if (isHttpError(unauthorized, 401)) {
      const status: 401 = unauthorized.status; // narrowed to the literal
      assert.equal(status, 401);
    }
  });

  test('recognise an error of another copy of the SDK by its name', () => {
    class ForeignNotFound extends Error {
      override name = 'NotFoundError';
      url = request.url;
      method = 'GET';
      status = 404;
    }
    const foreign = new ForeignNotFound('gone');
    assert.ok(isNotFoundError(foreign));
    assert.ok(isHttpError(foreign));
    assert.ok(isDirectoryError(foreign));
  });

  test('do not mistake a platform TimeoutError or AbortError for an SDK error', () => {
    const domTimeout = new DOMException('timed out', 'TimeoutError');
    const abort = new DOMException('aborted', 'AbortError');
    assert.equal(isTimeoutError(domTimeout), false);
    assert.equal(isDirectoryError(abort), false);
    assert.equal(isDirectoryError({ name: 'NotFoundError', url: 'x' }), false);
    assert.equal(isDirectoryError(undefined), false);
  });
});
