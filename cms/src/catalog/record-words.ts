/**
 * How a record's searchable fields become weighted words: each field kind has a weight (a word in
 * a name says more than one in a description), and adjacent words of names and labels are indexed
 * as pairs too. Read by indexedText (search-index.ts) and by the segment build (segment.ts).
 */
import { STOP_WORDS } from './analyze';

/** Field weights: a word in a name says more about a record than one in its description. */
export const FIELD_WEIGHTS = { name: 3, label: 1.5, place: 1.5, text: 1, fees: 0.5, internal: 0.75 } as const;
export type FieldKind = keyof typeof FIELD_WEIGHTS;

/** Fields whose adjacent words are indexed as pairs too, so `aide juridique` ranks the label `Aide juridique` first. */
const PAIRED: ReadonlySet<FieldKind> = new Set(['name', 'label']);
/** The index key of two adjacent words (a space never occurs inside a folded word). */
export const pairKey = (a: string, b: string): string => `${a} ${b}`;

/**
 * A record's searchable fields: each list is one field value's words (one name, one label…), in
 * order. Pairs of adjacent words are taken within a value, never across two.
 */
export type FieldWords = ReadonlyArray<readonly [FieldKind, readonly string[]]>;

/**
 * The pair keys of a value's adjacent words (stop words skipped). A label's are worked out once
 * and shared (frozen, like the word lists `words` shares): the same labels recur in thousands of records.
 */
function pairsOf(list: readonly string[], shared: boolean): readonly string[] {
  const known = shared ? labelPairs.get(list) : undefined;
  if (known) return known;
  const out: string[] = [];
  let previous: string | null = null;
  for (const word of list) {
    if (STOP_WORDS.has(word)) continue;
    if (previous !== null) out.push(pairKey(previous, word));
    previous = word;
  }
  if (shared) labelPairs.set(list, Object.freeze(out));
  return out;
}
const labelPairs = new WeakMap<readonly string[], readonly string[]>();

/**
 * Calls `add` with each list of words of a record's fields — a field value's words, and the pairs
 * of adjacent words of its names and labels — with the field's weight; every word of a list counts
 * once per occurrence. Returns the record's length (the sum of the weights of its words). The one
 * place that says how a record's words are weighed: `indexedText` and the segment build
 * (segment.ts) both read a record through it. A frozen list is one many records share (a label's
 * words or pairs, a city's): a reader may work out what it needs of it once.
 */
export function eachWord(fields: FieldWords, add: (words: readonly string[], weight: number) => void): number {
  let length = 0;
  // An index loop: destructuring each pair with for…of went through the array iterator.
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const kind = field[0];
    const list = field[1];
    const w = FIELD_WEIGHTS[kind];
    add(list, w);
    length += w * list.length;
    if (PAIRED.has(kind)) add(pairsOf(list, kind === 'label'), w);
  }
  return length;
}
