import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, parseRetryAfter } from './backoff.js';

describe('backoffDelay', () => {
  test('draws uniformly below base * 2^attempt (full jitter)', () => {
    assert.equal(backoffDelay(0, 300, 5000, () => 0), 0);
    assert.equal(backoffDelay(0, 300, 5000, () => 0.5), 150);
    assert.equal(backoffDelay(1, 300, 5000, () => 0.5), 300);
    assert.equal(backoffDelay(3, 300, 5000, () => 0.5), 1200);
  });

  test('never exceeds maxDelayMs however many attempts', () => {
    assert.equal(backoffDelay(10, 300, 5000, () => 0.999), 4995);
    assert.ok(backoffDelay(50, 300, 5000) < 5000);
  });
});

describe('parseRetryAfter', () => {
  test('reads delta-seconds', () => {
    assert.equal(parseRetryAfter('120'), 120);
    assert.equal(parseRetryAfter('0'), 0);
  });

  test('reads an HTTP date as seconds from now, rounded up', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Wed, 01 Jan 2025 00:00:00 GMT', now + 5000), 0);
  });

  test('is undefined when absent or unreadable', () => {
    assert.equal(parseRetryAfter(null), undefined);
    assert.equal(parseRetryAfter(''), undefined);
    assert.equal(parseRetryAfter('soon'), undefined);
  });

  test('never returns a negative wait', () => {
    assert.equal(parseRetryAfter('-5'), 0);
  });
});
