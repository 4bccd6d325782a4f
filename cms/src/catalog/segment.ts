/**
 * The immutable parts of the full-text index (segments): how one is built from records' indexed
 * words, in slices that a caller may spread over many turns of the event loop, and the letter masks
 * that let typo tolerance skip words beyond its budget. SearchIndex (search-index.ts) ranks over them.
 */
import { performance } from 'node:perf_hooks';
import { stemsOf } from './analyze';
import type { IndexedText } from './search-index';
import { type FieldWords, eachWord } from './record-words';

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

/** Records per slice of a segment build: a slice stays within a few milliseconds (analysis included). */
const SLICE = 16;

/** `a` with room for at least `n` items (doubled: amortized growth). */
function grown<A extends Uint32Array | Float32Array>(a: A, n: number, make: (size: number) => A): A {
  if (n <= a.length) return a;
  const b = make(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** A record's words as a segment takes them: worked out as it goes (FieldWords), or already counted. */
export type RecordText = FieldWords | IndexedText;

const isCounted = (t: RecordText): t is IndexedText => 'weights' in t;

/** Postings per chunk of pass 1 (2^16: 256 KB per array, as much as a small part needs). */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/** A pass 1's parts (Postings.parts). */
export interface PostingsParts {
  seen: readonly string[];
  df: Uint32Array<ArrayBuffer>;
  word: readonly Uint32Array[];
  tf: readonly Float32Array[];
  starts: Uint32Array<ArrayBuffer>;
  lengths: Float32Array<ArrayBuffer>;
  totalLength: number;
  total: number;
  records: number;
}

/**
 * Pass 1 of a segment build: each posting's word (by order of first sight) and weight, record by
 * record, and each word's document frequency — one map look-up per word occurrence. A word met
 * again in the same record adds its weight to the record's posting, found by the word's id, with
 * no map or list per record. Postings go into fixed-size chunks rather than arrays grown by
 * doubling: at 100,000 records the copies came to twice the final size, and so much memory
 * outside the heap, allocated in a few seconds, set off full garbage collections of the catalog.
 */
export class Postings {
  readonly ids = new Map<string, number>();
  readonly seen: string[] = [];
  df = new Uint32Array(4096);
  /** Per word id: 1 + the last record holding it, and its posting in that record. */
  private lastRecord = new Uint32Array(4096);
  private postingOf = new Uint32Array(4096);
  /** Posting p's word and weight: word[p >>> CHUNK_BITS][p & IN_CHUNK], and the same in tf. */
  readonly word: Uint32Array[] = [];
  readonly tf: Float32Array[] = [];
  starts = new Uint32Array(1025);
  lengths = new Float32Array(1024);
  totalLength = 0;
  total = 0;
  records = 0;
  /** The ids of the words of lists many records share (frozen: see eachWord), worked out once per build. */
  private readonly listIds = new Map<readonly string[], Uint32Array>();

  private idOf(w: string): number {
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.seen.length;
      this.ids.set(w, id);
      this.seen.push(w);
      if (id === this.df.length) {
        this.df = grown(this.df, id + 1, (size) => new Uint32Array(size));
        this.lastRecord = grown(this.lastRecord, id + 1, (size) => new Uint32Array(size));
        this.postingOf = grown(this.postingOf, id + 1, (size) => new Uint32Array(size));
      }
    }
    return id;
  }

  private addId(id: number, weight: number): void {
    if (this.lastRecord[id] === this.records + 1) {
      // Sums of field weights (quarters) are exact in a float: the same as summing first.
      const p = this.postingOf[id]!;
      this.tf[p >>> CHUNK_BITS]![p & IN_CHUNK]! += weight;
      return;
    }
    const p = this.total++;
    this.lastRecord[id] = this.records + 1;
    this.postingOf[id] = p;
    this.df[id]!++;
    if ((p & IN_CHUNK) === 0) {
      this.word.push(new Uint32Array(CHUNK));
      this.tf.push(new Float32Array(CHUNK));
    }
    this.word[p >>> CHUNK_BITS]![p & IN_CHUNK] = id;
    this.tf[p >>> CHUNK_BITS]![p & IN_CHUNK] = weight;
  }
  private readonly add = (list: readonly string[], weight: number): void => {
    if (list.length > 1 && Object.isFrozen(list)) {
      let known = this.listIds.get(list);
      if (!known) {
        known = Uint32Array.from(list, (w) => this.idOf(w));
        this.listIds.set(list, known);
      }
      for (let k = 0; k < known.length; k++) this.addId(known[k]!, weight);
    } else for (let k = 0; k < list.length; k++) this.addId(this.idOf(list[k]!), weight);
  };

  /** What a snapshot keeps of a finished pass 1 (snapshot.ts): what buildSegment reads of it. */
  parts(): PostingsParts {
    const { seen, df, word, tf, starts, lengths, totalLength, total, records } = this;
    return { seen, df, word, tf, starts, lengths, totalLength, total, records };
  }

  /** A pass 1 from a snapshot's parts, for buildSegment (no record may be added to it). */
  static fromParts(p: PostingsParts): Postings {
    const out = new Postings();
    for (let id = 0; id < p.seen.length; id++) {
      out.ids.set(p.seen[id]!, id);
      out.seen.push(p.seen[id]!);
    }
    out.word.push(...p.word);
    out.tf.push(...p.tf);
    out.df = p.df;
    out.starts = p.starts;
    out.lengths = p.lengths;
    out.totalLength = p.totalLength;
    out.total = p.total;
    out.records = p.records;
    out.lastRecord = new Uint32Array(0);
    out.postingOf = new Uint32Array(0);
    return out;
  }

  /** Per word id of `other` (see record), 1 + its id here (0: not met yet). */
  private other: Postings | null = null;
  private otherIds = new Uint32Array(0);

  /**
   * Adds the words of the record `other` added last (its postings: each word once, with its
   * weights summed), by their ids there: a word looked up here once per load, not once per record.
   * Returns that record's length.
   */
  private addLastOf(other: Postings): number {
    if (this.other !== other) {
      this.other = other;
      this.otherIds = new Uint32Array(other.seen.length);
    }
    if (this.otherIds.length < other.seen.length) this.otherIds = grown(this.otherIds, other.seen.length, (k) => new Uint32Array(k));
    const r = other.records - 1;
    for (let p = other.starts[r]!; p < other.starts[r + 1]!; p++) {
      const w = other.word[p >>> CHUNK_BITS]![p & IN_CHUNK]!;
      let id = this.otherIds[w]! - 1;
      if (id < 0) {
        id = this.idOf(other.seen[w]!);
        this.otherIds[w] = id + 1;
      }
      // Sums of field weights (quarters) are exact: the same as adding the record's words one by one.
      this.addId(id, other.tf[p >>> CHUNK_BITS]![p & IN_CHUNK]!);
    }
    return other.lengths[r]!;
  }

  /**
   * Adds the next record: its words `t`, and (`withLastOf`) those of the record another pass 1
   * added last (a document's staff record holds its public record's words, and its own).
   */
  record(t: RecordText, withLastOf?: Postings): void {
    const d = this.records;
    this.lengths = grown(this.lengths, d + 1, (k) => new Float32Array(k));
    this.starts = grown(this.starts, d + 2, (k) => new Uint32Array(k));
    let length = withLastOf ? this.addLastOf(withLastOf) : 0;
    if (isCounted(t)) {
      for (let k = 0; k < t.words.length; k++) this.addId(this.idOf(t.words[k]!), t.weights[k]!);
      length += t.length;
    } else length += eachWord(t, this.add);
    this.lengths[d] = length;
    this.totalLength += length;
    this.starts[d + 1] = this.total;
    this.records = d + 1;
  }
}

/**
 * Builds a segment, yielding every few records or words so that a caller may spread a large
 * build over many turns of the event loop (`runSliced`) or run it at once (`runNow`). `texts` is
 * read once, in order, and may work each record's words out as it goes (part.ts does): each is
 * copied into flat typed arrays at once, so no record's words outlive its turn (at 100,000
 * records, keeping them all until the end cost more in garbage collection than the index itself).
 * Or `texts` is a pass 1 already made, fed record by record as they came (a full load: part.ts's
 * EntriesLoad).
 */
export function* buildSegment(texts: Iterable<RecordText> | Postings): Generator<void, TextSegment> {
  let pass1: Postings;
  if (texts instanceof Postings) pass1 = texts;
  else {
    pass1 = new Postings();
    for (const t of texts) {
      pass1.record(t);
      if (pass1.records % SLICE === 0) yield;
    }
  }
  const { ids, seen, df, starts, lengths, totalLength, total, records: d } = pass1;
  const postingWord = pass1.word;
  const postingTf = pass1.tf;
  // Word ids in sorted order (for prefixes): the same map, its values renumbered in place.
  const words = seen.slice().sort();
  yield;
  const rank = new Uint32Array(seen.length);
  const offsets = new Uint32Array(words.length + 1);
  for (let id = 0; id < words.length; id++) {
    const first = ids.get(words[id]!)!;
    rank[first] = id;
    ids.set(words[id]!, id);
    offsets[id + 1] = offsets[id]! + df[first]!;
  }
  yield;
  // Pass 2: postings into word order, from the flat arrays (no map look-up).
  const docs = new Uint32Array(total);
  const tf = new Float32Array(total);
  const fill = offsets.slice(0, words.length);
  for (let r = 0; r < d; r++) {
    for (let p = starts[r]!; p < starts[r + 1]!; p++) {
      const at = fill[rank[postingWord[p >>> CHUNK_BITS]![p & IN_CHUNK]!]!]!++;
      docs[at] = r;
      tf[at] = postingTf[p >>> CHUNK_BITS]![p & IN_CHUNK]!;
    }
    if (r % (SLICE * 64) === 0) yield;
  }
  const masks = Uint32Array.from(words, letterMask);
  const segment = new TextSegment(words, ids, offsets, docs, tf, lengths.slice(0, d), totalLength, masks);
  for (let id = 0; id < words.length; id++) {
    const w = words[id]!;
    if (w.includes(' ')) continue; // a pair of adjacent words: looked up whole, never stemmed, prefixed or fuzzy
    const [en, fr] = stemsOf(w);
    for (const key of [`e:${en}`, `f:${fr}`]) {
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
