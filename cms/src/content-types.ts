/**
 * The content types of the directory: each UID written once, here, and the groups by who may read
 * them. Code names a type by these constants, never by its string.
 */
import type { UID } from '@strapi/strapi';

export const ORGANIZATION = 'api::organization.organization' satisfies UID.ContentType;
export const PROTOCOL = 'api::law-enforcement-protocol.law-enforcement-protocol' satisfies UID.ContentType;
export const APPLICATION = 'api::application.application' satisfies UID.ContentType;
export const SUGGESTION = 'api::suggestion.suggestion' satisfies UID.ContentType;
export const REFERRAL_OUTCOME = 'api::referral-outcome.referral-outcome' satisfies UID.ContentType;
export const AUDIT_ENTRY = 'api::audit-entry.audit-entry' satisfies UID.ContentType;
export const FOCUS_AREA = 'api::focus-area.focus-area' satisfies UID.ContentType;
export const SERVICE_CATEGORY = 'api::service-category.service-category' satisfies UID.ContentType;
export const POPULATION = 'api::population.population' satisfies UID.ContentType;
export const LANGUAGE = 'api::language.language' satisfies UID.ContentType;
export const SETTINGS_TYPE = 'api::directory-setting.directory-setting' satisfies UID.ContentType;
/** Editors' search synonyms: served only through the catalog's search, never through stock REST. */
export const SEARCH_SYNONYM_TYPE = 'api::search-synonym.search-synonym' satisfies UID.ContentType;

/** Types holding confidential or unpublished data: never readable through stock REST by Public/Authenticated. */
export const CONFIDENTIAL_TYPES = [ORGANIZATION, PROTOCOL, APPLICATION, SUGGESTION, REFERRAL_OUTCOME] as const;

/** Editor-extensible taxonomies (codes with English and French labels). */
export const TAXONOMY_TYPES = [FOCUS_AREA, SERVICE_CATEGORY, POPULATION, LANGUAGE] as const;

/** Every type of this app that editors manage in the admin. */
export const DIRECTORY_TYPES = [...CONFIDENTIAL_TYPES, ...TAXONOMY_TYPES, SETTINGS_TYPE, SEARCH_SYNONYM_TYPE] as const;

/** Types with i18n enabled (their admin permissions need a `locales` property). */
export const LOCALIZED_TYPES: readonly string[] = [ORGANIZATION, SETTINGS_TYPE];
