/**
 * One immutable part of a catalog: some entries and the indexes over them, by local slot
 * (0…n-1) — a posting list per filter value, each entry's values as vocabulary codes, the text
 * segment, the name order and the slugs. A catalog version is one large part built from every
 * record plus a small one for the records edited since (catalog.ts), so an edit rebuilds only
 * the small one. The build is a generator: run at once, or in slices off the request path.
 */
import type { Locale } from '@referral-directory/sdk';
import { LOCALES } from '@referral-directory/sdk';
import type { Entry, Named, Vocabulary } from './catalog';
import { fold } from './normalize';
import type { IndexedText } from './search-index';
import { Postings, type RecordText, type TextSegment, buildSegment } from './segment';
import { descending } from './top';

export interface Part<R extends Named, F extends string> {
  readonly entries: readonly Entry<R, F>[];
  /** Each entry's slot, to find what an edit replaces. */
  readonly slotOf: ReadonlyMap<Entry<R, F>, number>;
  /** Per filter, per value, the slots holding it (ascending). */
  readonly postings: ReadonlyMap<F, ReadonlyMap<string, Uint32Array>>;
  /**
   * Per filter (in `filterNames` order), every entry's values as indexes into the vocabulary,
   * flat: entry i's are codes[starts[i]] … codes[starts[i + 1] - 1]. Facet counting is then
   * array increments instead of string-keyed map updates.
   */
  readonly valueCodes: ReadonlyArray<{ starts: Uint32Array; codes: Uint16Array }>;
  readonly text: TextSegment;
  /** Slots in name order per locale. */
  readonly byName: Readonly<Record<Locale, Uint32Array>>;
  /** By English slug (the last entry wins), and by French slug (the first wins). */
  readonly enSlugs: ReadonlyMap<string, Entry<R, F>>;
  readonly frSlugs: ReadonlyMap<string, Entry<R, F>>;
}

const collators: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  fr: new Intl.Collator('fr', { sensitivity: 'base', numeric: true }),
};

/** What name order reads of an entry. */
type Sortable = Pick<Entry<Named, string>, 'slug' | 'name'>;

/** Name order in a locale, ties by slug: the stable base order of every list. */
export function compareByName(locale: Locale): (x: Sortable, y: Sortable) => number {
  const collator = collators[locale];
  return (x, y) => collator.compare(x.name(locale), y.name(locale)) || (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0);
}

/** A name as a plain string that sorts almost as the collator does: folded, numbers padded. */
const roughKey = (name: string): string => fold(name).replace(/[0-9]+/g, (n) => n.padStart(12, '0'));

/**
 * Entry indexes in name order (compareByName). A collator comparison is slow, and a sort makes
 * n log n of them (seconds at 100,000 records): the entries are sorted by a plain string key that
 * orders them almost as the collator does, then an insertion sort with the collator puts the few
 * the key misplaces right, in about n comparisons. If the key turns out far off (many moves), the
 * collator sorts them all: the result is the collator's order either way.
 */
export function nameOrder<R extends Named, F extends string>(entries: readonly Entry<R, F>[], locale: Locale): Uint32Array {
  const cmp = compareByName(locale);
  const keys = entries.map((e) => roughKey(e.name(locale)));
  const order = Uint32Array.from(
    entries
      .map((_, i) => i)
      .sort((a, b) => {
        const x = keys[a]!;
        const y = keys[b]!;
        return x < y ? -1 : x > y ? 1 : 0;
      }),
  );
  let moves = 0;
  const budget = 8 * entries.length + 64;
  for (let i = 1; i < order.length; i++) {
    const x = order[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(entries[order[j]!]!, entries[x]!) > 0) {
      order[j + 1] = order[j]!;
      j--;
      if (++moves > budget) return Uint32Array.from(entries.map((_, k) => k).sort((a, b) => cmp(entries[a]!, entries[b]!)));
    }
    order[j + 1] = x;
  }
  return order;
}

const SLICE = 256;

/**
 * The small part (the edits since the last full build) is rebuilt on every edit: its entries'
 * words are kept while they are in one (`keepWords`), so an edit works out only its own record's.
 */
const smallTexts = new WeakMap<object, IndexedText>();
function textOf<R extends Named, F extends string>(e: Entry<R, F>, keep: boolean): RecordText {
  let t = smallTexts.get(e);
  if (t) return t;
  if (!keep) return e.searchText(); // read field by field as the segment takes it
  t = e.text();
  smallTexts.set(e, t);
  return t;
}

function* textsOf<R extends Named, F extends string>(entries: readonly Entry<R, F>[], keep: boolean): Generator<RecordText> {
  for (const e of entries) yield textOf(e, keep);
}

/**
 * Where an entry goes in a part's name order (the number of its entries before it), per locale:
 * an edited entry is placed once per large part, not on every edit after.
 */
const places = new WeakMap<object, Record<Locale, Map<object, number>>>();
export function placeIn<R extends Named, F extends string>(part: Part<R, F>, e: Entry<R, F>, locale: Locale): number {
  let byLocale = places.get(part);
  if (!byLocale) {
    byLocale = { en: new Map(), fr: new Map() };
    places.set(part, byLocale);
  }
  const known = byLocale[locale].get(e);
  if (known !== undefined) return known;
  const cmp = compareByName(locale);
  const order = part.byName[locale];
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(part.entries[order[mid]!]!, e) <= 0) lo = mid + 1;
    else hi = mid;
  }
  byLocale[locale].set(e, lo);
  return lo;
}

/** Places `entries` in `part` (placeIn), a record at a time: for runSliced, when they are by the thousand. */
export function* placing<R extends Named, F extends string>(part: Part<R, F>, entries: readonly Entry<R, F>[]): Generator<void, void> {
  for (const e of entries) {
    for (const locale of LOCALES) placeIn(part, e, locale);
    yield;
  }
}

/**
 * A full load's entries, in order, each with its words counted as it is made (the text segment's
 * pass 1), from the records in hand: a staff entry keeps only its JSON, which a build would
 * otherwise parse again for its words (two records of ~2.3 KB each, 36 µs an entry: seconds of
 * the boot at 100,000 organizations).
 */
export class EntriesLoad<R extends Named, F extends string> {
  /** Empty; or a load made before, its entries and their words (a snapshot's: snapshot.ts). */
  constructor(
    readonly entries: Entry<R, F>[] = [],
    readonly words = new Postings(),
  ) {}

  /**
   * `text`: the entry's searchText, worked out from the records it was made of; or its words
   * beside those of the entry `withLastOf` was told of last (see Postings.record).
   */
  add(entry: Entry<R, F>, text: RecordText, withLastOf?: EntriesLoad<Named, string>): void {
    this.entries.push(entry);
    this.words.record(text, withLastOf?.words);
  }
}

/**
 * Builds a part. `order`, when given, is the name order of `entries` already known (a full
 * rebuild from a catalog keeps its order rather than sorting again). `counted`: the entries'
 * words, already counted in their order (EntriesLoad).
 */
export function* buildPart<R extends Named, F extends string>(
  entries: readonly Entry<R, F>[],
  vocabulary: Vocabulary<F>,
  filterNames: readonly F[],
  order?: Record<Locale, Uint32Array>,
  keepWords = false,
  counted?: Postings,
): Generator<void, Part<R, F>> {
  if (counted && counted.records !== entries.length)
    throw new Error(`buildPart: ${counted.records} records counted for ${entries.length} entries`);
  let byName = order;
  if (!byName) {
    // A locale per step: sorting the 13,000 records that name a relabelled term took ~85 ms each.
    const en = nameOrder(entries, 'en');
    yield;
    byName = { en, fr: nameOrder(entries, 'fr') };
    yield;
  }
  const slotOf = new Map<Entry<R, F>, number>();
  const enSlugs = new Map<string, Entry<R, F>>();
  const frSlugs = new Map<string, Entry<R, F>>();
  const lists = new Map<F, Map<string, number[]>>(filterNames.map((name) => [name, new Map()]));
  const byFilter = filterNames.map((name) => lists.get(name)!);
  // Index loops: in a generator, iterating arrays with for…of made an object per value.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    slotOf.set(e, i);
    enSlugs.set(e.slug, e);
    for (let l = 0; l < LOCALES.length; l++) {
      const slug = e.slugIn(LOCALES[l]!);
      if (LOCALES[l] !== 'en' && !frSlugs.has(slug)) frSlugs.set(slug, e);
    }
    for (let f = 0; f < filterNames.length; f++) {
      const byValue = byFilter[f]!;
      const values = e.values[filterNames[f]!];
      for (let k = 0; k < values.length; k++) {
        const list = byValue.get(values[k]!);
        if (list) list.push(i);
        else byValue.set(values[k]!, [i]);
      }
    }
    if (i % SLICE === SLICE - 1) yield;
  }
  const postings = new Map<F, Map<string, Uint32Array>>();
  for (const [name, byValue] of lists) postings.set(name, new Map([...byValue].map(([v, list]) => [v, Uint32Array.from(list)])));
  yield;
  const valueCodes: Array<{ starts: Uint32Array; codes: Uint16Array }> = [];
  for (const name of filterNames) {
    const index = new Map(vocabulary[name].map((t, k) => [t.value, k]));
    const starts = new Uint32Array(entries.length + 1);
    const codes: number[] = [];
    for (let i = 0; i < entries.length; i++) {
      starts[i] = codes.length;
      const values = entries[i]!.values[name];
      for (let j = 0; j < values.length; j++) {
        const k = index.get(values[j]!);
        if (k !== undefined) codes.push(k); // a value outside the vocabulary is never shown
      }
    }
    starts[entries.length] = codes.length;
    valueCodes.push({ starts, codes: Uint16Array.from(codes) });
    yield;
  }
  // Each record's words are worked out as the segment takes them (it yields every few records).
  const text = yield* buildSegment(counted ?? textsOf(entries, keepWords));
  return { entries, slotOf, postings, valueCodes, text, byName, enSlugs, frSlugs };
}

/** Per part and locale: its slots by descending lastVerified (ties in name order), and each slot's place in its name order. */
const verifiedOrders = new WeakMap<object, Partial<Record<Locale, { order: Uint32Array; namePlace: Uint32Array }>>>();
function verifiedOf<R extends Named, F extends string>(part: Part<R, F>, locale: Locale) {
  let byLocale = verifiedOrders.get(part);
  if (!byLocale) verifiedOrders.set(part, (byLocale = {}));
  let known = byLocale[locale];
  if (!known) {
    const names = part.byName[locale];
    const namePlace = new Uint32Array(names.length);
    names.forEach((slot, k) => (namePlace[slot] = k));
    known = byLocale[locale] = { order: descending(names, (i) => part.entries[i]!.lastVerified), namePlace };
  }
  return known;
}

/**
 * A catalog version's live slots by descending lastVerified, ties in name order: the base part's
 * order (sorted once per part) without its gone slots, with the delta's merged in, rather than a
 * sort of every record on the first such list after each edit (~25 ms at 100,000).
 */
export function verifiedOrder<R extends Named, F extends string>(
  base: Part<R, F>,
  delta: Part<R, F>,
  gone: Uint8Array | null,
  goneCount: number,
  locale: Locale,
): Uint32Array {
  const { order, namePlace } = verifiedOf(base, locale);
  if (!gone && delta.entries.length === 0) return order;
  const B = base.entries.length;
  const out = new Uint32Array(B - goneCount + delta.entries.length);
  let o = 0;
  let p = 0;
  for (const d of descending(delta.byName[locale], (i) => delta.entries[i]!.lastVerified)) {
    const e = delta.entries[d]!;
    // The base's entries before it (verified later, or the same day and before it by name) are a
    // prefix of the base's order: found by bisection, then copied without their gone slots.
    const at = placeIn(base, e, locale);
    let lo = p;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const key = base.entries[order[mid]!]!.lastVerified;
      if (key > e.lastVerified || (key === e.lastVerified && namePlace[order[mid]!]! < at)) lo = mid + 1;
      else hi = mid;
    }
    for (; p < lo; p++) if (!gone?.[order[p]!]) out[o++] = order[p]!;
    out[o++] = B + d;
  }
  for (; p < order.length; p++) if (!gone?.[order[p]!]) out[o++] = order[p]!;
  return out;
}
