/**
 * The in-memory public directory: every public record in both locales, pre-serialized, with
 * folded search text and filter values. Lists, facets and lookups never touch the database,
 * so a query costs the same whatever the database holds and whether a slug exists privately.
 */
import type {
  FacetValue, FilterName, Locale, OrganizationKind, ProviderRole, Province, PublicOrganization, Sort,
} from '@referral-directory/sdk';
import { FILTER_NAMES, LOCALES, NEEDS, ORGANIZATION_KINDS, PROVIDER_ROLES, PROVINCES, TIMEFRAMES } from '@referral-directory/sdk';
import { KIND_LABELS, NEED_LABELS, PROVINCE_LABELS, ROLE_LABELS, TIMEFRAME_LABELS } from '../directory/labels';
import { words } from './analyze';
import { type FieldKind, type IndexedText, SearchIndex, type TextMatch, indexedText } from './search-index';
import type { SynonymGroup } from './synonyms';
import { topK } from './top';

/** What the catalog needs of a record to sort it. */
export interface Named { slug: string; name: string }

export interface Entry<R extends Named = PublicOrganization, F extends string = FilterName> {
  slug: string;
  records: Record<Locale, R>;
  json: Record<Locale, string>;
  values: Record<F, readonly string[]>;
  /** Every searchable word of the record (both locales), with its field weights. */
  text: IndexedText;
  lastVerified: string;
}

/** A labelled value of a filter, in the order facets list them. */
export interface VocabularyTerm { value: string; labels: Record<Locale, string> }
export type Vocabulary<F extends string = FilterName> = Record<F, VocabularyTerm[]>;

export interface DirectoryQuery<F extends string = FilterName> {
  terms: string[];
  filters: Partial<Record<F, ReadonlySet<string>>>;
  locale: Locale;
  page: number;
  pageSize: number;
  sort: Sort;
}

const fixed = <K extends string>(codes: readonly K[], labels: Record<K, Record<Locale, string>>): VocabularyTerm[] =>
  codes.map((value) => ({ value, labels: labels[value] }));

export function fixedVocabulary(): Pick<Vocabulary, 'province' | 'timeframe' | 'need' | 'role' | 'type'> {
  return {
    province: fixed<Province>(PROVINCES, PROVINCE_LABELS),
    timeframe: fixed(TIMEFRAMES, TIMEFRAME_LABELS),
    need: fixed(NEEDS, NEED_LABELS),
    role: fixed<ProviderRole>(PROVIDER_ROLES, ROLE_LABELS),
    type: fixed<OrganizationKind>(ORGANIZATION_KINDS, KIND_LABELS),
  };
}

export function filterValues(r: PublicOrganization | Omit<PublicOrganization, 'locations' | 'audience'>): Record<FilterName, readonly string[]> {
  const codes = (list: { code: string }[]) => list.map((t) => t.code);
  return {
    province: r.provinces,
    focus: codes(r.focusAreas),
    service: codes(r.services),
    timeframe: r.timeframes,
    need: r.needs,
    population: codes(r.populations),
    language: codes(r.languages),
    role: [r.role],
    type: [r.kind],
  };
}

type Searchable = Pick<PublicOrganization,
  'slug' | 'name' | 'otherNames' | 'description' | 'eligibility' | 'fees' | 'kind' | 'focusAreas' | 'services'
  | 'populations' | 'languages' | 'timeframes' | 'needs' | 'provinces' | 'serviceAreas' | 'lastVerified'
> & { locations: Array<{ city: string }> };

/** The fields a person would search, per record and locale (the public ones only: see toEntry). */
function searchFields(r: Searchable, locale: Locale): Array<readonly [FieldKind, readonly string[]]> {
  const labels = [
    ...[r.services, r.focusAreas, r.populations, r.languages].flatMap((list) => list.map((t) => t.label)), KIND_LABELS[r.kind][locale],
    ...r.timeframes.map((t) => TIMEFRAME_LABELS[t][locale]), ...r.needs.map((n) => NEED_LABELS[n][locale]),
  ];
  return [
    ...[r.name, ...r.otherNames].map((name) => ['name', words(name)] as const),
    ['text', words(`${r.description} ${r.eligibility ?? ''}`)],
    ['fees', words(r.fees ?? '')],
    // One value per label, so that word pairs stay within a label.
    ...labels.map((label) => ['label', words(label)] as const),
    ['place', words([
      ...r.provinces.map((p) => `${p} ${PROVINCE_LABELS[p][locale]}`),
      ...r.serviceAreas.flatMap((a) => a.regions), ...r.locations.map((l) => l.city),
    ].join(' '))],
  ];
}

/**
 * Builds a catalog entry from a record in both locales and its filter values. Only the fields of
 * the records given are searchable; the staff catalog passes its confidential text as `internalText`,
 * the public catalog never does.
 */
export function toEntry<R extends Searchable, F extends string = FilterName>(
  en: R, fr: R, values?: Record<F, readonly string[]>, internalText?: string,
): Entry<R, F> {
  const fields = [...searchFields(en, 'en'), ...searchFields(fr, 'fr')];
  if (internalText) fields.push(['internal', words(internalText)]);
  return {
    slug: en.slug,
    records: { en, fr },
    json: { en: JSON.stringify(en), fr: JSON.stringify(fr) },
    values: values ?? (filterValues(en as unknown as PublicOrganization) as Record<F, readonly string[]>),
    text: indexedText(fields),
    lastVerified: en.lastVerified ?? '',
  };
}

const collators: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  fr: new Intl.Collator('fr', { sensitivity: 'base', numeric: true }),
};

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

/**
 * Queries run on indexes built once per catalog version: a posting list per filter value, and the
 * full-text index (search-index.ts: stems, prefixes, typos, synonyms, BM25). A query touches only
 * the postings it names and a few passes over typed arrays, so it stays fast at 100,000 records.
 */
export class Catalog<R extends Named = PublicOrganization, F extends string = FilterName> {
  /**
   * Entries by the slug of each of their locales: a slug the API returned in any locale must
   * resolve (a French list links to French slugs). On a clash, a record's English slug wins.
   */
  readonly bySlug: ReadonlyMap<string, Entry<R, F>>;
  /** Entry indexes in name order per locale: the stable base order of every list. */
  private readonly byName: Record<Locale, Uint32Array>;
  private readonly postings = new Map<F, Map<string, number[]>>();
  private readonly index: SearchIndex;
  /**
   * Per filter (in `filterNames` order), every entry's values as indexes into the vocabulary,
   * flat: entry i's are codes[starts[i]] … codes[starts[i + 1] - 1]. Facet counting is then
   * array increments instead of string-keyed map updates.
   */
  private readonly valueCodes: Array<{ starts: Uint32Array; codes: Uint16Array }>;

  constructor(
    readonly entries: readonly Entry<R, F>[],
    readonly vocabulary: Vocabulary<F>,
    /** Changes whenever the content changes: part of every ETag. */
    readonly version: string,
    readonly filterNames: readonly F[] = FILTER_NAMES as unknown as readonly F[],
    /** Editors' synonym groups (search-synonym), folded. */
    synonyms: readonly SynonymGroup[] = [],
  ) {
    const bySlug = new Map(entries.map((e) => [e.slug, e]));
    for (const locale of LOCALES) {
      for (const e of entries) if (!bySlug.has(e.records[locale].slug)) bySlug.set(e.records[locale].slug, e);
    }
    this.bySlug = bySlug;
    const order = (locale: Locale) => Uint32Array.from(
      entries.map((_, i) => i).sort((a, b) => {
        const x = entries[a]!;
        const y = entries[b]!;
        return collators[locale].compare(x.records[locale].name, y.records[locale].name) || (x.slug < y.slug ? -1 : 1);
      }),
    );
    this.byName = { en: order('en'), fr: order('fr') };
    for (const name of filterNames) this.postings.set(name, new Map());
    entries.forEach((e, i) => {
      for (const name of filterNames) {
        const lists = this.postings.get(name)!;
        for (const v of e.values[name]) {
          const list = lists.get(v);
          if (list) list.push(i);
          else lists.set(v, [i]);
        }
      }
    });
    this.index = new SearchIndex(entries.map((e) => e.text), synonyms);
    this.valueCodes = filterNames.map((name) => {
      const index = new Map(vocabulary[name].map((t, k) => [t.value, k]));
      const starts = new Uint32Array(entries.length + 1);
      const codes: number[] = [];
      entries.forEach((e, i) => {
        starts[i] = codes.length;
        for (const v of e.values[name]) {
          const k = index.get(v);
          if (k !== undefined) codes.push(k); // a value outside the vocabulary is never shown
        }
      });
      starts[entries.length] = codes.length;
      return { starts, codes: Uint16Array.from(codes) };
    });
  }

  /**
   * Per entry, how many query clauses it matches and its score, and whether the search had to be
   * relaxed. Kept: the entries with every clause — and, for queries of three clauses or more,
   * those missing only one, ranked after — when some entry passing `passes` has every clause;
   * otherwise (relaxed) every entry with at least one.
   */
  private textMask(match: TextMatch, passes: (i: number) => boolean): { mask: Uint8Array; score: Float32Array; relaxed: boolean } {
    const n = this.entries.length;
    const count = new Uint8Array(n);
    const score = new Float32Array(n);
    for (const s of match.scores) {
      for (let i = 0; i < n; i++) if (s[i]! > 0) { count[i]!++; score[i]! += s[i]!; }
    }
    const all = match.scores.length;
    let strict = false;
    for (let i = 0; i < n && !strict; i++) if (count[i] === all && passes(i)) strict = true;
    const least = !strict ? 1 : all >= 3 ? all - 1 : all;
    const mask = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      if (count[i]! < least) continue;
      mask[i] = 1;
      // The more clauses an entry has, the higher it ranks, whatever its score; then words side by side count.
      score[i]! += 1000 * count[i]! + match.adjacency[i]!;
    }
    return { mask, score, relaxed: !strict && all > 1 };
  }

  /**
   * Per entry, a bit per active filter it satisfies; `all` when it satisfies every one.
   * Filter k of `active` is bit k.
   */
  private filterBits(q: DirectoryQuery<F>): { bits: Uint16Array; all: number; active: F[] } {
    const active = this.filterNames.filter((name) => q.filters[name]);
    const bits = new Uint16Array(this.entries.length);
    active.forEach((name, k) => {
      const lists = this.postings.get(name)!;
      for (const v of q.filters[name]!) for (const i of lists.get(v) ?? []) bits[i]! |= 1 << k;
    });
    return { bits, all: (1 << active.length) - 1, active };
  }

  search(q: DirectoryQuery<F>): SearchResult<R, F> {
    const { bits, all } = this.filterBits(q);
    const match = q.terms.length > 0 ? this.index.match(q.terms) : null;
    const text = match ? this.textMask(match, (i) => bits[i] === all) : null;
    const order = this.byName[q.locale];
    const kept = new Uint32Array(order.length);
    let count = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k]!;
      if (bits[i] === all && (!text || text.mask[i])) kept[count++] = i;
    }
    // Kept as a typed array: copying every match into a JS array cost more than the search itself.
    const picked = kept.subarray(0, count);
    const start = (q.page - 1) * q.pageSize;
    const end = Math.min(count, start + q.pageSize);
    let page: number[];
    if (q.sort === 'relevance' && text) {
      // `picked` is in name order: ties keep it. Only the pages up to this one are ranked.
      page = topK(picked, text.score, start + q.pageSize).slice(start);
    } else if (q.sort === '-name') {
      page = [];
      for (let k = start; k < end; k++) page.push(picked[count - 1 - k]!);
    } else if (q.sort === '-lastVerified') {
      page = Array.from(picked, (i, k) => ({ i, k, v: this.entries[i]!.lastVerified }))
        .sort((a, b) => (a.v < b.v ? 1 : a.v > b.v ? -1 : a.k - b.k))
        .slice(start, start + q.pageSize)
        .map((x) => x.i);
    } else {
      page = Array.from(picked.subarray(Math.min(start, count), Math.max(start, end)));
    }
    let outcome: TextOutcome | null = null;
    if (match && text) {
      const matched = text.relaxed
        ? match.labels.filter((_, c) => picked.some((i) => match.scores[c]![i]! > 0))
        : [];
      const suggestion = match.corrected ?? (picked.length === 0 || text.relaxed ? this.index.suggest(q.terms) : null);
      outcome = { relaxed: text.relaxed && picked.length > 0, matched, suggestions: suggestion ? [suggestion] : [], highlight: match.highlight };
    }
    return { page: page.map((i) => this.entries[i]!), total: count, text: outcome };
  }

  /** Counts per filter value over the records matching q and every *other* active filter. */
  facets(q: DirectoryQuery<F>): { data: Record<F, FacetValue[]>; total: number } {
    const { bits, all, active } = this.filterBits(q);
    const mask = q.terms.length > 0 ? this.textMask(this.index.match(q.terms), (i) => bits[i] === all).mask : null;
    const names = this.filterNames;
    const counts = names.map((name) => new Uint32Array(this.vocabulary[name].length));
    let total = 0;
    if (!mask && active.length === 0) {
      // Nothing narrows the list: the counts are the posting list lengths.
      total = this.entries.length;
      names.forEach((name, f) => {
        const lists = this.postings.get(name)!;
        this.vocabulary[name].forEach((t, k) => { counts[f]![k] = lists.get(t.value)?.length ?? 0; });
      });
    } else {
      const activeFilter = active.map((name) => names.indexOf(name));
      const add = (f: number, i: number) => {
        const { starts, codes } = this.valueCodes[f]!;
        const c = counts[f]!;
        for (let j = starts[i]!; j < starts[i + 1]!; j++) c[codes[j]!]!++;
      };
      for (let i = 0; i < this.entries.length; i++) {
        if (mask && !mask[i]) continue;
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
