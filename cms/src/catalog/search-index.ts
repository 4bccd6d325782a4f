/**
 * The full-text index of one catalog version: BM25 over field-weighted words, with each query word
 * expanded to the indexed words it may mean, best first:
 *   exact (1) > same English or French stem (0.85; 0.5 beyond an ending) > prefix (0.6) > synonym (0.5) > typo (0.5, 0.35).
 * A typo is looked for only when a word has no exact, stem or prefix match, so a correctly spelt
 * word never drags in look-alikes, and exact and prefix matches always outrank fuzzy ones.
 *
 * Postings are flat typed arrays of term frequencies; BM25 is computed per query from the live
 * statistics, so a query is a few passes over posting lists into typed arrays (fast at 100,000
 * records) and an edit changes a small segment, not the whole index (see TextSegment, segment.ts).
 */
import { STOP_WORDS, meaningful, stemsOf } from './analyze';
import { type FieldWords, eachWord, pairKey } from './record-words';
import { TextSegment, bitCount, buildSegment, letterMask, runNow } from './segment';
import { MaxScore, sourcesOf } from './max-score';
import { floatScratch } from './scratch';
import { findSynonyms, type SynonymGroup } from './synonyms';

/** A record's words with their field-weighted counts, as the index reads them. */
export interface IndexedText {
  words: readonly string[];
  /** Per word, the sum of the weights of the fields it occurs in, once per occurrence. */
  weights: Float32Array;
  /** Sum of the weights: the record's length for BM25's length normalization. */
  length: number;
}

/** Builds a record's indexed text from its fields' words (see FieldWords). */
export function indexedText(fields: FieldWords): IndexedText {
  // Word → its position in `words`/`weights`: one pass, no copy of the map at the end.
  const at = new Map<string, number>();
  const words: string[] = [];
  const weights: number[] = [];
  const length = eachWord(fields, (list, w) => {
    for (const word of list) {
      const k = at.get(word);
      if (k !== undefined) weights[k]! += w;
      else {
        at.set(word, words.length);
        words.push(word);
        weights.push(w);
      }
    }
  });
  return { words, weights: Float32Array.from(weights), length };
}

const K1 = 1.2;
const B = 0.75;
const EXACT = 1;
const STEM = 0.85;
/** Same stem, but not just an inflection of the word (`refuge` / `réfugiés`, `employers` / `employment`). */
const LOOSE_STEM = 0.5;
const SYNONYM = 0.5;
const PREFIX = 0.6;
const TYPO = [0, 0.5, 0.35] as const;
/** Shorter stems say too little (`queer` → `que`): they match only the word itself. */
const MIN_STEM = 4;
/** The most indexed words one prefix may stand for (the most frequent are kept). */
const MAX_PREFIX_WORDS = 100;

/**
 * The pairs of adjacent query words, as indexed words: a record holding one in its name or labels
 * gains the best of their scores (the adjacency bonus of SearchIndex.match).
 */
export const pairsOf = ({ terms }: Plan): Expansion => terms.slice(1).map((t, k) => [pairKey(terms[k]!, t), EXACT] as const);

/** Indexed words a query word stands for, each with how much a match counts. */
export type Expansion = ReadonlyArray<readonly [word: string, weight: number]>;

/** A query worked out: its meaningful words and their clauses (see SearchIndex.plan). */
export interface Plan {
  terms: readonly string[];
  clauses: readonly Clause[];
  labels: readonly string[];
  highlight: ReadonlySet<string>;
  corrected: string | null;
}

/** One query word or phrase: a record matches it through any alternative (all of whose parts match). */
export interface Clause {
  label: string;
  alternatives: Expansion[][];
  correction: string | null;
}

export interface TextMatch {
  /** The query words or synonym phrases, in query order. */
  labels: readonly string[];
  /** Per clause, per record: the record's score for it (0: no match). Scratch: valid until the next match. */
  scores: readonly Float32Array[];
  /** Per record, extra score for query words found side by side in its name or labels. */
  adjacency: Float32Array;
  /** Indexed words that matched, for highlighting. */
  highlight: ReadonlySet<string>;
  /** A corrected query, when a word was matched only through typo tolerance or not at all. */
  corrected: string | null;
}

/** Optimal string alignment distance (insert, delete, substitute, transpose), or max + 1 beyond max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows in one reused buffer: typo tolerance compares thousands of words per query.
  const w = b.length + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w * 2);
  let prev2 = 0;
  let prev = w;
  let cur = 2 * w;
  for (let j = 0; j < w; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[prev + j]! + 1, rows[cur + j - 1]! + 1, rows[prev + j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        d = Math.min(d, rows[prev2 + j - 2]! + 1);
      }
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return rows[prev + b.length]!;
}
let rows = new Int32Array(3 * 64);

/**
 * Whether two words of the same stem differ only by an ending: the shorter one starts the longer
 * (`refugie` / `refugies`), or does without its final y (`family` / `families`); not `refuge` / `refugies`.
 */
function inflects(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) || (short.endsWith('y') && long.startsWith(short.slice(0, -1)));
}

/** Typo tolerance by word length: none under 4 letters, one edit for 4–7, two from 8. */
export const typoBudget = (word: string): number => (word.length < 4 ? 0 : word.length < 8 ? 1 : 2);

/** Records of the catalog's segments that are gone (removed or replaced since the segment was built). */
export interface Removed {
  /** How many. */
  count: number;
  /** The sum of their lengths. */
  length: number;
  /** Per word, how many of them hold it. */
  df: ReadonlyMap<string, number>;
}

export const NOTHING_REMOVED: Removed = { count: 0, length: 0, df: new Map() };

/**
 * What `Removed` becomes when more records go. A generator (runNow, or runSliced for records by the
 * thousand: the 13,000 that name a relabelled term at 100,000 held the event loop ~80 ms).
 */
export function* withRemoved(removed: Removed, texts: readonly IndexedText[]): Generator<void, Removed> {
  if (texts.length === 0) return removed;
  const df = new Map(removed.df);
  let length = removed.length;
  for (const t of texts) {
    length += t.length;
    for (const w of t.words) df.set(w, (df.get(w) ?? 0) + 1);
    yield;
  }
  return { count: removed.count + texts.length, length, df };
}

/** How many scores a version keeps for the words searched (16 MB: a burst of odd queries cannot grow it). */
const MAX_SCORED = 4_000_000;

/** A segment and where its records start among the catalog's slots. */
export interface Placed {
  segment: TextSegment;
  offset: number;
}

/**
 * The full-text index of one catalog version over its segments: statistics of the live records
 * only (gone records still sit in a segment's postings until the next full build; the catalog
 * never returns them), so a version reached by edits scores exactly as one built from scratch.
 */
export class SearchIndex {
  /** Slots: every segment's records, gone ones included. */
  readonly size: number;
  private readonly live: number;
  private readonly avgLength: number;
  private readonly scored = new Map<string, ReadonlyArray<Float32Array | null>>();
  private scoredSize = 0;
  /** The best records of a one-word query without scoring every one (max-score.ts). */
  readonly maxScore: MaxScore;

  constructor(
    private readonly parts: readonly Placed[],
    private readonly synonyms: readonly SynonymGroup[] = [],
    private readonly removed: Removed = NOTHING_REMOVED,
  ) {
    this.size = parts.reduce((n, p) => n + p.segment.size, 0);
    this.live = this.size - removed.count;
    const totalLength = parts.reduce((n, p) => n + p.segment.totalLength, 0) - removed.length;
    this.avgLength = totalLength / Math.max(1, this.live) || 1;
    this.maxScore = new MaxScore(parts, (word) => this.wordScores(word));
  }

  /** One segment over these texts, at once. */
  static of(texts: readonly IndexedText[], synonyms: readonly SynonymGroup[] = []): SearchIndex {
    return new SearchIndex([{ segment: runNow(buildSegment(texts)), offset: 0 }], synonyms);
  }

  /** The same records with other synonym groups (synonyms are read per query only). */
  withSynonyms(synonyms: readonly SynonymGroup[]): SearchIndex {
    return new SearchIndex(this.parts, synonyms, this.removed);
  }

  /** How many live records hold an indexed word. */
  df(word: string): number {
    let n = -(this.removed.df.get(word) ?? 0);
    for (const p of this.parts) n += p.segment.dfOf(word);
    return n;
  }

  /** The word itself and the words of its stems; `loose` also those beyond an inflection (weaker). */
  private exactAndStems(word: string, weight: number, into: Map<string, number>, loose = true): void {
    if (this.df(word) > 0) into.set(word, Math.max(into.get(word) ?? 0, weight * EXACT));
    const [en, fr] = stemsOf(word);
    for (const key of [en.length >= MIN_STEM && `e:${en}`, fr.length >= MIN_STEM && `f:${fr}`]) {
      if (!key) continue;
      for (const { segment } of this.parts) {
        for (const s of segment.stems.get(key) ?? []) {
          const other = segment.words[s]!;
          if (into.has(other) || STOP_WORDS.has(other) || this.df(other) <= 0) continue;
          if (inflects(word, other)) into.set(other, weight * STEM);
          else if (loose) into.set(other, weight * LOOSE_STEM);
        }
      }
    }
  }

  private prefixed(word: string, into: Map<string, number>): void {
    const found = new Set<string>();
    for (const { segment } of this.parts) {
      const words = segment.words;
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (words[mid]! < word) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < words.length && words[k]!.startsWith(word); k++) {
        const w = words[k]!;
        if (!into.has(w) && !w.includes(' ')) found.add(w);
      }
    }
    let list = [...found];
    if (this.parts.length > 1) list.sort();
    list = list.filter((w) => this.df(w) > 0);
    if (list.length > MAX_PREFIX_WORDS) {
      const df = new Map(list.map((w) => [w, this.df(w)]));
      list.sort((a, b) => df.get(b)! - df.get(a)!).length = MAX_PREFIX_WORDS;
    }
    for (const w of list) into.set(w, PREFIX);
  }

  /**
   * Indexed words within the typo budget, by length then alphabetical order (the order ties are
   * settled in); the first letter is kept for words under 8 letters.
   */
  private nearWords(word: string, budget: number, keepFirst: boolean): Array<[string, number]> {
    const out = new Map<string, number>();
    if (budget === 0) return [];
    const mask = letterMask(word);
    for (const { segment } of this.parts) {
      for (let len = Math.max(1, word.length - budget); len <= word.length + budget; len++) {
        const bucket = segment.byLength[len];
        if (!bucket) continue;
        const lists = keepFirst ? [bucket.get(word[0]!) ?? []] : bucket.values();
        for (const list of lists) {
          for (const id of list) {
            if (bitCount(mask ^ segment.masks[id]!) > 2 * budget) continue;
            const other = segment.words[id]!;
            if (out.has(other)) continue;
            const d = editDistance(word, other, budget);
            if (d <= budget && this.df(other) > 0) out.set(other, d);
          }
        }
      }
    }
    return [...out].sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** The closest of `found`, the most common first, else the first in order. */
  private best(found: ReadonlyArray<readonly [string, number]>): string | null {
    let best: readonly [string, number, number] | null = null;
    for (const [w, d] of found) {
      const df = this.df(w);
      if (!best || d < best[1] || (d === best[1] && df > best[2])) best = [w, d, df];
    }
    return best ? best[0] : null;
  }

  private expand(word: string, last: boolean): { expansion: Expansion; correction: string | null } {
    const into = new Map<string, number>();
    this.exactAndStems(word, 1, into);
    if (last || word.length >= 4) this.prefixed(word, into);
    if (into.size > 0) return { expansion: [...into], correction: null };
    const found = this.nearWords(word, typoBudget(word), word.length < 8);
    // Only the closest words: a one-edit correction exists, two-edit look-alikes are noise.
    const closest = Math.min(...found.map(([, d]) => d));
    const near = found.filter(([, d]) => d === closest);
    for (const [w, d] of near) into.set(w, Math.max(into.get(w) ?? 0, TYPO[d] ?? 0));
    return { expansion: [...into], correction: this.best(near) };
  }

  private sameWord = (q: string, g: string): boolean => {
    if (q === g) return true;
    const [qe, qf] = stemsOf(q);
    const [ge, gf] = stemsOf(g);
    return ((qe.length >= MIN_STEM && qe === ge) || (qf.length >= MIN_STEM && qf === gf)) && inflects(q, g);
  };

  private clauses(terms: readonly string[]): Clause[] {
    const out: Clause[] = [];
    const expanded = terms.map((w, k) => this.expand(w, k === terms.length - 1));
    // A mistyped word finds its synonyms through its correction (`sheltr` → `shelter` → `hébergement`).
    const hits = findSynonyms(
      expanded.map((e, k) => e.correction ?? terms[k]!),
      this.synonyms,
      this.sameWord,
    );
    let h = 0;
    for (let i = 0; i < terms.length; ) {
      const hit = hits[h];
      const span = hit && hit.start === i ? hit.length : 1;
      const own = expanded.slice(i, i + span);
      const alternatives: Expansion[][] = [own.map((o) => o.expansion)];
      if (hit && hit.start === i) {
        for (const alt of hit.alternatives) {
          // Synonyms stand for exactly their words and inflections: `nations` must not find `national`.
          alternatives.push(
            alt.map((w) => {
              const m = new Map<string, number>();
              this.exactAndStems(w, SYNONYM, m, false);
              return [...m];
            }),
          );
        }
        h++;
      }
      const corrections = own.map((o, k) => o.correction ?? terms[i + k]!);
      out.push({
        label: terms.slice(i, i + span).join(' '),
        alternatives,
        correction: own.some((o) => o.correction) ? corrections.join(' ') : null,
      });
      i += span;
    }
    return out;
  }

  /**
   * A word's BM25 score in each record of each segment holding it, from the live statistics: idf
   * of its live document frequency, length over the live mean. Worked out once per version and
   * word (a version is immutable; the same words are searched again and again).
   */
  private wordScores(word: string): ReadonlyArray<Float32Array | null> {
    let known = this.scored.get(word);
    if (known) return known;
    const n = this.df(word);
    const k1b = K1 * (1 - B);
    const kb = (K1 * B) / this.avgLength;
    const idf = Math.log(1 + (this.live - n + 0.5) / (n + 0.5)) * (K1 + 1);
    known = this.parts.map(({ segment }) => {
      const id = n > 0 ? segment.ids.get(word) : undefined;
      if (id === undefined) return null;
      const { docs, tf, lengths } = segment;
      const start = segment.offsets[id]!;
      const out = new Float32Array(segment.offsets[id + 1]! - start);
      for (let k = 0; k < out.length; k++) {
        const t = tf[start + k]!;
        out[k] = (idf * t) / (t + k1b + kb * lengths[docs[start + k]!]!);
      }
      return out;
    });
    const size = known.reduce((sum, x) => sum + (x?.length ?? 0), 0);
    if (this.scoredSize + size > MAX_SCORED) {
      this.scored.clear();
      this.maxScore.clear();
      this.scoredSize = 0;
    }
    this.scored.set(word, known);
    this.scoredSize += size;
    return known;
  }

  /** How many postings the words of a part have, gone records included. */
  private postings(part: Expansion): number {
    let n = 0;
    for (const [word] of part) for (const { segment } of this.parts) n += segment.dfOf(word);
    return n;
  }

  /** Per-record scores of a part (one query word's expansion): the best of its words. */
  private partScores(part: Expansion, into: Float32Array): void {
    for (const [word, weight] of part) {
      const scores = this.wordScores(word);
      for (let p = 0; p < this.parts.length; p++) {
        const s = scores[p];
        if (!s) continue;
        const { segment, offset } = this.parts[p]!;
        const docs = segment.docs;
        const start = segment.offsets[segment.ids.get(word)!]!;
        for (let k = 0; k < s.length; k++) {
          const v = weight * s[k]!;
          const d = offset + docs[start + k]!;
          if (v > into[d]!) into[d] = v;
        }
      }
    }
  }

  /** The query's clauses, what they expand to and the words to highlight, before any scoring. */
  plan(queryTerms: readonly string[]): Plan {
    const terms = meaningful(queryTerms);
    const clauses = this.clauses(terms);
    const highlight = new Set<string>();
    for (const clause of clauses) for (const alt of clause.alternatives) for (const part of alt) for (const [w] of part) highlight.add(w);
    const corrected = clauses.some((c) => c.correction) ? clauses.map((c) => c.correction ?? c.label).join(' ') : null;
    return { terms, clauses, labels: clauses.map((c) => c.label), highlight, corrected };
  }

  /**
   * Scores every record against each clause of the query (its meaningful words). The arrays are
   * the process's scratch buffers (scratch.ts): read them before the next `match`.
   */
  match(plan: Plan): TextMatch {
    const { clauses, labels, highlight, corrected } = plan;
    const n = this.size;
    let parts = 0;
    const scores = clauses.map((clause, c) => {
      const out = clauseScores.zeroed(c, n);
      const { single, phrases } = sourcesOf(clause);
      // A record's score for a clause is its best: a word found through several alternatives is read once.
      this.partScores(single, out);
      for (const alt of phrases) {
        // A phrase alternative matches where every one of its words does.
        const each = alt.map((part) => {
          const s = phraseScores.zeroed(parts++, n);
          this.partScores(part, s);
          return s;
        });
        // Only records holding a word of its rarest part can match it: those postings, not every record.
        const rarest = alt.reduce((a, b) => (this.postings(b) < this.postings(a) ? b : a));
        for (const [word] of rarest) {
          for (const { segment, offset } of this.parts) {
            const id = segment.ids.get(word);
            if (id === undefined) continue;
            const { docs } = segment;
            for (let k = segment.offsets[id]!; k < segment.offsets[id + 1]!; k++) {
              const d = offset + docs[k]!;
              let sum = 0;
              for (const s of each) {
                if (s[d] === 0) {
                  sum = 0;
                  break;
                }
                sum += s[d]!;
              }
              if (sum > out[d]!) out[d] = sum;
            }
          }
        }
      }
      return out;
    });
    const adjacency = adjacencyScores.zeroed(0, n);
    this.partScores(pairsOf(plan), adjacency);
    return { labels, scores, adjacency, highlight, corrected };
  }

  /**
   * Corrections for words that match nothing even with typo tolerance: the closest indexed word
   * (two edits, any letter), the most common first. Used when a search finds nothing.
   */
  suggest(queryTerms: readonly string[]): string | null {
    const terms = meaningful(queryTerms);
    let changed = false;
    const out = terms.map((w) => {
      if (w.length < 3 || this.df(w) > 0) return w;
      const best = this.best(this.nearWords(w, 2, false));
      if (!best) return w;
      changed = true;
      return best;
    });
    return changed ? out.join(' ') : null;
  }
}

/** Per clause, per record: a query's scores (reused by the next query, see scratch.ts). */
const clauseScores = floatScratch();
/** Per word of a phrase alternative, per record. */
const phraseScores = floatScratch();
const adjacencyScores = floatScratch();
