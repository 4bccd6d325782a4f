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
  /** Folded names (both locales, other names). */
  nameText: string;
  /** Folded names, descriptions, services and cities (both locales). */
  fullText: string;
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
    nameText: ` ${fold([en.name, fr.name, ...en.otherNames, ...fr.otherNames].join(' '))} `,
    fullText: ` ${fold(searchable.join(' '))} `,
    lastVerified: en.lastVerified ?? '',
  };
}

const collators: Record<Locale, Intl.Collator> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  fr: new Intl.Collator('fr', { sensitivity: 'base', numeric: true }),
};

export class Catalog<R extends Named = PublicOrganization, F extends string = FilterName> {
  readonly bySlug: ReadonlyMap<string, Entry<R, F>>;
  /** Entries in name order per locale: the stable base order of every list. */
  private readonly byName: Record<Locale, Entry<R, F>[]>;

  constructor(
    readonly entries: readonly Entry<R, F>[],
    readonly vocabulary: Vocabulary<F>,
    /** Changes whenever the content changes: part of every ETag. */
    readonly version: string,
    readonly filterNames: readonly F[] = FILTER_NAMES as unknown as readonly F[],
  ) {
    this.bySlug = new Map(entries.map((e) => [e.slug, e]));
    const sorted = (locale: Locale) =>
      [...entries].sort((a, b) => collators[locale].compare(a.records[locale].name, b.records[locale].name) || (a.slug < b.slug ? -1 : 1));
    this.byName = { en: sorted('en'), fr: sorted('fr') };
  }

  /** Which filters an entry fails: 0 = matches, otherwise a bit per failed filter (bit i = FILTER_NAMES[i]). */
  private failures(e: Entry<R, F>, q: DirectoryQuery<F>): number {
    let failed = 0;
    const names = this.filterNames;
    for (let i = 0; i < names.length; i++) {
      const wanted = q.filters[names[i]!];
      if (!wanted) continue;
      const have = e.values[names[i]!];
      let ok = false;
      for (let k = 0; k < have.length; k++) if (wanted.has(have[k]!)) { ok = true; break; }
      if (!ok) failed |= 1 << i;
    }
    return failed;
  }

  private matchesText(e: Entry<R, F>, terms: string[]): boolean {
    for (const t of terms) if (!e.fullText.includes(t)) return false;
    return true;
  }

  /** 2: every term in a name; 1: some; 0: none (matched elsewhere). */
  private nameScore(e: Entry<R, F>, terms: string[]): number {
    let hits = 0;
    for (const t of terms) if (e.nameText.includes(t)) hits++;
    return hits === terms.length ? 2 : hits > 0 ? 1 : 0;
  }

  search(q: DirectoryQuery<F>): { page: Entry<R, F>[]; total: number } {
    const base = this.byName[q.locale];
    let hits = base.filter((e) => this.failures(e, q) === 0 && (q.terms.length === 0 || this.matchesText(e, q.terms)));
    const sort = q.sort;
    if (sort === 'relevance' && q.terms.length > 0) {
      const scores = new Map(hits.map((e) => [e, this.nameScore(e, q.terms)]));
      hits = hits.map((e, i) => ({ e, i })).sort((a, b) => scores.get(b.e)! - scores.get(a.e)! || a.i - b.i).map((x) => x.e);
    } else if (sort === '-name') {
      hits = hits.reverse();
    } else if (sort === '-lastVerified') {
      hits = hits.map((e, i) => ({ e, i })).sort((a, b) => (a.e.lastVerified < b.e.lastVerified ? 1 : a.e.lastVerified > b.e.lastVerified ? -1 : a.i - b.i)).map((x) => x.e);
    }
    const start = (q.page - 1) * q.pageSize;
    return { page: hits.slice(start, start + q.pageSize), total: hits.length };
  }

  /** Counts per filter value over the records matching q and every *other* active filter. */
  facets(q: DirectoryQuery<F>): { data: Record<F, FacetValue[]>; total: number } {
    const names = this.filterNames;
    const counts = names.map(() => new Map<string, number>());
    let total = 0;
    for (const e of this.entries) {
      if (q.terms.length > 0 && !this.matchesText(e, q.terms)) continue;
      const failed = this.failures(e, q);
      if (failed === 0) total++;
      for (let i = 0; i < names.length; i++) {
        // An entry counts for facet i when it passes every filter except possibly filter i.
        if ((failed & ~(1 << i)) !== 0) continue;
        const m = counts[i]!;
        for (const v of e.values[names[i]!]) m.set(v, (m.get(v) ?? 0) + 1);
      }
    }
    const data = {} as Record<F, FacetValue[]>;
    names.forEach((name, i) => {
      data[name] = this.vocabulary[name].map((t) => ({ value: t.value, label: t.labels[q.locale], count: counts[i]!.get(t.value) ?? 0 }));
    });
    return { data, total };
  }
}

export const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);
