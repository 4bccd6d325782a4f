/**
 * The best k of a list by score, without sorting all of it: a search that matches 90,000 records
 * only ever shows a page of them, so ranking is O(n log k) instead of O(n log n).
 */

/**
 * The first `k` of `items` by descending `score[item]`, ties by ascending `rank[item]` (the name
 * order, so `items` may come in any order); sorted.
 */
export function topK(items: ArrayLike<number>, score: ArrayLike<number>, rank: ArrayLike<number>, k: number): number[] {
  const n = items.length;
  const better = (a: number, b: number) => score[a]! > score[b]! || (score[a] === score[b] && rank[a]! < rank[b]!);
  const order = (a: number, b: number) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (k <= 0) return [];
  if (k * 4 >= n) return Array.from(items).sort(order).slice(0, k);
  // A heap whose root is the worst of the best k seen so far.
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
    const item = items[p]!;
    if (heap.length < k) {
      heap.push(item);
      up(heap.length - 1);
      continue;
    }
    // One comparison of numbers rejects most items without a call.
    if (score[item]! < score[heap[0]!]! || !better(item, heap[0]!)) continue;
    heap[0] = item;
    down(0);
  }
  return heap.sort(order);
}
