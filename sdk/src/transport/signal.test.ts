import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anySignal, sleep } from './signal.js';

/** Run `fn` as on a runtime without `AbortSignal.any` (Node < 20.3, older browsers). */
function withoutAbortSignalAny(fn: () => void): void {
  const original = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
  Object.defineProperty(AbortSignal, 'any', { value: undefined, configurable: true });
  try {
    fn();
  } finally {
    if (original) Object.defineProperty(AbortSignal, 'any', original);
  }
}

describe('anySignal', () => {
  test('aborts with the reason of whichever input aborts', () => {
    const a = new AbortController();
    const b = new AbortController();
    const combined = anySignal([a.signal, b.signal]);
    b.abort('second');
    assert.equal(combined.aborted, true);
    assert.equal(combined.reason, 'second');
  });

  test('falls back to listeners where AbortSignal.any is missing', () =>
    withoutAbortSignalAny(() => {
      assert.equal(typeof AbortSignal.any, 'undefined');
      const a = new AbortController();
      const b = new AbortController();
      const combined = anySignal([a.signal, b.signal]);
      assert.equal(combined.aborted, false);
      a.abort('first');
      assert.equal(combined.reason, 'first');
    }));

  test('falls back to an aborted signal when an input already aborted', () =>
    withoutAbortSignalAny(() => {
      const combined = anySignal([AbortSignal.abort('done'), new AbortController().signal]);
      assert.equal(combined.aborted, true);
      assert.equal(combined.reason, 'done');
    }));
});

describe('sleep', () => {
  test('resolves after the wait', async () => {
    await sleep(1, new AbortController().signal);
  });

  test('rejects with the reason as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const pending = sleep(60_000, controller.signal);
    controller.abort('stop');
    await assert.rejects(pending, (e) => e === 'stop');
  });

  test('rejects at once on an already aborted signal', async () => {
    await assert.rejects(sleep(60_000, AbortSignal.abort('early')), (e) => e === 'early');
  });
});
