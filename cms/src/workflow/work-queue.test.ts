import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayAfter, queueApiPath, queueListPath, workQueues } from './work-queue';

test("each queue is one filter: the widget's count and the list it opens ask the same", () => {
  const queues = workQueues('2027-01-02');
  assert.deepEqual(
    queues.map((q) => q.id),
    ['reviews-due', 'attention', 'applications', 'suggestions', 'protocols'],
  );
  for (const q of queues) {
    const api = new URL(queueApiPath(q, 3, 'fr'), 'http://x');
    const list = new URL(queueListPath(q, 'fr'), 'http://x');
    for (const [k, v] of Object.entries(q.filters)) {
      assert.equal(api.searchParams.get(k), v);
      assert.equal(list.searchParams.get(k), v);
    }
    assert.equal(api.searchParams.get('pageSize'), '3');
  }
  const reviews = new URL(queueApiPath(queues[0]!, 3, 'fr'), 'http://x');
  assert.equal(reviews.searchParams.get('filters[$and][0][nextReviewDue][$lte]'), '2027-01-02');
  assert.equal(reviews.searchParams.get('locale'), 'fr');
  assert.equal(new URL(queueListPath(queues[0]!, 'en'), 'http://x').searchParams.get('plugins[i18n][locale]'), 'en');
});

test('thirty days after the last day of the year is in the next year', () => {
  assert.equal(dayAfter('2026-12-03', 30), '2027-01-02');
});
