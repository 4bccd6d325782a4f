/** The content types of the directory, grouped by who may read them. */
import type { UID } from '@strapi/strapi';

/** Types holding confidential or unpublished data: never readable through stock REST by Public/Authenticated. */
export const CONFIDENTIAL_TYPES = [
  'api::organization.organization',
  'api::law-enforcement-protocol.law-enforcement-protocol',
  'api::application.application',
  'api::suggestion.suggestion',
  'api::referral-outcome.referral-outcome',
] as const satisfies readonly UID.ContentType[];

/** Editor-extensible taxonomies (codes with English and French labels). */
export const TAXONOMY_TYPES = [
  'api::focus-area.focus-area',
  'api::service-category.service-category',
  'api::population.population',
  'api::language.language',
] as const satisfies readonly UID.ContentType[];

export const SETTINGS_TYPE = 'api::directory-setting.directory-setting' as const;

/** Editors' search synonyms: served only through the catalog's search, never through stock REST. */
export const SEARCH_SYNONYM_TYPE = 'api::search-synonym.search-synonym' as const;

/** Every type of this app that editors manage in the admin. */
export const DIRECTORY_TYPES = [...CONFIDENTIAL_TYPES, ...TAXONOMY_TYPES, SETTINGS_TYPE, SEARCH_SYNONYM_TYPE] as const;

/** Types with i18n enabled (their admin permissions need a `locales` property). */
export const LOCALIZED_TYPES: readonly string[] = ['api::organization.organization', SETTINGS_TYPE];
