/**
 * A query by relevance without scoring every record. Its hits are counted from bits: per clause,
 * the slots holding one of its words (or every word of a phrase); the hits are the slots with
 * every clause, or all but one, or any (relaxed), exactly as textMask (text-mask.ts) keeps them. Its best
 * records: with one clause that some record holds (and no words side by side), by max-score over
 * blocks of postings (MaxScore.top); with more, when there are few hits, by scoring just those,
 * reading each word's postings with a cursor, and when there are many, by max-score over the
 * blocks of the clause that may score highest, each record read there scored whole. A sort other
 * than relevance reads the hits in its order (orderedText). Otherwise the catalog scores every record.
 */
import { type ClauseSources, type MaxScore, type Phrase, type ScoredPostings, sourcesOf } from './max-score';
import { bitCount } from './segment';
import { type Expansion, type Plan, pairsOf } from './search-index';
import { intScratch } from './scratch';
import { Leaders } from './top';

/** Which slots a query's text keeps, as bits (bit d of word d >> 5). */
export interface TextBits {
  /** Per clause, the slots matching it (scratch: valid until the next query). */
  clauses: readonly Uint32Array[];
  /** The slots with enough clauses, filters aside (scratch). */
  hits: Uint32Array;
  /** How many clauses a hit has at least. */
  least: number;
  /** No slot passing the filters has every clause: the hits are those with any. */
  relaxed: boolean;
}

const clauseBits = intScratch();
const phraseBits = intScratch();
const hitBits = intScratch();

/** Whether `a & b` has a bit set. */
export function meets(a: Uint32Array, b: Uint32Array): boolean {
  for (let j = 0; j < a.length; j++) if ((a[j]! & b[j]!) !== 0) return true;
  return false;
}

/**
 * The slots a query's clauses keep: those with every clause when some slot passing the filters
 * (`passes`, as bits) has them all — and, from three clauses, those missing one — else any clause.
 */
export function textBits(maxScore: MaxScore, sources: readonly ClauseSources[], passes: Uint32Array): TextBits {
  const words = passes.length;
  const clauses = sources.map(({ single, phrases }, c) => {
    const out = maxScore.addHolders(single, clauseBits.zeroed(c, words));
    for (const phrase of phrases) {
      // A phrase matches where every one of its words does.
      const both = phraseBits.any(0, words);
      phrase.forEach((part, p) => {
        const holders = maxScore.addHolders(part, phraseBits.zeroed(1, words));
        if (p === 0) both.set(holders);
        else for (let j = 0; j < words; j++) both[j]! &= holders[j]!;
      });
      for (let j = 0; j < words; j++) out[j]! |= both[j]!;
    }
    return out;
  });
  const all = clauses.length;
  const every = hitBits.any(0, words);
  every.set(clauses[0]!);
  for (let c = 1; c < all; c++) for (let j = 0; j < words; j++) every[j]! &= clauses[c]![j]!;
  const strict = all === 1 || meets(every, passes);
  const least = !strict ? 1 : all >= 3 ? all - 1 : all;
  if (least === all) return { clauses, hits: every, least, relaxed: false };
  if (least === 1) {
    every.set(clauses[0]!);
    for (let c = 1; c < all; c++) for (let j = 0; j < words; j++) every[j]! |= clauses[c]![j]!;
    return { clauses, hits: every, least, relaxed: all > 1 };
  }
  // All but one: the slots missing at most one clause.
  for (let j = 0; j < words; j++) {
    let once = 0;
    let twice = 0;
    for (let c = 0; c < all; c++) {
      const missing = ~clauses[c]![j]!;
      twice |= once & missing;
      once |= missing;
    }
    every[j] = ~twice;
  }
  return { clauses, hits: every, least, relaxed: false };
}

/** A word's postings in a part, how much a match through it counts, and a cursor (documents in slot order). */
interface Cursor {
  weight: number;
  postings: ScoredPostings;
  /** The next posting to look at. */
  at: number;
}

/** What a clause's score is read from, word by word. */
interface ClauseCursors {
  single: Cursor[];
  phrases: Cursor[][][];
}

/** The weighted score of `slot` in the cursor's list (0: not there), moving the cursor up to it. */
function scoreAt(c: Cursor, slot: number): number {
  const { docs, start, offset, scores } = c.postings;
  const n = scores.length;
  const local = slot - offset;
  let k = c.at;
  if (k >= n || docs[start + k]! >= local) {
    c.at = k;
    return k < n && docs[start + k] === local ? c.weight * scores[k]! : 0;
  }
  // Galloping: candidates are sparse, a list may be long.
  let step = 1;
  let hi = k + 1;
  while (hi < n && docs[start + hi]! < local) {
    k = hi;
    step *= 2;
    hi = k + step;
  }
  if (hi > n) hi = n;
  // docs[k] < local; the first posting >= local is in (k, hi].
  let lo = k + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[start + mid]! < local) lo = mid + 1;
    else hi = mid;
  }
  c.at = lo;
  return lo < n && docs[start + lo] === local ? c.weight * scores[lo]! : 0;
}

/** A clause's score for `slot`, with the float32 steps of SearchIndex.match. */
function clauseScore({ single, phrases }: ClauseCursors, slot: number, into: Float64Array | Float32Array, at: number): void {
  // Index loops, and the score stored, not returned: this runs per record and list, where an
  // iterator or a returned double (boxed when the call is not inlined) would be an object each time.
  let out = 0;
  for (let s = 0; s < single.length; s++) {
    const v = scoreAt(single[s]!, slot);
    if (v > out) out = Math.fround(v);
  }
  for (let p = 0; p < phrases.length; p++) {
    const phrase = phrases[p]!;
    let sum = 0;
    for (let q = 0; q < phrase.length; q++) {
      const part = phrase[q]!;
      let best = 0;
      for (let c = 0; c < part.length; c++) {
        const v = scoreAt(part[c]!, slot);
        if (v > best) best = Math.fround(v);
      }
      if (best === 0) {
        sum = 0;
        break;
      }
      sum += best;
    }
    if (sum > out) out = Math.fround(sum);
  }
  into[at] = out;
}

/** The highest score a list may give (its best posting, weighted, as float32). */
function listBound(weight: number, postings: ScoredPostings): number {
  let best = 0;
  for (const m of postings.maxima) if (m > best) best = m;
  return Math.fround(weight * best);
}

/** The slots of a bit set, ascending. */
function slotsOf(bits: Uint32Array): Uint32Array {
  let n = 0;
  for (let j = 0; j < bits.length; j++) n += bitCount(bits[j]!);
  const out = slotList.any(0, n);
  let o = 0;
  for (let j = 0; j < bits.length; j++) {
    let word = bits[j]!;
    while (word !== 0) {
      const low = word & -word;
      out[o++] = j * 32 + (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}
const slotList = intScratch();

/** The score of a record with these clause scores (0: clause missing), as textMask (text-mask.ts) adds them up. */
function total(clauseScores: ArrayLike<number>, adjacency: number): number {
  let count = 0;
  let score = 0;
  for (let c = 0; c < clauseScores.length; c++) {
    const v = clauseScores[c]!;
    if (v > 0) {
      count++;
      score = Math.fround(score + v);
    }
  }
  return Math.fround(score + (1000 * count + adjacency));
}

type Lists = ReadonlyArray<{ weight: number; postings: ScoredPostings }>;

/**
 * A record's whole score (what textMask in text-mask.ts gives it) from each clause's lists and the pairs'
 * (adjacency), read with a cursor per list: records asked in ascending order move the cursors
 * forward; a record before the last one asked sends them back to the start.
 */
function wholeScorer(clauseLists: ReadonlyArray<{ single: Lists; phrases: ReadonlyArray<readonly Lists[]> }>, pairLists: Lists) {
  const cursor = (l: Lists[number]): Cursor => ({ weight: l.weight, postings: l.postings, at: 0 });
  const query: ClauseCursors[] = clauseLists.map((q) => ({
    single: q.single.map(cursor),
    phrases: q.phrases.map((phrase) => phrase.map((part) => part.map(cursor))),
  }));
  const adjacency = pairLists.map(cursor);
  const every = [...query.flatMap((q) => [...q.single, ...q.phrases.flat(2)]), ...adjacency];
  const values = new Float64Array(query.length);
  let last = -1;
  return (slot: number): number => {
    if (slot < last) for (const c of every) c.at = 0;
    last = slot;
    for (let c = 0; c < query.length; c++) clauseScore(query[c]!, slot, values, c);
    let adj = 0;
    for (const a of adjacency) {
      const v = scoreAt(a, slot);
      if (v > adj) adj = Math.fround(v);
    }
    return total(values, adj);
  };
}

/**
 * The best `k` slots among `kept` (the hits passing the filters, as bits; `hits` of them, each with
 * at least `least` clauses), by the score textMask (text-mask.ts) gives them — per clause its best word or
 * phrase sum, the clauses added up, plus 1000 per clause and the adjacency bonus of `pairs` — ties
 * by `rank`; best first. Few hits are each scored, reading every word's postings with a galloping
 * cursor; many, from the best blocks of one clause down (MaxScore.top, driven). Null when that
 * would cost more than scoring every posting (the caller then does).
 */
export function topOfHits(
  maxScore: MaxScore,
  sources: readonly ClauseSources[],
  pairs: Expansion,
  kept: Uint32Array,
  hits: number,
  least: number,
  rank: ArrayLike<number>,
  k: number,
): number[] | null {
  const all = sources.length;
  if (k <= 0) return [];
  const listsOf = (words: Expansion) => words.flatMap(([w, weight]) => maxScore.postings(w).map((postings) => ({ weight, postings })));
  const clauseLists = sources.map((s) => ({
    single: listsOf(s.single),
    phrases: s.phrases.map((phrase) => phrase.map(listsOf)),
  }));
  const pairLists = listsOf(pairs);
  let lists = pairLists.length;
  let postings = 0;
  for (const q of clauseLists) {
    for (const c of [...q.single, ...q.phrases.flat(2)]) {
      lists++;
      postings += c.postings.scores.length;
    }
  }
  const words = kept.length;
  // A cursor step per list and hit (about), against a pass over every posting and slot.
  const affordable = (candidates: number) => candidates * lists * 4 <= postings + words * 32;
  const scoreOf = wholeScorer(clauseLists, pairLists);
  if (affordable(hits)) {
    const leaders = new Leaders(k, rank);
    const slots = slotsOf(kept);
    for (let i = 0; i < slots.length; i++) {
      const score = scoreOf(slots[i]!);
      if (!leaders.full || score >= leaders.floor) leaders.offer(slots[i]!, score);
    }
    return leaders.sorted();
  }
  // Many hits: ranked from the clause that may score highest (its best blocks first), each record
  // read through it scored whole, until no record left can outscore those kept. A record without
  // that clause (a hit missing one, from three clauses) must then score below them all.
  const phrases = sources.map((source) => source.phrases.map((phrase) => phraseOf(maxScore, phrase, words)));
  const bounds = clauseLists.map((lists, c) =>
    Math.max(0, ...lists.single.map((l) => listBound(l.weight, l.postings)), ...phrases[c]!.map((p) => p.bound)),
  );
  const adjacencyBound = Math.max(0, ...pairLists.map((l) => listBound(l.weight, l.postings)));
  const drive = bounds.indexOf(Math.max(...bounds));
  // Float32 sums may round up a little: the bounds are raised by more than that.
  const slack = 0.01;
  const others = bounds.reduce((sum, b, c) => (c === drive ? sum : sum + b), 0);
  const member = (d: number) => ((kept[d >>> 5]! >>> (d & 31)) & 1) === 1;
  const page = maxScore.top(sources[drive]!.single, member, rank, k, 0, phrases[drive]!, {
    rest: others + 1000 * all + adjacencyBound + slack,
    score: scoreOf,
    // Scoring a record from scratch costs about a binary search per list.
    budget: Math.floor((postings + words * 32) / (lists * 16)),
  });
  if (!page) return null;
  const lacking = 1000 * (all - 1) + others + adjacencyBound + slack;
  if (least < all && (page.length < k || scoreOf(page[page.length - 1]!) <= lacking)) return null;
  return page;
}

/**
 * A phrase alternative as MaxScore.top reads it: its bound (its parts' best scores added up), and
 * when asked, every record holding all its parts with its score (float32, as SearchIndex.match has it).
 */
export function phraseOf(maxScore: MaxScore, phrase: readonly Expansion[], words: number): Phrase {
  const parts = phrase.map((part) => part.flatMap(([w, weight]) => maxScore.postings(w).map((postings) => ({ weight, postings }))));
  let sum = 0;
  for (const lists of parts) {
    const best = Math.max(0, ...lists.map((l) => listBound(l.weight, l.postings)));
    if (best === 0) {
      sum = 0;
      break;
    }
    sum += best;
  }
  return {
    bound: Math.fround(sum),
    read() {
      const both = phraseBits.any(0, words);
      phrase.forEach((part, p) => {
        const holders = maxScore.addHolders(part, phraseBits.zeroed(1, words));
        if (p === 0) both.set(holders);
        else for (let j = 0; j < words; j++) both[j]! &= holders[j]!;
      });
      const slots = Uint32Array.from(slotsOf(both));
      const query: ClauseCursors = {
        single: [],
        phrases: [parts.map((lists) => lists.map((l) => ({ weight: l.weight, postings: l.postings, at: 0 })))],
      };
      const values = new Float32Array(slots.length);
      for (let i = 0; i < slots.length; i++) clauseScore(query, slots[i]!, values, i);
      return { slots, values };
    },
  };
}

const passScratch = intScratch();

/** Bit i set when filter bits `bits[i]` equal `all` (every filter passes; scratch: valid until the next query). */
export function passBits(bits: Uint16Array, all: number): Uint32Array {
  const n = bits.length;
  const out = passScratch.any(0, (n + 31) >>> 5);
  for (let j = 0, i = 0; j < out.length; j++) {
    // A word at a time, in a register.
    let word = 0;
    for (let b = 0; b < 32 && i < n; b++, i++) if (bits[i] === all) word |= 1 << b;
    out[j] = word;
  }
  return out;
}

/** A query's best hits, how many there are, and whether (and through which words) it was relaxed. */
export interface RankedText {
  /** The best `k` slots, best first. */
  page: number[];
  total: number;
  relaxed: boolean;
  matched: string[];
}

/**
 * A query of several clauses, or of one with phrase synonyms, by relevance (textMask's
 * hits and scores) among the slots passing the filters (`passes`, as bits): its hits counted from
 * bits, only its best records scored. Null when that would not pay (the caller scores every record).
 */
export function rankedText(maxScore: MaxScore, plan: Plan, passes: Uint32Array, rank: ArrayLike<number>, k: number): RankedText | null {
  const sources = plan.clauses.map(sourcesOf);
  const text = textBits(maxScore, sources, passes);
  const kept = text.hits;
  let total = 0;
  for (let j = 0; j < kept.length; j++) total += bitCount((kept[j]! &= passes[j]!));
  const pairs = pairsOf(plan);
  // Clauses no record holds add nothing to a score: with one left and no words side by side, a
  // record's score is its best word or phrase, which MaxScore.top finds reading the best blocks first.
  const live = sources.filter((_, c) => text.clauses[c]!.some((w) => w !== 0));
  const page =
    live.length === 1 && pairs.every(([w]) => maxScore.postings(w).length === 0)
      ? maxScore.top(
          live[0]!.single,
          (d) => ((kept[d >>> 5]! >>> (d & 31)) & 1) === 1,
          rank,
          k,
          1000,
          live[0]!.phrases.map((phrase) => phraseOf(maxScore, phrase, kept.length)),
        )
      : topOfHits(maxScore, sources, pairs, kept, total, text.least, rank, k);
  if (!page) return null;
  const matched = text.relaxed ? plan.labels.filter((_, c) => meets(text.clauses[c]!, kept)) : [];
  return { page, total, relaxed: text.relaxed, matched };
}

/**
 * A query's hits in a sort other than relevance (`order`: the live slots in that sort, read from
 * the end when `backwards`), among the slots passing the filters (`passes`, as bits): the first
 * `end` (as rankedText's page), none scored. The hits and the words that matched are rankedText's.
 */
export function orderedText(
  maxScore: MaxScore,
  plan: Plan,
  passes: Uint32Array,
  order: Uint32Array,
  backwards: boolean,
  end: number,
): RankedText {
  const text = textBits(maxScore, plan.clauses.map(sourcesOf), passes);
  const kept = text.hits;
  let total = 0;
  for (let j = 0; j < kept.length; j++) total += bitCount((kept[j]! &= passes[j]!));
  const page: number[] = [];
  for (let k = 0; k < order.length && page.length < end; k++) {
    const d = order[backwards ? order.length - 1 - k : k]!;
    if (((kept[d >>> 5]! >>> (d & 31)) & 1) === 1) page.push(d);
  }
  const matched = text.relaxed ? plan.labels.filter((_, c) => meets(text.clauses[c]!, kept)) : [];
  return { page, total, relaxed: text.relaxed, matched };
}

/** The slots a query's text keeps, filters aside (as textMask; scratch: valid until the next query). */
export function textHits(maxScore: MaxScore, plan: Plan, passes: Uint32Array): Uint32Array {
  if (plan.clauses.length > 0) return textBits(maxScore, plan.clauses.map(sourcesOf), passes).hits;
  // No meaningful word (stop words only): every slot, when some slot passes the filters.
  return hitBits.any(0, passes.length).fill(meets(passes, passes) ? 0xffffffff : 0);
}
