/**
 * The best records of a one-clause query (one word, its synonyms and phrase synonyms) without
 * scoring every record that holds it. Such a query's score for a record is the best of its words'
 * and phrases' scores, so the best k records are found by reading blocks of postings from the
 * highest score a block may hold down (a phrase as one block, read whole), and stopping once the
 * k kept outscore whatever the blocks left could hold (max-score over per-block maxima): a word
 * every record has costs a few blocks, not 100,000 scores. Queries of several clauses: clause-top.ts.
 */
import type { Clause, Expansion, Placed } from './search-index';
import { floatScratch, intScratch } from './scratch';
import { Leaders } from './top';

/** Postings per block: small enough to skip most of a long list, large enough that the blocks sort fast. */
export const BLOCK = 256;

/** Marks a phrase among the block sources of topOf. */
const PHRASE = 0x80000000;
const blockMaxes = floatScratch();
const blockSources = intScratch();
const seenSlots = intScratch();

/** A word's postings in one part of the index, with their scores and the best score of each block. */
export interface ScoredPostings {
  /** The part's postings array: this word's are docs[start] … docs[start + scores.length - 1]. */
  docs: Uint32Array;
  start: number;
  /** Where the part's records start among the catalog's slots. */
  offset: number;
  scores: Float32Array;
  maxima: Float32Array;
}

/** A word's postings in a part and how much a match through that word counts. */
export interface WeightedPostings {
  weight: number;
  postings: ScoredPostings;
}

/** A phrase alternative of a clause: the highest score it may give, and its records with their scores. */
export interface Phrase {
  bound: number;
  read(): { slots: ArrayLike<number>; values: ArrayLike<number> };
}

/** The best score of each block of `scores`. */
export function blockMaxima(scores: Float32Array): Float32Array {
  const out = new Float32Array(Math.ceil(scores.length / BLOCK));
  for (let j = 0; j < scores.length; j++) {
    const b = (j / BLOCK) | 0;
    if (scores[j]! > out[b]!) out[b] = scores[j]!;
  }
  return out;
}

/**
 * How a query of several clauses is ranked from one of them (clause-top.ts): each record read
 * through that clause's postings is scored whole with `score`, and a record's whole score is at
 * most its score for that clause plus `rest` (the other clauses' and the bonuses' highest).
 */
export interface Driven {
  rest: number;
  score(slot: number): number;
  /** How many records may be scored before giving up (the caller then scores every record). */
  budget: number;
}

/**
 * The best `k` slots passing `passes` among the postings, by the best of `fround(fround(weight ×
 * score) + bonus)` over their postings (what the catalog ranks a one-word query by), ties by
 * `rank`; best first. With `driven`, by its score instead; null when its budget runs out.
 */
function topOf(
  lists: readonly WeightedPostings[],
  passes: (slot: number) => boolean,
  rank: ArrayLike<number>,
  k: number,
  bonus: number,
  phrases: readonly Phrase[],
  driven?: Driven,
): number[] | null {
  const ranked = driven
    ? (weight: number, score: number) => Math.fround(weight * score) + driven.rest
    : (weight: number, score: number) => Math.fround(Math.fround(weight * score) + bonus);
  // The blocks as typed arrays reused between queries (a word every record holds has hundreds of
  // blocks per list: an object each made ~100 KB of garbage per search): per block, the highest
  // score it may give and where it comes from (its list and block, or PHRASE | its phrase).
  let n = phrases.length;
  for (const list of lists) n += list.postings.maxima.length;
  const maxes = blockMaxes.any(0, n);
  const sources = blockSources.any(0, n);
  const blockOf = blockSources.any(1, n);
  const order = blockSources.any(2, n);
  let at = 0;
  lists.forEach((list, l) => {
    const { maxima } = list.postings;
    for (let b = 0; b < maxima.length; b++, at++) {
      maxes[at] = ranked(list.weight, maxima[b]!);
      sources[at] = l;
      blockOf[at] = b;
    }
  });
  phrases.forEach((phrase, p) => {
    maxes[at] = ranked(1, phrase.bound);
    sources[at++] = PHRASE | p;
  });
  for (let j = 0; j < n; j++) order[j] = j;
  // -1, 0 or 1 (small integers): a difference of doubles would be a boxed number per comparison.
  order.sort((a, b) => (maxes[b]! > maxes[a]! ? 1 : maxes[b]! < maxes[a]! ? -1 : 0));
  const leaders = new Leaders(k, rank);
  const seen = driven ? seenSlots.zeroed(0, (rank.length + 31) >>> 5) : null;
  let budget = driven?.budget ?? 0;
  /** Offers slot `d`, which scores at most `bound` (exactly that, unless driven). */
  const offer = (d: number, bound: number): boolean => {
    if (!passes(d)) return true;
    if (!driven || !seen) {
      leaders.offer(d, bound);
      return true;
    }
    // A record scoring too little through this posting is read again through the one that gives it more.
    if ((leaders.full && bound < leaders.floor) || (seen[d >>> 5]! & (1 << (d & 31))) !== 0) return true;
    seen[d >>> 5]! |= 1 << (d & 31);
    leaders.offer(d, driven.score(d));
    return --budget > 0;
  };
  for (let o = 0; o < n; o++) {
    const block = order[o]!;
    // Every record still unread scores at most its block's maximum: none can displace a record kept with more.
    if (leaders.full && leaders.floor > maxes[block]!) break;
    const source = sources[block]!;
    if (source & PHRASE) {
      // A phrase is read whole, only when the records kept do not already outscore it.
      const { slots, values } = phrases[source ^ PHRASE]!.read();
      for (let j = 0; j < slots.length; j++) if (!offer(slots[j]!, ranked(1, values[j]!))) return null;
      continue;
    }
    const list = lists[source]!;
    const { docs, start, offset, scores } = list.postings;
    const from = blockOf[block]! * BLOCK;
    const end = Math.min(scores.length, from + BLOCK);
    for (let j = from; j < end; j++) if (!offer(offset + docs[start + j]!, ranked(list.weight, scores[j]!))) return null;
  }
  return leaders.sorted();
}

/** The words of several expansions, each once with its best weight (a record scores its best match). */
export function bestWeights(parts: readonly Expansion[]): Expansion {
  const words = new Map<string, number>();
  for (const part of parts) for (const [w, weight] of part) words.set(w, Math.max(words.get(w) ?? 0, weight));
  return [...words];
}

/** What a record's score for a clause is made of (SearchIndex.match). */
export interface ClauseSources {
  /** The words of its one-word alternatives: the best of them counts. */
  single: Expansion;
  /** Its phrase alternatives: per phrase, per word, the words it stands for (each must match; they add up). */
  phrases: ReadonlyArray<readonly Expansion[]>;
}

/** A clause's alternatives as ClauseSources: a word found through several alternatives is read once. */
export function sourcesOf(clause: Clause): ClauseSources {
  const alternatives = clause.alternatives;
  return {
    single: bestWeights(alternatives.filter((alt) => alt.length === 1).map(([part]) => part!)),
    phrases: alternatives.filter((alt) => alt.length > 1),
  };
}

/** A word's postings in each part, and the slots holding it as bits when many do. */
interface Known {
  scores: ReadonlyArray<Float32Array | null>;
  lists: readonly ScoredPostings[];
  bits: Uint32Array | null;
}

/** Sets bit d (of word d >> 5) of `out` for each slot d of the postings; returns `out`. */
function setBits(lists: readonly ScoredPostings[], out: Uint32Array): Uint32Array {
  for (const { docs, start, offset, scores } of lists) {
    for (let k = start, end = start + scores.length; k < end; k++) {
      const d = offset + docs[k]!;
      out[d >>> 5]! |= 1 << (d & 31);
    }
  }
  return out;
}

const holderBits = intScratch();

/** A version's words' postings with their block maxima, cached beside their scores (SearchIndex.wordScores). */
export class MaxScore {
  private readonly known = new Map<string, Known>();
  private readonly slots: number;

  constructor(
    private readonly parts: readonly Placed[],
    /** A word's scores in each part (null: none there), the same arrays for as long as they are cached. */
    private readonly wordScores: (word: string) => ReadonlyArray<Float32Array | null>,
  ) {
    this.slots = parts.reduce((n, p) => Math.max(n, p.offset + p.segment.size), 0);
  }

  /** Forgets every word (when the scores are let go). */
  clear(): void {
    this.known.clear();
  }

  /** A word's postings in each part holding it, with their scores and block maxima. */
  postings(word: string): readonly ScoredPostings[] {
    return this.lookUp(word).lists;
  }

  private lookUp(word: string): Known {
    const scores = this.wordScores(word);
    let known = this.known.get(word);
    if (known?.scores !== scores) {
      const lists = this.parts.flatMap(({ segment, offset }, p) => {
        const s = scores[p];
        if (!s) return [];
        return [{ docs: segment.docs, start: segment.offsets[segment.ids.get(word)!]!, offset, scores: s, maxima: blockMaxima(s) }];
      });
      // A word many records hold keeps its holders as bits too (no larger than its postings).
      const postings = lists.reduce((n, l) => n + l.scores.length, 0);
      known = {
        scores,
        lists,
        bits: postings * 32 >= this.slots ? setBits(lists, new Uint32Array((this.slots + 31) >>> 5)) : null,
      };
      this.known.set(word, known);
    }
    return known;
  }

  /** Bit d (of word d >> 5) set when slot d holds one of `words` (scratch: valid until the next call). */
  holders(words: Expansion, slots: number): Uint32Array {
    return this.addHolders(words, holderBits.zeroed(0, (slots + 31) >>> 5));
  }

  /** Sets bit d of `out` for each slot d holding one of `words`; returns `out`. */
  addHolders(words: Expansion, out: Uint32Array): Uint32Array {
    for (const [word] of words) {
      const { lists, bits } = this.lookUp(word);
      if (!bits || bits.length !== out.length) setBits(lists, out);
      else for (let j = 0; j < out.length; j++) out[j]! |= bits[j]!;
    }
    return out;
  }

  /**
   * The best `k` slots passing `passes` among the holders of `words` and `phrases` (one clause),
   * ranked by `fround(score + bonus)` (the score SearchIndex.match gives them, plus what the
   * catalog adds), ties by `rank`; best first.
   */
  top(
    words: Expansion,
    passes: (slot: number) => boolean,
    rank: ArrayLike<number>,
    k: number,
    bonus: number,
    phrases: readonly Phrase[] = [],
    driven?: Driven,
  ): number[] | null {
    const lists = words.flatMap(([w, weight]) => this.postings(w).map((postings) => ({ weight, postings })));
    return topOf(lists, passes, rank, k, bonus, phrases, driven);
  }
}
