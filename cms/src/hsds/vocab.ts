/**
 * The fixed parts of the directory's HSDS profile: versions, the three taxonomies its services
 * are classified by, and how its phone types map to HSDS (RFC 6350) phone types.
 */
import type { FilterName, PhoneType } from '@referral-directory/sdk';
import { hsdsId } from './ids';

export const HSDS_VERSION = '3.0';
export const PROFILE_VERSION = '1.0.0';
export const PROFILE_NAME = 'referral-directory-ca';

/** The editor-extensible taxonomies exposed as HSDS taxonomies (languages are HSDS `language` records). */
export const HSDS_TAXONOMIES = [
  {
    name: 'focus_area',
    filter: 'focus' as const,
    rowKey: 'focusAreas' as const,
    labels: { en: 'Referral Directory focus areas', fr: 'Domaines d’intervention du Répertoire de référence' },
    descriptions: {
      en: 'What an organization works on: human trafficking, or a related field (sexual assault, labour rights…).',
      fr: 'Ce sur quoi l’organisme travaille : la traite des personnes ou un domaine connexe (agression sexuelle, droits du travail…).',
    },
  },
  {
    name: 'service_category',
    filter: 'service' as const,
    rowKey: 'services' as const,
    labels: { en: 'Referral Directory service categories', fr: 'Catégories de services du Répertoire de référence' },
    descriptions: {
      en: 'The kinds of services an organization delivers (shelter, counselling, legal aid…).',
      fr: 'Les types de services qu’offre l’organisme (hébergement, counselling, aide juridique…).',
    },
  },
  {
    name: 'population',
    filter: 'population' as const,
    rowKey: 'populations' as const,
    labels: { en: 'Referral Directory populations served', fr: 'Populations desservies du Répertoire de référence' },
    descriptions: {
      en: 'Who an organization serves (women, youth, newcomers…).',
      fr: 'Les personnes que l’organisme dessert (femmes, jeunes, personnes nouvellement arrivées…).',
    },
  },
] as const;

export type HsdsTaxonomyName = (typeof HSDS_TAXONOMIES)[number]['name'];
export type TaxonomyFilter = Extract<FilterName, 'focus' | 'service' | 'population'>;

export const taxonomyByName = (name: string) => HSDS_TAXONOMIES.find((t) => t.name === name) ?? null;
export const taxonomyId = (name: HsdsTaxonomyName) => hsdsId.taxonomy(name);
export const TAXONOMY_BY_ID: ReadonlyMap<string, (typeof HSDS_TAXONOMIES)[number]> = new Map(
  HSDS_TAXONOMIES.map((t) => [hsdsId.taxonomy(t.name), t]),
);

/** Directory phone type → HSDS `phone.type`. `tty` is RFC 6350's `textphone`; the rest are kept (see the profile). */
export const PHONE_TYPE_TO_HSDS: Record<PhoneType, string> = {
  voice: 'voice',
  toll_free: 'toll_free',
  text: 'text',
  tty: 'textphone',
  crisis: 'crisis',
};

/** HSDS `phone.type` → directory phone type, or null for a type the directory has no use for (fax, pager). */
export function phoneTypeFromHsds(type: string | null | undefined): PhoneType | null {
  switch ((type ?? 'voice').trim().toLowerCase()) {
    case '':
    case 'voice':
    case 'cell':
    case 'video':
      return 'voice';
    case 'toll_free':
    case 'tollfree':
    case 'toll-free':
      return 'toll_free';
    case 'text':
    case 'sms':
      return 'text';
    case 'textphone':
    case 'tty':
      return 'tty';
    case 'crisis':
    case 'hotline':
      return 'crisis';
    default:
      return null;
  }
}

/** RFC 5545 weekday of each directory weekday. */
export const WEEKDAY_TO_ICAL = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' } as const;
