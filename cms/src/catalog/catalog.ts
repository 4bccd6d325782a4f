/**
 * The in-memory public directory: every public record in both locales, pre-serialized, with
 * folded search text and filter values. Lists, facets and lookups never touch the database,
 * so a query costs the same whatever the database holds and whether a slug exists privately.
 */
import type { FacetValue, FilterName, Locale, PublicOrganization, Sort } from '@referral-directory/sdk';
import { FILTER_NAMES, LOCALES } from '@referral-directory/sdk';
import { type Vocabulary, sameValues } from './vocabulary';
import type { Entry } from './entry';
import { type Edits, type Side, editsBetween, inSet, netOf, noEdits, originOf, partIdOf, rememberOrigin } from './edits';
import { type IndexedText, NOTHING_REMOVED, type Plan, type Removed, SearchIndex, withRemoved } from './search-index';
import { textMask } from './text-mask';
import { runNow, runSliced } from './segment';
import { EntriesLoad, type Part, buildPart, placeIn, placing, verifiedOrder } from './part';
import type { SynonymGroup } from './synonyms';
import { orderedText, passBits, rankedText, textHits } from './clause-top';
import { intScratch, shortScratch } from './scratch';
import { topK } from './top';

// Entries are made in entry.ts; the catalog's users take them from here with the rest.
export { type Entry, filterValues, sameEntry, searchTextOf, toEntry } from './entry';
export { EntriesLoad } from './part';
export { type Vocabulary, type VocabularyTerm, fixedVocabulary } from './vocabulary';

/** What the catalog needs of a record to sort it. */
export interface Named {
  slug: string;
  name: string;
}

export interface DirectoryQuery<F extends string = FilterName> {
  terms: string[];
  filters: Partial<Record<F, ReadonlySet<string>>>;
  locale: Locale;
  page: number;
  pageSize: number;
  sort: Sort;
}

/** What a text search adds to a page of results. */
export interface TextOutcome {
  /** No record had every word: these are the records that have some. */
  relaxed: boolean;
  /** With `relaxed`: the query words (or synonym phrases) that some result matched. */
  matched: string[];
  /** Corrected queries taken from the index vocabulary, when a word was mistyped or unknown. */
  suggestions: string[];
  /** Indexed words that matched, for highlights. */
  highlight: ReadonlySet<string>;
}

export interface SearchResult<R extends Named, F extends string> {
  page: Entry<R, F>[];
  total: number;
  /** Present when the query has words. */
  text: TextOutcome | null;
}

/** Entries by slug: `get` and `has` of a map (all the API needs). */
export interface SlugLookup<E> {
  get(slug: string): E | undefined;
  has(slug: string): boolean;
}

/** Set in a slot's filter bits when the slot holds a gone record: it never equals "every filter". */
const GONE = 0x8000;

/** A query's arrays of one value per slot, reused by the next query (see scratch.ts). */
const filterBitScratch = shortScratch();
const keptSlots = intScratch();

/**
 * Past this many edited or gone records, a catalog asks for a full rebuild (off the request path,
 * in slices). Each edit rebuilds the small part from all its records, and a full rebuild costs all
 * the records: half the square root of the size keeps both small (at 100,000 organizations: a
 * full rebuild, ~20 s of CPU for both catalogs, every 158 edits rather than every 32, which took
 * three quarters of the reads' throughput with an edit every 300 ms; `npm run bench:edits`).
 */
export const compactAfter = (records: number): number => Math.max(32, Math.round(Math.sqrt(records) / 2));

/** A catalog version's parts: the large one, the edits since, and the large one's gone slots. */
interface Parts<R extends Named, F extends string> {
  base: Part<R, F>;
  delta: Part<R, F>;
  /** Per base slot, 1 when its record is gone (replaced or removed); null when none is. */
  gone: Uint8Array | null;
  /** The gone base slots, in the order they went. */
  goneSlots: readonly number[];
  removed: Removed;
}

/** An edit of a version's parts, before its delta is built: the gone slots after it, the texts gone, the delta's entries. */
interface Edit<R extends Named, F extends string> {
  gone: Uint8Array;
  goneSlots: number[];
  goneTexts: IndexedText[];
  edited: Entry<R, F>[];
}

/** A version's parts when it is one large part (no edit since it was built). */
function wholeParts<R extends Named, F extends string>(
  base: Part<R, F>,
  vocabulary: Vocabulary<F>,
  filterNames: readonly F[],
): Parts<R, F> {
  return { base, delta: runNow(buildPart([], vocabulary, filterNames)), gone: null, goneSlots: [], removed: NOTHING_REMOVED };
}

const sideOf = <R extends Named, F extends string>(p: Parts<R, F>): Side<R, F> => ({
  goneSlots: p.goneSlots,
  isGone: (slot) => p.gone?.[slot] === 1,
  delta: p.delta.entries,
});

/**
 * A version of the directory: every query runs on indexes over its entries — a posting list per
 * filter value, and the full-text index (search-index.ts: stems, prefixes, typos, synonyms,
 * BM25). A query touches only the postings it names and a few passes over typed arrays, so it
 * stays fast at 100,000 records.
 *
 * Versions are immutable, and an edit makes a new one in time proportional to the record
 * (`update`): the large part built from every record is shared, the edited records go into a
 * small part rebuilt from them alone, and the records they replace are marked gone. A reader holds
 * one version for its whole request, so it sees the directory before or after an edit, never half.
 * When the small part grows, `rebuilt` makes one large part again, in slices of a few
 * milliseconds, and `rebasedOn` carries the edits made meanwhile over to it.
 *
 * Slots: the base part's 0…B-1, then the delta part's B…B+D-1; gone slots are skipped everywhere.
 */
export class Catalog<R extends Named = PublicOrganization, F extends string = FilterName> {
  /**
   * Entries by the slug of each of their locales: a slug the API returned in any locale must
   * resolve (a French list links to French slugs). On a clash, a record's English slug wins.
   */
  readonly bySlug: SlugLookup<Entry<R, F>>;
  private readonly parts: Parts<R, F>;
  /**
   * Live slots in name order per locale: the stable base order of every list. Merged on first use
   * (~2 ms per locale at 100,000): a version made by an edit is mostly read in one locale, and the
   * staff catalog's seldom before the next edit replaces it.
   */
  private readonly names: Partial<Record<Locale, Uint32Array>> = {};
  private readonly index: SearchIndex;
  private readonly slots: number;
  private live: readonly Entry<R, F>[] | null = null;
  private valueCounts: readonly Uint32Array[] | null = null;
  private readonly ranks: Partial<Record<Locale, Uint32Array>> = {};
  private readonly byVerified: Partial<Record<Locale, Uint32Array>> = {};

  constructor(
    /** Its records; or a full load's, their words counted as they were made (EntriesLoad). */
    entries: readonly Entry<R, F>[] | EntriesLoad<R, F>,
    readonly vocabulary: Vocabulary<F>,
    /** Changes whenever the content changes: part of every ETag. */
    readonly version: string,
    // Cast kept: F defaults to the public FilterName, whose list this is; a staff catalog passes its own.
    readonly filterNames: readonly F[] = FILTER_NAMES as unknown as readonly F[],
    /** Editors' synonym groups (search-synonym), folded. */
    readonly synonyms: readonly SynonymGroup[] = [],
    /** A version made of parts already built (update, rebuilt): `entries` is then ignored. */
    parts?: Parts<R, F>,
  ) {
    const [list, counted] = entries instanceof EntriesLoad ? [entries.entries, entries.words] : [entries, undefined];
    this.parts = parts ?? wholeParts(runNow(buildPart(list, vocabulary, filterNames, undefined, false, counted)), vocabulary, filterNames);
    const { base, delta, gone, removed } = this.parts;
    this.slots = base.entries.length + delta.entries.length;
    this.index = new SearchIndex(
      [
        { segment: base.text, offset: 0 },
        { segment: delta.text, offset: base.entries.length },
      ],
      synonyms,
      removed,
    );
    if (!gone && delta.entries.length === 0) this.live = base.entries;
    this.bySlug = { get: (slug) => this.slug(slug), has: (slug) => this.slug(slug) !== undefined };
  }

  /** Every live entry, in slot order (the same array for the life of this version). */
  get entries(): readonly Entry<R, F>[] {
    if (!this.live) {
      const { base, delta, gone } = this.parts;
      const live: Entry<R, F>[] = [];
      for (let i = 0; i < base.entries.length; i++) if (!gone?.[i]) live.push(base.entries[i]!);
      for (const e of delta.entries) live.push(e);
      this.live = live;
    }
    return this.live;
  }

  /**
   * The large part's entries and the edits since it was built (its gone slots, the entries added:
   * the live entries are its others in slot order, then those), for an index derived from the
   * entries to update in time proportional to the edits.
   */
  get sinceBase(): { base: readonly Entry<R, F>[]; goneSlots: readonly number[]; added: readonly Entry<R, F>[] } {
    const { base, delta, goneSlots } = this.parts;
    return { base: base.entries, goneSlots, added: delta.entries };
  }

  /** How many edited or gone records the next full rebuild would fold in. */
  get pendingEdits(): number {
    return this.parts.delta.entries.length + this.parts.goneSlots.length;
  }

  /** Whether enough edits have piled up for a full rebuild (see compactAfter). */
  get wantsRebuild(): boolean {
    return this.pendingEdits >= compactAfter(this.slots);
  }

  private entryAt(i: number): Entry<R, F> {
    const { base, delta } = this.parts;
    return i < base.entries.length ? base.entries[i]! : delta.entries[i - base.entries.length]!;
  }

  private isLiveBase(e: Entry<R, F> | undefined): e is Entry<R, F> {
    if (!e) return false;
    const i = this.parts.base.slotOf.get(e);
    return i !== undefined && !this.parts.gone?.[i];
  }

  private slug(slug: string): Entry<R, F> | undefined {
    const { base, delta } = this.parts;
    const en = delta.enSlugs.get(slug) ?? base.enSlugs.get(slug);
    if (en && (delta.slotOf.has(en) || this.isLiveBase(en))) return en;
    const fr = delta.frSlugs.get(slug) ?? base.frSlugs.get(slug);
    if (fr && (delta.slotOf.has(fr) || this.isLiveBase(fr))) return fr;
    return undefined;
  }

  /** The base part's name order without its gone slots, with the delta's slots merged in. */
  private byName(locale: Locale): Uint32Array {
    const known = this.names[locale];
    if (known) return known;
    const { base, delta, gone, goneSlots } = this.parts;
    const order = base.byName[locale];
    if (!gone && delta.entries.length === 0) return (this.names[locale] = order);
    const B = base.entries.length;
    const out = new Uint32Array(B - goneSlots.length + delta.entries.length);
    let o = 0;
    let p = 0;
    for (const d of delta.byName[locale]) {
      // Where the edited entry goes among the base's (gone ones still hold their place in the order).
      const at = placeIn(base, delta.entries[d]!, locale);
      for (; p < at; p++) if (!gone?.[order[p]!]) out[o++] = order[p]!;
      out[o++] = B + d;
    }
    for (; p < order.length; p++) if (!gone?.[order[p]!]) out[o++] = order[p]!;
    return (this.names[locale] = out);
  }

  /**
   * The next version: `removed` (entries of this version) gone, `added` (new entries) in. Costs
   * what the edited records and the edits since the last full rebuild cost, not the directory.
   */
  update(removed: readonly Entry<R, F>[], added: readonly Entry<R, F>[], version: string): Catalog<R, F> {
    const edit = runNow(this.editOf(removed, added));
    const delta = runNow(buildPart(edit.edited, this.vocabulary, this.filterNames, undefined, true));
    return this.withDelta(edit, delta, runNow(withRemoved(this.parts.removed, edit.goneTexts)), version);
  }

  /**
   * The same as `update`, built in slices of a few milliseconds (runSliced): for edits by the
   * thousand (the records that name a relabelled term), which `update` would build in one go.
   */
  async updateSliced(removed: readonly Entry<R, F>[], added: readonly Entry<R, F>[], version: string): Promise<Catalog<R, F>> {
    const edit = await runSliced(this.editOf(removed, added));
    const delta = await runSliced(buildPart(edit.edited, this.vocabulary, this.filterNames, undefined, true));
    // The new version's name orders place each delta entry in the large part's (placeIn keeps where).
    await runSliced(placing(this.parts.base, delta.entries));
    return this.withDelta(edit, delta, await runSliced(withRemoved(this.parts.removed, edit.goneTexts)), version);
  }

  /** What an edit changes of this version's parts: its gone slots, the delta's entries (a generator: a gone record's words are worked out again). */
  private *editOf(removed: readonly Entry<R, F>[], added: readonly Entry<R, F>[]): Generator<void, Edit<R, F>> {
    const { base, delta } = this.parts;
    const goneNow = new Set(removed);
    const gone = this.parts.gone ? this.parts.gone.slice() : new Uint8Array(base.entries.length);
    const goneSlots = [...this.parts.goneSlots];
    const goneTexts: IndexedText[] = [];
    for (const e of removed) {
      const i = base.slotOf.get(e);
      if (i === undefined || gone[i]) continue;
      gone[i] = 1;
      goneSlots.push(i);
      goneTexts.push(e.text());
      yield;
    }
    return { gone, goneSlots, goneTexts, edited: [...delta.entries.filter((e) => !goneNow.has(e)), ...added] };
  }

  private withDelta({ gone, goneSlots }: Edit<R, F>, delta: Part<R, F>, removed: Removed, version: string): Catalog<R, F> {
    return new Catalog([], this.vocabulary, version, this.filterNames, this.synonyms, {
      base: this.parts.base,
      delta,
      gone: goneSlots.length > 0 ? gone : null,
      goneSlots,
      removed,
    });
  }

  /**
   * The same records with the labels of `vocabulary`, when it has the same values in the same order
   * (a term relabelled: nothing is rebuilt); null otherwise (a term added, moved or removed).
   */
  withVocabulary(vocabulary: Vocabulary<F>, version: string): Catalog<R, F> | null {
    if (!sameValues(this.vocabulary, vocabulary, this.filterNames)) return null;
    return new Catalog([], vocabulary, version, this.filterNames, this.synonyms, this.parts);
  }

  /** The same records with other synonym groups (read per query: nothing is rebuilt). */
  withSynonyms(synonyms: readonly SynonymGroup[], version: string): Catalog<R, F> {
    return new Catalog([], this.vocabulary, version, this.filterNames, synonyms, this.parts);
  }

  /**
   * The same version as one large part, built in slices of a few milliseconds (see runSliced), so
   * that requests keep being answered meanwhile; the name order is carried over, not sorted again.
   * With another `vocabulary` (the editors changed a taxonomy), the same records filtered and
   * counted by it: the caller gives the result a version of its own.
   */
  async rebuilt(sliceMs?: number, vocabulary: Vocabulary<F> = this.vocabulary): Promise<Catalog<R, F>> {
    const entries = this.entries;
    const { base, delta, gone } = this.parts;
    const slotIn = new Uint32Array(this.slots);
    let k = 0;
    for (let i = 0; i < base.entries.length; i++) if (!gone?.[i]) slotIn[i] = k++;
    for (let i = 0; i < delta.entries.length; i++) slotIn[base.entries.length + i] = k++;
    const order = { en: this.byName('en').map((i) => slotIn[i]!), fr: this.byName('fr').map((i) => slotIn[i]!) };
    const part = await runSliced(buildPart(entries, vocabulary, this.filterNames, order), sliceMs);
    // Kept: the edits on the earlier large part that this one folds in, for editsSince across it.
    rememberOrigin(part, base, { goneSlots: this.parts.goneSlots, isGone: inSet(this.parts.goneSlots), delta: delta.entries });
    return new Catalog([], vocabulary, this.version, this.filterNames, this.synonyms, wholeParts(part, vocabulary, this.filterNames));
  }

  /**
   * This version on `rebuilt`, a full rebuild of the earlier version `from`: the edits made since
   * `from` applied to it, with the rebuild's vocabulary. Null when this version does not descend
   * from `from` by edits.
   */
  rebasedOn(rebuilt: Catalog<R, F>, from: Catalog<R, F>): Catalog<R, F> | null {
    const edits = this.editsSince(from);
    if (!edits) return null;
    if (this === from) return rebuilt.synonyms === this.synonyms ? rebuilt : rebuilt.withSynonyms(this.synonyms, this.version);
    const next = rebuilt.update(edits.removed, edits.added, this.version);
    return next.synonyms === this.synonyms ? next : next.withSynonyms(this.synonyms, this.version);
  }

  /**
   * The entries of `from` this version no longer has (removed) and those it has that `from` had not
   * (added), when both are made by edits on the same large part — `from` earlier, later or made by
   * other edits — or on either side of one full rebuild (`rebuilt`); null otherwise. In time
   * proportional to the edits, not the directory.
   */
  editsSince(from: Catalog<R, F>): Edits<R, F> | null {
    const base = this.parts.base;
    if (from.parts.base === base) return netOf(editsBetween(base.entries, sideOf(from.parts), sideOf(this.parts)));
    const origin = originOf<R, F>(base);
    if (origin && origin.baseId === partIdOf(from.parts.base)) {
      // `from` → the version rebuilt (its live entries are this base's), then → this version.
      const toRebuilt = editsBetween(from.parts.base.entries, sideOf(from.parts), origin.side);
      return netOf(toRebuilt, editsBetween(base.entries, noEdits<R, F>(), sideOf(this.parts)));
    }
    const later = originOf<R, F>(from.parts.base);
    if (later && later.baseId === partIdOf(base)) {
      const edits = from.editsSince(this);
      return edits && { removed: edits.added, added: edits.removed };
    }
    return null;
  }

  /**
   * Per slot, a bit per active filter it satisfies; `all` when it satisfies every one (a gone
   * slot never does). Filter k of `active` is bit k.
   */
  private filterBits(q: DirectoryQuery<F>): { bits: Uint16Array; all: number; active: F[] } {
    const active = this.filterNames.filter((name) => q.filters[name]);
    const bits = filterBitScratch.zeroed(0, this.slots);
    const { base, delta, goneSlots } = this.parts;
    active.forEach((name, k) => {
      for (const [part, offset] of [
        [base, 0],
        [delta, base.entries.length],
      ] as const) {
        const lists = part.postings.get(name)!;
        for (const v of q.filters[name]!) {
          const list = lists.get(v);
          // An index loop: a typed array's iterator makes an object per element (~900 KB per search at 100,000).
          if (list) for (let j = 0; j < list.length; j++) bits[offset + list[j]!]! |= 1 << k;
        }
      }
    });
    for (const i of goneSlots) bits[i] = GONE;
    return { bits, all: (1 << active.length) - 1, active };
  }

  /** Live slots in a sort other than relevance's order (`-lastVerified`: never verified last). */
  private orderOf(q: DirectoryQuery<F>): Uint32Array {
    if (q.sort !== '-lastVerified') return this.byName(q.locale);
    const { base, delta, gone, goneSlots } = this.parts;
    return (this.byVerified[q.locale] ??= verifiedOrder(base, delta, gone, goneSlots.length, q.locale));
  }

  /** Per live slot, its place in the name order of `locale` (how relevance ties are settled). */
  private rankOf(locale: Locale): Uint32Array {
    const known = this.ranks[locale];
    if (known) return known;
    const rank = new Uint32Array(this.slots);
    this.byName(locale).forEach((slot, k) => (rank[slot] = k));
    return (this.ranks[locale] = rank);
  }

  search(q: DirectoryQuery<F>): SearchResult<R, F> {
    const { bits, all } = this.filterBits(q);
    const plan = q.terms.length > 0 ? this.index.plan(q.terms) : null;
    // A page deep into the hits by relevance (near-search asks for all of them) is ranked by sorting them all.
    const found =
      plan &&
      plan.clauses.length > 0 &&
      (q.sort !== 'relevance' || q.page * q.pageSize * 4 < this.slots) &&
      this.ranked(q, plan, bits, all);
    if (found) return found;
    // No words and no filter (the list a visitor first sees): the hits are the live name order itself.
    if (!plan && all === 0) {
      const order = this.orderOf(q);
      return { page: this.pageOf(q, order).map((i) => this.entryAt(i)), total: order.length, text: null };
    }
    const match = plan ? this.index.match(plan) : null;
    const text = match ? textMask(match, this.slots, (i) => bits[i] === all) : null;
    const kept = keptSlots.any(0, this.slots);
    let count = 0;
    let page: number[];
    if (q.sort === 'relevance' && text) {
      // In slot order, one sequential pass; ties are settled by name rank, and only the pages up to this one are ranked.
      const mask = text.mask;
      for (let i = 0; i < this.slots; i++) if (bits[i] === all && mask[i]) kept[count++] = i;
      const start = (q.page - 1) * q.pageSize;
      page = topK(kept.subarray(0, count), text.score, this.rankOf(q.locale), start + q.pageSize).slice(start);
    } else {
      const order = this.orderOf(q);
      for (let k = 0; k < order.length; k++) {
        const i = order[k]!;
        if (bits[i] === all && (!text || text.mask[i])) kept[count++] = i;
      }
      page = this.pageOf(q, kept.subarray(0, count));
    }
    // The hits in the sort's order or, for relevance, in slot order: either way, the set.
    const picked = kept.subarray(0, count);
    let outcome: TextOutcome | null = null;
    if (match && text) {
      const matched = text.relaxed ? match.labels.filter((_, c) => picked.some((i) => match.scores[c]![i]! > 0)) : [];
      const suggestion = match.corrected ?? (picked.length === 0 || text.relaxed ? this.index.suggest(q.terms) : null);
      outcome = {
        relaxed: text.relaxed && picked.length > 0,
        matched,
        suggestions: suggestion ? [suggestion] : [],
        highlight: match.highlight,
      };
    }
    return { page: page.map((i) => this.entryAt(i)), total: count, text: outcome };
  }

  /**
   * A query by relevance, its hits counted from bits and only its best records scored
   * (clause-top.ts), as textMask keeps and ranks them. Null when that would not pay.
   */
  private ranked(q: DirectoryQuery<F>, plan: Plan, bits: Uint16Array, all: number): SearchResult<R, F> | null {
    const start = (q.page - 1) * q.pageSize;
    const passes = passBits(bits, all);
    const found =
      q.sort === 'relevance'
        ? rankedText(this.index.maxScore, plan, passes, this.rankOf(q.locale), start + q.pageSize)
        : orderedText(this.index.maxScore, plan, passes, this.orderOf(q), q.sort === '-name', start + q.pageSize);
    if (!found) return null;
    const { page, total, relaxed, matched } = found;
    const suggestion = plan.corrected ?? (total === 0 || relaxed ? this.index.suggest(q.terms) : null);
    return {
      page: page.slice(start).map((i) => this.entryAt(i)),
      total,
      text: { relaxed: relaxed && total > 0, matched, suggestions: suggestion ? [suggestion] : [], highlight: plan.highlight },
    };
  }

  /** The page of `picked` (the hits in orderOf's order) in a sort other than relevance. */
  private pageOf(q: DirectoryQuery<F>, picked: Uint32Array): number[] {
    const count = picked.length;
    const start = (q.page - 1) * q.pageSize;
    const end = Math.min(count, start + q.pageSize);
    if (q.sort === '-name') return Array.from({ length: Math.max(0, end - start) }, (_, k) => picked[count - 1 - start - k]!);
    return Array.from(picked.subarray(Math.min(start, count), Math.max(start, end)));
  }

  /**
   * Per filter (in `filterNames` order), per vocabulary value, how many live entries hold it. The
   * gone records are taken off by their values' codes: by name, the 13,000 that name a relabelled
   * term at 100,000 held the first facets request after it for 80 ms.
   */
  private counts(): readonly Uint32Array[] {
    const { base, delta, goneSlots } = this.parts;
    return (this.valueCounts ??= this.filterNames.map((name, f) => {
      const c = new Uint32Array(this.vocabulary[name].length);
      this.vocabulary[name].forEach((t, k) => {
        for (const part of [base, delta]) c[k]! += part.postings.get(name)!.get(t.value)?.length ?? 0;
      });
      const { starts, codes } = base.valueCodes[f]!;
      for (const i of goneSlots) for (let j = starts[i]!; j < starts[i + 1]!; j++) c[codes[j]!]!--;
      return c;
    }));
  }

  /** Counts per filter value over the records matching q and every *other* active filter. */
  facets(q: DirectoryQuery<F>): { data: Record<F, FacetValue[]>; total: number } {
    const { bits, all, active } = this.filterBits(q);
    const plan = q.terms.length > 0 ? this.index.plan(q.terms) : null;
    // A query's hits are worked out from bits of the holders of its words: no need to score them.
    const mask = plan && textHits(this.index.maxScore, plan, passBits(bits, all));
    const names = this.filterNames;
    const counts = names.map((name) => new Uint32Array(this.vocabulary[name].length));
    let total = 0;
    if (!mask && active.length === 0) {
      // Nothing narrows the list: the counts are the posting list lengths.
      total = this.slots - this.parts.goneSlots.length;
      this.counts().forEach((c, f) => counts[f]!.set(c));
    } else {
      const activeFilter = active.map((name) => names.indexOf(name));
      const { base, delta } = this.parts;
      const B = base.entries.length;
      const add = (f: number, i: number) => {
        const { starts, codes } = i < B ? base.valueCodes[f]! : delta.valueCodes[f]!;
        const j0 = i < B ? i : i - B;
        const c = counts[f]!;
        for (let j = starts[j0]!; j < starts[j0 + 1]!; j++) c[codes[j]!]!++;
      };
      for (let i = 0; i < this.slots; i++) {
        if (mask && ((mask[i >>> 5]! >>> (i & 31)) & 1) === 0) continue;
        const b = bits[i]!;
        if (b === all) {
          total++;
          for (let f = 0; f < names.length; f++) add(f, i);
        } else {
          // Fails exactly one active filter: it counts for that filter's facet only.
          for (let k = 0; k < activeFilter.length; k++) if ((b | (1 << k)) === all) add(activeFilter[k]!, i);
        }
      }
    }
    const data = {} as Record<F, FacetValue[]>;
    names.forEach((name, f) => {
      data[name] = this.vocabulary[name].map((t, k) => ({ value: t.value, label: t.labels[q.locale], count: counts[f]![k]! }));
    });
    return { data, total };
  }
}

export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);
