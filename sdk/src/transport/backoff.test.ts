import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, parseRetryAfter } from './backoff.js';

describe('backoffDelay', () => {
  test('draws uniformly below base * 2^attempt (full jitter)', () => {
    assert.equal(
      backoffDelay(0, 300, 5000, () => 0),
      0,
    );
    assert.equal(
      backoffDelay(0, 300, 5000, () => 0.5),
      150,
    );
    assert.equal(
      backoffDelay(1, 300, 5000, () => 0.5),
      300,
    );
    assert.equal(
      backoffDelay(3, 300, 5000, () => 0.5),
      1200,
    );
  });

  test('never exceeds maxDelayMs however many attempts', () => {
    assert.equal(
      backoffDelay(10, 300, 5000, () => 0.999),
      4995,
    );
    assert.ok(backoffDelay(50, 300, 5000) < 5000);
  });
});

describe('parseRetryAfter', () => {
  test('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('120'), 120);
    assert.equal(parseRetryAfter('0'), 0);
  });

  test('is undefined when absent or unreadable', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(''), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
    // the HTTP-date form is not read (the API sends seconds): no retry rather than a wrong wait
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT'), undefined);
  });

  test('never returns a negative wait', () => {
    assert.equal(parseRetryAfter('-5'), 0);
  });
});
