/**
 * One bilingual record. An organization exists in English and French; only its text differs.
 *
 * Strapi 5.54's i18n plugin copies non-localized scalars and components between the locales of a
 * document, but it always treats relations and `uid` fields as localized, whatever the schema
 * says (`isLocalizedAttribute` in @strapi/i18n), and it publishes one locale at a time. So:
 * - a new locale starts with the slug and the taxonomy relations of the others;
 * - every write to one locale's draft copies its slug and relations to the other locales' drafts;
 * - publishing or unpublishing one locale does it for both (a publish leaves the other locale's
 *   published version as it is when its draft has not changed since), and publishing is refused until both
 *   locales have their required text (the public directory never serves a missing translation).
 * Pure decisions live here; bilingual-middleware.ts reads and writes the rows.
 */
import { createHash } from 'node:crypto';
import type { FieldProblem } from './problems';
import { isRecord, text } from './values';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The organization's relations that are the same in both locales (all of them: taxonomies). */
export const SHARED_RELATIONS = ['focusAreas', 'services', 'populations', 'languages'] as const;
/** Localized text a locale needs before the record can be published. */
export const REQUIRED_TEXT = ['name', 'description'] as const;

export const isLocale = (v: unknown): v is Locale => v === 'en' || v === 'fr';
export const otherLocale = (l: Locale): Locale => (l === 'en' ? 'fr' : 'en');

/** The text a translator translates: the localized text fields (not the slug, which is shared). */
export const TRANSLATED_TEXT = ['name', 'otherNames', 'description', 'eligibility', 'fees', 'hoursNotes', 'accessibility'] as const;

/** One locale's translated text as a hash (translation-status.ts compares these; whitespace at the ends aside). */
export function textHash(row: Record<string, unknown>): string {
  return createHash('sha256')
    .update(JSON.stringify(TRANSLATED_TEXT.map((f) => text(row[f]))))
    .digest('hex')
    .slice(0, 32);
}

/** The relation ids and slug of one stored row: what must agree across locales. */
export interface SharedLinks {
  slug: string | null;
  relations: Record<(typeof SHARED_RELATIONS)[number], number[]>;
}

const ids = (v: unknown): number[] =>
  Array.isArray(v) ? v.flatMap((x) => (isRecord(x) && typeof x.id === 'number' ? [x.id] : [])).sort((a, b) => a - b) : [];

export function linksOf(row: Record<string, unknown>): SharedLinks {
  return {
    slug: text(row.slug),
    relations: {
      focusAreas: ids(row.focusAreas),
      services: ids(row.services),
      populations: ids(row.populations),
      languages: ids(row.languages),
    },
  };
}

/** What to write into `target` so that it shares `source`'s links (an empty patch when they agree). */
export function linksPatch(source: SharedLinks, target: SharedLinks): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (source.slug && source.slug !== target.slug) patch.slug = source.slug;
  for (const key of SHARED_RELATIONS) {
    const a = source.relations[key];
    const b = target.relations[key];
    if (a.length !== b.length || a.some((x, i) => x !== b[i])) patch[key] = a;
  }
  return patch;
}

/**
 * Whether a write sets a relation to something (a list, `set`, or a non-empty `connect`). The
 * admin sends `{ connect: [], disconnect: [] }` for a relation nobody touched.
 */
export function setsRelation(value: unknown): boolean {
  if (value == null) return false;
  if (Array.isArray(value)) return true;
  if (!isRecord(value)) return true;
  if (Array.isArray(value.set)) return true;
  const len = (k: string) => (Array.isArray(value[k]) ? value[k].length : 0);
  return len('connect') > 0 || len('disconnect') > 0;
}

const LOCALE_NAMES: Readonly<Record<Locale, { en: string; fr: string }>> = {
  en: { en: 'English', fr: 'anglaise' },
  fr: { en: 'French', fr: 'française' },
};

/**
 * Why a document cannot be published yet: a locale missing, or a locale's required text empty.
 * `drafts` are the latest version of each locale that exists.
 */
export function publishProblems(
  drafts: ReadonlyMap<Locale, Record<string, unknown>>,
  labels: Readonly<Record<string, { en: string; fr: string }>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const locale of LOCALES) {
    const row = drafts.get(locale);
    const missing = REQUIRED_TEXT.filter((f) => !row || !text(row[f]));
    if (missing.length === 0) continue;
    const names = LOCALE_NAMES[locale];
    const en = missing.map((f) => labels[f]?.en ?? f).join(', ');
    const fr = missing.map((f) => labels[f]?.fr ?? f).join(', ');
    problems.push({
      path: missing[0]!,
      message: row
        ? {
            en: `The ${names.en} version needs: ${en}. Both versions are published together.`,
            fr: `La version ${names.fr} doit avoir : ${fr}. Les deux versions sont publiées ensemble.`,
          }
        : {
            en: `Add the ${names.en} version (${en}) before publishing: both versions are published together.`,
            fr: `Ajoutez la version ${names.fr} (${fr}) avant de publier : les deux versions sont publiées ensemble.`,
          },
    });
  }
  return problems;
}
