/**
 * The best k of a list by score, without sorting all of it: a search that matches 90,000 records
 * only ever shows a page of them, so ranking is O(n log k) instead of O(n log n).
 */

/** The first `k` of `items` by descending `score[item]`, ties kept in the order of `items`; sorted. */
export function topK(items: ArrayLike<number>, score: ArrayLike<number>, k: number): number[] {
  const n = items.length;
  const better = (a: number, b: number) => score[items[a]!]! > score[items[b]!]! || (score[items[a]!] === score[items[b]!] && a < b);
  if (k <= 0) return [];
  if (k * 4 >= n) {
    return Array.from({ length: n }, (_, p) => p)
      .sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
      .slice(0, k)
      .map((p) => items[p]!);
  }
  // A heap of positions whose root is the worst of the best k seen so far.
  const heap: number[] = [];
  const up = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!better(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && better(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && better(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  };
  for (let p = 0; p < n; p++) {
    if (heap.length < k) {
      heap.push(p);
      up(heap.length - 1);
      continue;
    }
    // A later item displaces the worst kept only with a strictly higher score (ties keep the earlier):
    // one comparison of numbers rejects most items without a call.
    if (score[items[p]!]! <= score[items[heap[0]!]!]!) continue;
    heap[0] = p;
    down(0);
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : 1)).map((p) => items[p]!);
}
