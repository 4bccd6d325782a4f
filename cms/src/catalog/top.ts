/**
 * The best k of a list by score, without sorting all of it: a search that matches 90,000 records
 * only ever shows a page of them, so ranking is O(n log k) instead of O(n log n).
 */

/** `items` by descending `key` (strings compared as such), ties in their order in `items`. */
export function descending(items: Uint32Array, key: (item: number) => string): Uint32Array {
  const keys = Array.from(items, key);
  const places = Uint32Array.from(items.keys()).sort((a, b) => (keys[a]! < keys[b]! ? 1 : keys[a]! > keys[b]! ? -1 : a - b));
  return places.map((k) => items[k]!);
}

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

/**
 * The best k items seen so far, by descending score then ascending rank, where an item may be
 * offered again with a higher score (a record found through several words keeps its best).
 */
export class Leaders {
  private readonly heap: number[] = [];
  private readonly scores: number[] = [];
  /** Item → its place in the heap. */
  private readonly at = new Map<number, number>();

  constructor(
    private readonly k: number,
    private readonly rank: ArrayLike<number>,
  ) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The score an item needs to exceed to get in (meaningful when full). */
  get floor(): number {
    return this.scores[0]!;
  }

  private better(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a > b || (a === b && this.rank[this.heap[i]!]! < this.rank[this.heap[j]!]!);
  }

  private swap(i: number, j: number): void {
    const { heap, scores, at } = this;
    [heap[i], heap[j]] = [heap[j]!, heap[i]!];
    [scores[i], scores[j]] = [scores[j]!, scores[i]!];
    at.set(heap[i]!, i);
    at.set(heap[j]!, j);
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.better(parent, i)) return;
      this.swap(parent, i);
      i = parent;
    }
  }

  private down(i: number): void {
    const size = this.heap.length;
    for (;;) {
      const l = 2 * i + 1;
      let worst = i;
      if (l < size && this.better(worst, l)) worst = l;
      if (l + 1 < size && this.better(worst, l + 1)) worst = l + 1;
      if (worst === i) return;
      this.swap(worst, i);
      i = worst;
    }
  }

  offer(item: number, score: number): void {
    if (this.k <= 0) return;
    const i = this.at.get(item);
    if (i !== undefined) {
      // Already kept: a higher score makes it better, so it moves away from the root.
      if (score > this.scores[i]!) {
        this.scores[i] = score;
        this.down(i);
      }
      return;
    }
    if (!this.full) {
      this.heap.push(item);
      this.scores.push(score);
      this.at.set(item, this.heap.length - 1);
      this.up(this.heap.length - 1);
      return;
    }
    const root = this.heap[0]!;
    if (score < this.scores[0]! || (score === this.scores[0] && this.rank[item]! >= this.rank[root]!)) return;
    this.at.delete(root);
    this.heap[0] = item;
    this.scores[0] = score;
    this.at.set(item, 0);
    this.down(0);
  }

  /** The items kept, best first. */
  sorted(): number[] {
    return this.heap
      .map((item, i) => ({ item, score: this.scores[i]! }))
      .sort((a, b) => b.score - a.score || this.rank[a.item]! - this.rank[b.item]!)
      .map((x) => x.item);
  }
}
