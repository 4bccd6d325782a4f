/**
 * The immutable parts of the full-text index (segments): how one is built from records' indexed
 * words, in slices that a caller may spread over many turns of the event loop, and the letter masks
 * that let typo tolerance skip words beyond its budget. SearchIndex (search-index.ts) ranks over them.
 */
import { performance } from 'node:perf_hooks';
import { stemsOf } from './analyze';
import type { IndexedText } from './search-index';

/**
 * The letters of a word as bits (char code mod 32). An edit changes at most two bits of the
 * difference between two words' masks, so words whose masks differ in more than 2 × budget bits
 * are beyond the budget: typo tolerance skips them without computing a distance.
 */
export function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) m |= 1 << (word.charCodeAt(i) & 31);
  return m;
}

export function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * One immutable part of the index: its words (sorted, for prefixes), and per word the records
 * holding it with their field-weighted term frequencies. Scores are not stored: BM25 needs the
 * whole catalog's document frequencies and mean length, which every edit changes, so they are
 * computed per query from the live statistics (see SearchIndex). A catalog is one big segment
 * plus a small one for the records edited since it was built.
 */
export class TextSegment {
  /** Word ids by length, then by first letter: where typo tolerance looks (numbers are never fuzzy). */
  readonly byLength: Array<Map<string, number[]>> = [];
  readonly stems = new Map<string, number[]>();

  constructor(
    readonly words: readonly string[],
    readonly ids: ReadonlyMap<string, number>,
    /** Postings of word `id`: docs[offsets[id]] … docs[offsets[id + 1] - 1], with their term frequencies. */
    readonly offsets: Uint32Array,
    readonly docs: Uint32Array,
    readonly tf: Float32Array,
    /** Per record (local slot), its length for BM25's normalization. */
    readonly lengths: Float32Array,
    readonly totalLength: number,
    /** Per word id, its letterMask. */
    readonly masks: Uint32Array,
  ) {}

  get size(): number {
    return this.lengths.length;
  }

  /** How many records of this segment hold word `id`. */
  df(id: number): number {
    return this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** How many records of this segment hold `word` (0: none). */
  dfOf(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.df(id);
  }
}

/** Records per slice of a segment build: a slice stays within a few milliseconds. */
const SLICE = 64;

/**
 * Builds a segment, yielding every few records or words so that a caller may spread a large
 * build over many turns of the event loop (`runSliced`) or run it at once (`runNow`).
 */
export function* buildSegment(texts: readonly IndexedText[]): Generator<void, TextSegment> {
  // Pass 1: each word's document frequency; pass 2: postings into flat typed arrays.
  const df = new Map<string, number>();
  let totalLength = 0;
  let total = 0;
  for (let d = 0; d < texts.length; d++) {
    const t = texts[d]!;
    totalLength += t.length;
    total += t.words.length;
    for (const w of t.words) df.set(w, (df.get(w) ?? 0) + 1);
    if (d % SLICE === SLICE - 1) yield;
  }
  const words = [...df.keys()].sort();
  yield;
  const ids = new Map<string, number>();
  const offsets = new Uint32Array(words.length + 1);
  for (let id = 0; id < words.length; id++) {
    ids.set(words[id]!, id);
    offsets[id + 1] = offsets[id]! + df.get(words[id]!)!;
  }
  yield;
  const docs = new Uint32Array(total);
  const tf = new Float32Array(total);
  const lengths = new Float32Array(texts.length);
  const fill = offsets.slice(0, words.length);
  for (let d = 0; d < texts.length; d++) {
    const t = texts[d]!;
    lengths[d] = t.length;
    for (let k = 0; k < t.words.length; k++) {
      const at = fill[ids.get(t.words[k]!)!]!++;
      docs[at] = d;
      tf[at] = t.weights[k]!;
    }
    if (d % SLICE === SLICE - 1) yield;
  }
  const masks = Uint32Array.from(words, letterMask);
  const segment = new TextSegment(words, ids, offsets, docs, tf, lengths, totalLength, masks);
  for (let id = 0; id < words.length; id++) {
    const w = words[id]!;
    if (w.includes(' ')) continue; // a pair of adjacent words: looked up whole, never stemmed, prefixed or fuzzy
    const [en, fr] = stemsOf(w);
    for (const key of new Set([`e:${en}`, `f:${fr}`])) {
      const list = segment.stems.get(key);
      if (list) list.push(id);
      else segment.stems.set(key, [id]);
    }
    if (!/^[0-9]+$/.test(w)) {
      const bucket = (segment.byLength[w.length] ??= new Map());
      const list = bucket.get(w[0]!);
      if (list) list.push(id);
      else bucket.set(w[0]!, [id]);
    }
    if (id % (SLICE * 16) === 0) yield;
  }
  return segment;
}

/** Runs a sliced build to its end at once. */
export function runNow<T>(build: Generator<void, T>): T {
  for (;;) {
    const step = build.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs a sliced build off the request path: at most `sliceMs` of work per turn of the event loop,
 * so that requests arriving meanwhile wait a few milliseconds at most.
 */
export function runSliced<T>(build: Generator<void, T>, sliceMs = 4): Promise<T> {
  return new Promise((resolve, reject) => {
    const turn = () => {
      try {
        const until = performance.now() + sliceMs;
        for (;;) {
          const step = build.next();
          if (step.done) {
            resolve(step.value);
            return;
          }
          if (performance.now() >= until) break;
        }
        setImmediate(turn);
      } catch (error: unknown) {
        reject(error);
      }
    };
    setImmediate(turn);
  });
}
