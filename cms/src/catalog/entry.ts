/**
 * A catalog entry: one record in both locales as the catalogs hold it — its JSON packed
 * (packed.ts), the public record objects when kept, its filter values (shared lists), and what
 * every build reads of it (names, slugs); its search words are worked out from it when needed.
 */
import type { FilterName, Locale, PublicOrganization } from '@referral-directory/sdk';
import { KIND_LABELS, NEED_LABELS, PROVINCE_LABELS, TIMEFRAME_LABELS } from '../directory/labels';
import { words } from './analyze';
import type { Named } from './catalog';
import { type IndexedText, indexedText } from './search-index';
import type { FieldKind, FieldWords } from './record-words';
import type { Memoized } from './memo';
import { type Packed, type PackedRecord, type Recurring, jsonOf, membersOf, pack, share, shareList, unpack, unpackSome } from './packed';

export interface Entry<R extends Named = PublicOrganization, F extends string = FilterName> extends Memoized {
  slug: string;
  /**
   * The record per locale. A public entry keeps it (every page reads it: highlights, near, HSDS);
   * a staff entry parses it again from its JSON on every read (packed.ts), so read it once per
   * use. Never change it.
   */
  readonly records: Record<Locale, R>;
  /** The record's JSON per locale, as responses send it. */
  readonly json: Record<Locale, string>;
  /** The record's JSON in a locale without its braces (its members): a list adds members to it. */
  members(locale: Locale): string;
  /** Some fields of the record in a locale, parsed (cheaper than `records` when a few are read). */
  fields<K extends keyof R & string>(locale: Locale, keys: readonly K[]): Pick<R, K>;
  /** The record's name and slug in a locale (name order, slug lookups), kept beside its JSON. */
  name(locale: Locale): string;
  slugIn(locale: Locale): string;
  values: Record<F, readonly string[]>;
  /**
   * Every searchable field of the record (both locales), as words: worked out from the records
   * when an index is built or an edit removes the entry, never kept (the index holds the words;
   * keeping them per entry cost a few KB per record).
   */
  searchText(): FieldWords;
  /** The same, counted: each word once with its field-weighted count. */
  text(): IndexedText;
  lastVerified: string;
}

/**
 * Whether two entries of a record read the same: an entry is made from the record in both locales
 * alone (its filter values, search text and names come from them), so equal JSON in both means an
 * equal entry.
 */
export function sameEntry<R extends Named, F extends string>(a: Entry<R, F>, b: Entry<R, F>): boolean {
  return a.slug === b.slug && a.json.en === b.json.en && a.json.fr === b.json.fr;
}

export function filterValues(
  r: PublicOrganization | Omit<PublicOrganization, 'locations' | 'audience'>,
): Record<FilterName, readonly string[]> {
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

type Searchable = Pick<
  PublicOrganization,
  | 'slug'
  | 'name'
  | 'otherNames'
  | 'description'
  | 'eligibility'
  | 'fees'
  | 'kind'
  | 'focusAreas'
  | 'services'
  | 'populations'
  | 'languages'
  | 'timeframes'
  | 'needs'
  | 'provinces'
  | 'serviceAreas'
  | 'lastVerified'
> & { locations: Array<{ city: string }> };

/**
 * The fields a person would search, per record and locale (the public ones only: see toEntry),
 * added to `out`. Text and places are added piece by piece (a value of a field without pairs may
 * be split at a space: the same words, the same weights), so that the pieces that recur — labels,
 * province names, regions, cities, eligibility — are folded once (`words` keeps short texts).
 */
function addSearchFields(r: Searchable, locale: Locale, out: Array<readonly [FieldKind, readonly string[]]>): void {
  out.push(['name', words(r.name, false)]);
  for (const name of r.otherNames) out.push(['name', words(name, false)]);
  out.push(['text', words(r.description, false)]);
  if (r.eligibility) out.push(['text', words(r.eligibility)]);
  out.push(['fees', words(r.fees ?? '')]);
  // One value per label, so that word pairs stay within a label.
  for (const list of [r.services, r.focusAreas, r.populations, r.languages]) for (const t of list) out.push(['label', words(t.label)]);
  out.push(['label', words(KIND_LABELS[r.kind][locale])]);
  for (const t of r.timeframes) out.push(['label', words(TIMEFRAME_LABELS[t][locale])]);
  for (const n of r.needs) out.push(['label', words(NEED_LABELS[n][locale])]);
  for (const p of r.provinces) out.push(['place', words(p)], ['place', words(PROVINCE_LABELS[p][locale])]);
  for (const a of r.serviceAreas) for (const region of a.regions) out.push(['place', words(region)]);
  for (const l of r.locations) out.push(['place', words(l.city)]);
}

/**
 * An entry's searchText (see Entry), from the records it is made of: the public fields of both
 * locales, and the staff catalog's confidential text when given (`internalText`).
 */
export function searchTextOf<R extends Searchable>(en: R, fr: R, internalText?: (en: R, fr: R) => string): FieldWords {
  const fields: Array<readonly [FieldKind, readonly string[]]> = [];
  addSearchFields(en, 'en', fields);
  addSearchFields(fr, 'fr', fields);
  if (internalText) fields.push(...confidentialWords(en, fr, internalText));
  return fields;
}

/** The staff catalog's confidential text as searchText's last field (none when empty). */
export function confidentialWords<R>(en: R, fr: R, internalText: (en: R, fr: R) => string): FieldWords {
  const text = internalText(en, fr);
  return text ? [['internal', words(text, false)]] : [];
}

/**
 * A catalog entry: the record in both locales, packed (packed.ts), with what every build reads of
 * it, and the records themselves when kept.
 */
class PackedEntry<R extends Searchable & Named, F extends string> implements Entry<R, F> {
  memo: unknown[] | undefined = undefined;

  constructor(
    readonly slug: string,
    private readonly en: Packed,
    private readonly fr: Packed,
    /** The English and French names, and the French slug (fields, not a tuple: an array is two objects more per entry). */
    private readonly nameEn: string,
    private readonly nameFr: string,
    private readonly slugFr: string,
    readonly values: Record<F, readonly string[]>,
    readonly lastVerified: string,
    /** The staff catalog's confidential search text, worked out from the records when needed. */
    private readonly internalText: ((en: R, fr: R) => string) | undefined,
    private readonly kept: Readonly<Record<Locale, R>> | null,
  ) {}

  get records(): Record<Locale, R> {
    if (this.kept) return this.kept;
    const { en, fr } = this;
    return {
      get en() {
        return unpack<R>(en);
      },
      get fr() {
        return unpack<R>(fr);
      },
    };
  }

  get json(): Record<Locale, string> {
    const { en, fr } = this;
    return {
      get en() {
        return jsonOf(en);
      },
      get fr() {
        return jsonOf(fr);
      },
    };
  }

  members(locale: Locale): string {
    return membersOf(locale === 'en' ? this.en : this.fr);
  }

  fields<K extends keyof R & string>(locale: Locale, keys: readonly K[]): Pick<R, K> {
    return this.kept ? this.kept[locale] : unpackSome<R, K>(locale === 'en' ? this.en : this.fr, keys);
  }

  name(locale: Locale): string {
    return locale === 'en' ? this.nameEn : this.nameFr;
  }

  slugIn(locale: Locale): string {
    return locale === 'en' ? this.slug : this.slugFr;
  }

  searchText(): FieldWords {
    return searchTextOf(this.kept?.en ?? unpack<R>(this.en), this.kept?.fr ?? unpack<R>(this.fr), this.internalText);
  }

  text(): IndexedText {
    return indexedText(this.searchText());
  }

  parts(): EntryParts<R, F> {
    const { slug, en, fr, nameEn, nameFr, slugFr, values, lastVerified, kept } = this;
    return { slug, en, fr, nameEn, nameFr, slugFr, values, lastVerified, kept };
  }

  /** The kept record in a locale and its members (see pack's `from`); none when the records are not kept. */
  packedRecord(locale: Locale): PackedRecord | undefined {
    return this.kept ? { record: this.kept[locale], packed: locale === 'en' ? this.en : this.fr } : undefined;
  }
}

/**
 * What an entry is made of, as a snapshot keeps it (snapshot.ts): its records' members, names,
 * filter values and the records themselves when kept. `entryFromParts` makes the same entry again.
 */
export interface EntryParts<R, F extends string> {
  slug: string;
  en: Packed;
  fr: Packed;
  nameEn: string;
  nameFr: string;
  slugFr: string;
  values: Record<F, readonly string[]>;
  lastVerified: string;
  kept: Readonly<Record<Locale, R>> | null;
}

/** An entry's parts (see EntryParts); every entry the catalogs hold is made by toEntry. */
export function entryParts<R extends Named, F extends string>(entry: Entry<R, F>): EntryParts<R, F> {
  if (!(entry instanceof PackedEntry)) throw new Error('entryParts: not an entry made by toEntry');
  // Cast kept: a PackedEntry is made for the R and F of the Entry it is held as.
  return (entry as PackedEntry<R & Searchable, F>).parts();
}

/** The entry `entryParts` took apart; `internalText` as toEntry's (the staff catalog's confidential words). */
export function entryFromParts<R extends Searchable & Named, F extends string>(
  p: EntryParts<R, F>,
  internalText?: (en: R, fr: R) => string,
): Entry<R, F> {
  return new PackedEntry<R, F>(p.slug, p.en, p.fr, p.nameEn, p.nameFr, p.slugFr, p.values, p.lastVerified, internalText, p.kept);
}

/**
 * The record as an entry keeps it: its members that earlier records held too (`recurring`) replaced
 * by the equal values those hold, and, for the French record, the values it took from the English
 * one (see toEntry) replaced by the kept English record's — one copy in memory for all instead of one
 * per record and locale (at 100,000 records, most of the records' objects; fewer objects also make
 * the build's garbage collection shorter).
 */
function keptRecord<R extends object>(record: R, recurring: Recurring, en?: { record: R; kept: R }): R {
  if (recurring.keys.length === 0 && !en) return record;
  const out = { ...record };
  for (let i = 0; i < recurring.keys.length; i++) Reflect.set(out, recurring.keys[i]!, recurring.values[i]);
  if (en) for (const k in out) if (record[k] === en.record[k]) out[k] = en.kept[k];
  return out;
}

/**
 * Whether two versions of a value read the same: equal, or lists and plain objects whose items
 * and members read the same (`aside`: a member name not compared, e.g. the ids of rows copied from
 * one version to the next). Anything else (a Date) must be the same. Loops rather than Object.keys
 * and every: it runs on every field of every document of a full load.
 */
export function sameValue(a: unknown, b: unknown, aside?: string): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i], aside)) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let members = 0;
  for (const k in x) {
    if (k === aside) continue;
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameValue(x[k], y[k], aside)) return false;
    members++;
  }
  for (const k in y) if (k !== aside) members--;
  return members === 0;
}

/**
 * Gives `fr` the English record's value wherever the two read the same (locations, hours,
 * contacts, codes): the French record's members are then the English one's, taken with no JSON
 * written (pack's `from`), and one object serves both.
 */
function takeEnglish<R extends object>(fr: R, en: R): void {
  for (const k in fr) {
    const value = fr[k];
    if (value !== en[k] && typeof value === 'object' && value !== null && sameValue(value, en[k])) fr[k] = en[k];
  }
}

/**
 * Builds a catalog entry from a record in both locales and its filter values. Only the fields of
 * the records given are searchable; the staff catalog passes its confidential text as `internalText`
 * (worked out from the records), the public catalog never does. `keepRecords`: keep the record
 * objects beside their JSON (the public catalog: its pages read them); else they are parsed when read.
 * `from`: an entry whose kept records' values these records hold as they are (a document's staff
 * records, made from its public ones), which then share their members with no JSON written. `fr`
 * is given the English record's values wherever the two read the same (takeEnglish).
 */
export function toEntry<R extends Searchable & Named, F extends string = FilterName>(
  en: R,
  fr: R,
  values?: Record<F, readonly string[]>,
  internalText?: (en: R, fr: R) => string,
  keepRecords = true,
  from?: Entry<Named, string>,
): Entry<R, F> {
  // Cast kept: without `values` the record is a public organization (the staff catalog always passes its own values).
  const all = values ?? (filterValues(en as unknown as PublicOrganization) as Record<F, readonly string[]>);
  const shared = {} as Record<F, readonly string[]>;
  for (const name of Object.keys(all) as F[]) shared[name] = shareList(all[name]);
  const recurringEn: Recurring = { keys: [], values: [] };
  const recurringFr: Recurring = { keys: [], values: [] };
  const source = from instanceof PackedEntry ? from : undefined;
  const fromEn = source?.packedRecord('en');
  const packedEn = pack(en, keepRecords ? recurringEn : undefined, fromEn ? [fromEn] : undefined);
  takeEnglish(fr, en);
  const english: PackedRecord = { record: en, packed: packedEn };
  const fromFr = source?.packedRecord('fr');
  // The English record first: its keys are the French one's, in the same order.
  const packedFr = pack(fr, keepRecords ? recurringFr : undefined, fromFr ? [english, fromFr] : [english]);
  const keptEn = keepRecords ? keptRecord(en, recurringEn) : en;
  // The records' own strings (a name, a slug: no other record holds them), the French one the
  // English one when they read the same.
  const asEn = (a: string, b: string) => (a === b ? b : a);
  return new PackedEntry<R, F>(
    en.slug,
    packedEn,
    packedFr,
    en.name,
    asEn(fr.name, en.name),
    asEn(fr.slug, en.slug),
    shared,
    share(en.lastVerified ?? ''),
    internalText,
    keepRecords ? { en: keptEn, fr: keptRecord(fr, recurringFr, { record: en, kept: keptEn }) } : null,
  );
}
