/**
 * The reference data the catalogs are built with, read from the database: the filter vocabulary
 * (fixed codes and the editors' taxonomies, in their order), the editors' synonym groups and the
 * directory settings per locale.
 */
import type { Core } from '@strapi/strapi';
import type { DirectorySettings, Locale } from '@referral-directory/sdk';
import { type Vocabulary, fixedVocabulary } from './vocabulary';
import type { TermRow } from '../directory/rows';
import { type SynonymGroup, synonymGroups } from './synonyms';
import {
  FOCUS_AREA,
  LANGUAGE,
  POPULATION,
  SEARCH_SYNONYM_TYPE as SYNONYMS,
  SERVICE_CATEGORY,
  SETTINGS_TYPE as SETTINGS,
} from '../content-types';

const TAXONOMIES = {
  focus: FOCUS_AREA,
  service: SERVICE_CATEGORY,
  population: POPULATION,
  language: LANGUAGE,
} as const;

/** The content types whose writes change the reference data. */
export const REFERENCE_TYPES: string[] = [SETTINGS, SYNONYMS, ...Object.values(TAXONOMIES)];

const termVocabulary = (terms: TermRow[]) =>
  [...terms]
    .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || a.code.localeCompare(b.code))
    .map((t) => ({ value: t.code, labels: { en: t.labelEn, fr: t.labelFr } }));

type SettingsRow = {
  locale: Locale;
  hotlinePhone: string;
  hotlinePhoneDisplay: string;
  hotlineText: string | null;
  chatUrl: string | null;
  hotlineHours: string;
  available24x7: boolean | null;
  hotlineLanguages: string;
  quickExitUrl: string;
  disclaimer: string;
};

function toSettings(row: SettingsRow, locale: Locale): DirectorySettings {
  return {
    locale,
    hotline: {
      phone: row.hotlinePhone,
      phoneDisplay: row.hotlinePhoneDisplay,
      text: row.hotlineText || null,
      chatUrl: row.chatUrl || null,
      hours: row.hotlineHours,
      available24x7: row.available24x7 !== false,
      languages: row.hotlineLanguages,
    },
    quickExitUrl: row.quickExitUrl,
    disclaimer: row.disclaimer,
  };
}

export interface Reference {
  vocabulary: Vocabulary;
  synonyms: SynonymGroup[];
  settings: Partial<Record<Locale, DirectorySettings>>;
}

/** Reads the vocabulary, the synonym groups and the settings. */
export async function readReference(strapi: Core.Strapi): Promise<Reference> {
  const [focus, service, population, language] = await Promise.all(
    Object.values(TAXONOMIES).map((uid) => strapi.db.query(uid).findMany({}) as Promise<TermRow[]>),
  );
  const vocabulary: Vocabulary = {
    ...fixedVocabulary(),
    focus: termVocabulary(focus!),
    service: termVocabulary(service!),
    population: termVocabulary(population!),
    language: termVocabulary(language!),
  };
  const synonymRows = (await strapi.db.query(SYNONYMS).findMany({ select: ['terms'] })) as Array<{ terms: string | null }>;
  const synonyms = synonymGroups(synonymRows.map((r) => r.terms ?? ''));
  const rows = (await strapi.db.query(SETTINGS).findMany({})) as SettingsRow[];
  const settings: Partial<Record<Locale, DirectorySettings>> = {};
  for (const locale of ['en', 'fr'] as const) {
    const row = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === 'en') ?? rows[0];
    if (row) settings[locale] = toSettings(row, locale);
  }
  return { vocabulary, synonyms, settings };
}
