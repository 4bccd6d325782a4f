/**
 * The in-memory public directory: every public record in both locales, pre-serialized, with
 * folded search text and filter values. Lists, facets and lookups never touch the database,
 * so a query costs the same whatever the database holds and whether a slug exists privately.
 */
import type {
  FacetValue, FilterName, Locale, OrganizationKind, ProviderRole, Province, PublicOrganization, Sort,
} from '@referral-directory/sdk';
import { FILTER_NAMES, LOCALES, NEEDS, ORGANIZATION_KINDS, PROVIDER_ROLES, PROVINCES, TIMEFRAMES } from '@referral-directory/sdk';
import { fold } from './normalize';
import { KIND_LABELS, NEED_LABELS, PROVINCE_LABELS, ROLE_LABELS, TIMEFRAME_LABELS } from './labels';

/** What the catalog needs of a record to sort it. */
export interface Named { slug: string; name: string }

export interface Entry<R extends Named = PublicOrganization, F extends string = FilterName> {
  slug: string;
  records: Record<Locale, R>;
  json: Record<Locale, string>;
  values: Record<F, readonly string[]>;
  /** Folded words of the names (both locales, other names). */
  nameTokens: readonly string[];
  /** Folded words of names, descriptions, services and cities (both locales), without duplicates. */
  tokens: readonly string[];
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

type Searchable = Pick<PublicOrganization, 'slug' | 'name' | 'otherNames' | 'description' | 'services' | 'serviceAreas' | 'lastVerified'> & { locations: Array<{ city: string }> };

/** Builds a catalog entry from a record in both locales and its filter values. */
export function toEntry<R extends Searchable, F extends string = FilterName>(en: R, fr: R, values?: Record<F, readonly string[]>): Entry<R, F> {
  const searchable = [en, fr].flatMap((r) => [
    r.name, ...r.otherNames, r.description, ...r.services.map((s) => s.label),
    ...r.serviceAreas.flatMap((a) => a.regions), ...r.locations.map((l) => l.city),
  ]);
  return {
    slug: en.slug,
    records: { en, fr },
    json: { en: JSON.stringify(en), fr: JSON.stringify(fr) },
    values: values ?? (filterValues(en as unknown as PublicOrganization) as Record<F, readonly string[]>),
    nameTokens: words([en.name, fr.name, ...en.otherNames, ...fr.otherNames].join(' ')),
    tokens: words(searchable.join(' ')),
    lastVerified: en.lastVerified ?? '',
  };
}

const words = (text: string): string[] => [...new Set(fold(text).split(' ').filter(Boolean))];

const collators: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  fr: new Intl.Collator('fr', { sensitivity: 'base', numeric: true }),
};

/**
 * Queries run on indexes built once per catalog version: a posting list per filter value, and a
 * sorted word list for prefix search (`montr` finds `Montréal`). A query touches only the
 * postings it names and one pass over a typed array, so it stays fast at 100,000 records.
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
  private readonly words: string[];
  private readonly wordPostings = new Map<string, number[]>();
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
      for (const w of e.tokens) {
        const list = this.wordPostings.get(w);
        if (list) list.push(i);
        else this.wordPostings.set(w, [i]);
      }
    });
    this.words = [...this.wordPostings.keys()].sort();
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

  /** 1 for every entry with a word starting with each term (AND across terms); null without terms. */
  private textMask(terms: readonly string[]): Uint8Array | null {
    if (terms.length === 0) return null;
    const n = this.entries.length;
    let mask: Uint8Array | null = null;
    for (const term of terms) {
      const hit = new Uint8Array(n);
      let lo = 0;
      let hi = this.words.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.words[mid]! < term) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < this.words.length && this.words[k]!.startsWith(term); k++) {
        for (const i of this.wordPostings.get(this.words[k]!)!) hit[i] = 1;
      }
      if (mask) for (let i = 0; i < n; i++) mask[i]! &= hit[i]!;
      else mask = hit;
    }
    return mask;
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

  private nameScore(e: Entry<R, F>, terms: readonly string[]): number {
    let hits = 0;
    for (const t of terms) if (e.nameTokens.some((w) => w.startsWith(t))) hits++;
    return hits === terms.length ? 2 : hits > 0 ? 1 : 0;
  }

  search(q: DirectoryQuery<F>): { page: Entry<R, F>[]; total: number } {
    const mask = this.textMask(q.terms);
    const { bits, all } = this.filterBits(q);
    let hits: Entry<R, F>[] = [];
    for (const i of this.byName[q.locale]) {
      if (bits[i] === all && (!mask || mask[i])) hits.push(this.entries[i]!);
    }
    if (q.sort === 'relevance' && q.terms.length > 0) {
      const scored = hits.map((e, i) => ({ e, i, s: this.nameScore(e, q.terms) }));
      hits = scored.sort((a, b) => b.s - a.s || a.i - b.i).map((x) => x.e);
    } else if (q.sort === '-name') {
      hits.reverse();
    } else if (q.sort === '-lastVerified') {
      hits = hits.map((e, i) => ({ e, i }))
        .sort((a, b) => (a.e.lastVerified < b.e.lastVerified ? 1 : a.e.lastVerified > b.e.lastVerified ? -1 : a.i - b.i))
        .map((x) => x.e);
    }
    const start = (q.page - 1) * q.pageSize;
    return { page: hits.slice(start, start + q.pageSize), total: hits.length };
  }

  /** Counts per filter value over the records matching q and every *other* active filter. */
  facets(q: DirectoryQuery<F>): { data: Record<F, FacetValue[]>; total: number } {
    const mask = this.textMask(q.terms);
    const { bits, all, active } = this.filterBits(q);
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
