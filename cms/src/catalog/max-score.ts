/**
 * The best records of a one-clause query (one word, its synonyms and phrase synonyms) without
 * scoring every record that holds it. Such a query's score for a record is the best of its words'
 * and phrases' scores, so the best k records are found by reading blocks of postings from the
 * highest score a block may hold down (a phrase as one block, read whole), and stopping once the
 * k kept outscore whatever the blocks left could hold (max-score over per-block maxima): a word
 * every record has costs a few blocks, not 100,000 scores. Queries of several clauses: clause-top.ts.
 */
import type { Clause, Expansion, Placed } from './search-index';
import { intScratch } from './scratch';
import { Leaders } from './top';

/** Postings per block: small enough to skip most of a long list, large enough that the blocks sort fast. */
export const BLOCK = 256;

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
 * The best `k` slots passing `passes` among the postings, by the best of `fround(fround(weight ×
 * score) + bonus)` over their postings (what the catalog ranks a one-word query by), ties by
 * `rank`; best first.
 */
function topOf(
  lists: readonly WeightedPostings[],
  passes: (slot: number) => boolean,
  rank: ArrayLike<number>,
  k: number,
  bonus: number,
  phrases: readonly Phrase[],
): number[] {
  const ranked = (weight: number, score: number) => Math.fround(Math.fround(weight * score) + bonus);
  const blocks: Array<{ max: number; list: WeightedPostings | null; phrase: Phrase | null; from: number }> = [];
  for (const list of lists) {
    const { maxima } = list.postings;
    for (let b = 0; b < maxima.length; b++) blocks.push({ max: ranked(list.weight, maxima[b]!), list, phrase: null, from: b * BLOCK });
  }
  for (const phrase of phrases) blocks.push({ max: ranked(1, phrase.bound), list: null, phrase, from: 0 });
  blocks.sort((a, b) => b.max - a.max);
  const leaders = new Leaders(k, rank);
  for (const { max, list, phrase, from } of blocks) {
    // Every record still unread scores at most `max`: none can displace a record kept with more.
    if (leaders.full && leaders.floor > max) break;
    if (phrase) {
      // A phrase is read whole, only when the records kept do not already outscore it.
      const { slots, values } = phrase.read();
      for (let j = 0; j < slots.length; j++) if (passes(slots[j]!)) leaders.offer(slots[j]!, ranked(1, values[j]!));
      continue;
    }
    if (!list) continue;
    const { docs, start, offset, scores } = list.postings;
    const end = Math.min(scores.length, from + BLOCK);
    for (let j = from; j < end; j++) {
      const d = offset + docs[start + j]!;
      if (passes(d)) leaders.offer(d, ranked(list.weight, scores[j]!));
    }
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
  ): number[] {
    const lists = words.flatMap(([w, weight]) => this.postings(w).map((postings) => ({ weight, postings })));
    return topOf(lists, passes, rank, k, bonus, phrases);
  }
}
