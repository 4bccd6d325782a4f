/**
 * The filters' vocabulary: each filter's values with their labels, in the order facets list them —
 * fixed codes (provinces, kinds…) and the editors' taxonomies (reference.ts reads those).
 */
import type { FilterName, Locale, OrganizationKind, ProviderRole, Province } from '@referral-directory/sdk';
import { NEEDS, ORGANIZATION_KINDS, PROVIDER_ROLES, PROVINCES, TIMEFRAMES } from '@referral-directory/sdk';
import { KIND_LABELS, NEED_LABELS, PROVINCE_LABELS, ROLE_LABELS, TIMEFRAME_LABELS } from '../directory/labels';

/** A labelled value of a filter, in the order facets list them. */
export interface VocabularyTerm {
  value: string;
  labels: Record<Locale, string>;
}
export type Vocabulary<F extends string = FilterName> = Record<F, VocabularyTerm[]>;

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

/**
 * Per filter, the values whose term `after` no longer has or labels otherwise than `before`: the
 * records that name one carry its labels (in their JSON and their words), and must be made again.
 */
export function changedTerms<F extends string>(before: Vocabulary<F>, after: Vocabulary<F>): Map<F, Set<string>> {
  const out = new Map<F, Set<string>>();
  // Cast kept: Object.entries types its keys as strings; a vocabulary's keys are its filter names.
  for (const [name, terms] of Object.entries(before) as Array<[F, Vocabulary<F>[F]]>) {
    const now = new Map((after[name] ?? []).map((t) => [t.value, JSON.stringify(t.labels)]));
    const changed = terms.filter((t) => now.get(t.value) !== JSON.stringify(t.labels)).map((t) => t.value);
    if (changed.length > 0) out.set(name, new Set(changed));
  }
  return out;
}

/** Entries looked at between two looks at the clock (naming). */
const NAMING_STEP = 1000;

/**
 * The documents whose entries (in any of `maps`) hold one of these values (changedTerms). A
 * generator for runSliced: the 200,000 entries of 100,000 organizations held the event loop 142 ms.
 */
export function* naming(
  maps: ReadonlyArray<Map<string, { values: object }>>,
  values: Map<string, Set<string>>,
): Generator<void, Set<string>> {
  const out = new Set<string>();
  if (values.size === 0) return out;
  let n = 0;
  for (const map of maps) {
    for (const [documentId, entry] of map) {
      if (++n % NAMING_STEP === 0) yield;
      // Cast kept: an entry's values are read by filter name, as the vocabulary names them.
      const held = entry.values as Record<string, readonly string[] | undefined>;
      for (const [name, changed] of values) if (held[name]?.some((v) => changed.has(v))) out.add(documentId);
    }
  }
  return out;
}

/**
 * Whether `after` has the same values in the same order as `before`, filter by filter (labels
 * aside): a catalog's filters hold each record's values by their place in the vocabulary, so a
 * catalog built with `before` filters and counts by `after` as it is (Catalog.withVocabulary).
 */
export function sameValues<F extends string>(before: Vocabulary<F>, after: Vocabulary<F>, names: readonly F[]): boolean {
  return names.every((name) => {
    const [a, b] = [before[name] ?? [], after[name] ?? []];
    return a.length === b.length && a.every((t, k) => t.value === b[k]!.value);
  });
}
