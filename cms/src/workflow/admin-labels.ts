/**
 * Labels of the directory's fields in the admin, in English (the content-manager metadata, set at
 * boot by admin-views.ts) and French (admin translations, src/admin/app.tsx). The table itself is
 * field-labels.ts. Plain data: imported by the server and bundled into the admin.
 */
import { COMPONENT_LABELS, FIELD_LABELS, type Label } from './field-labels';
import { VALUE_LABELS } from './value-labels';
import { ORGANIZATION } from '../content-types';

export type { Label };
export { COMPONENT_LABELS, FIELD_LABELS, VALUE_LABELS };

/** Content-type names as the admin menu shows them (their schema displayName → French). */
export const TYPE_NAMES: Readonly<Record<string, Label>> = {
  'api::application.application': { en: 'Application', fr: 'Demande d’inscription' },
  'api::audit-entry.audit-entry': { en: 'Audit entry', fr: 'Journal d’audit' },
  'api::directory-setting.directory-setting': { en: 'Directory settings', fr: 'Paramètres du répertoire' },
  'api::focus-area.focus-area': { en: 'Focus area', fr: 'Domaine d’intervention' },
  'api::language.language': { en: 'Language of service', fr: 'Langue de service' },
  'api::law-enforcement-protocol.law-enforcement-protocol': { en: 'Law-enforcement protocol', fr: 'Protocole de renvoi (police)' },
  [ORGANIZATION]: { en: 'Organization', fr: 'Organisation' },
  'api::population.population': { en: 'Population', fr: 'Population' },
  'api::referral-outcome.referral-outcome': { en: 'Referral outcome', fr: 'Suivi de renvoi' },
  'api::search-synonym.search-synonym': { en: 'Search synonym', fr: 'Synonyme de recherche' },
  'api::service-category.service-category': { en: 'Service category', fr: 'Catégorie de service' },
  'api::suggestion.suggestion': { en: 'Suggestion', fr: 'Demande de mise à jour' },
};

/** Yes / no for every boolean, in forms and list cells (Strapi's own words are "true" / "false"). */
const BOOLEAN_LABELS: Readonly<Record<string, Label>> = {
  'app.components.ToggleCheckbox.on-label': { en: 'Yes', fr: 'Oui' },
  'app.components.ToggleCheckbox.off-label': { en: 'No', fr: 'Non' },
};

/**
 * Strapi 5.54's own admin strings that have no French translation: looked up on every page of
 * the content manager, each lookup logs a MISSING_TRANSLATION error in the French admin.
 */
const STRAPI_FRENCH_GAPS: Readonly<Record<string, string>> = {
  'content-manager.plugin.name': 'Gestionnaire de contenu',
  'search.placeholder': 'Rechercher',
  'content-manager.containers.list.table-headers.status': 'Statut',
  'content-manager.actions.unpublish.dialog.radio-label': 'Choisissez comment dépublier le document.',
};

/** Strapi's timestamps, as list columns of our types (looked up under each type's key). */
const TIMESTAMP_LABELS: Readonly<Record<string, string>> = { createdAt: 'Créé le', updatedAt: 'Modifié le', publishedAt: 'Publié le' };

/** Our own admin strings (src/admin/components). */
const ADMIN_UI_LABELS: Readonly<Record<string, Label>> = {
  'directory.panel.bilingual': { en: 'Translation', fr: 'Traduction' },
  'directory.list.translation': { en: 'Translation', fr: 'Traduction' },
  'directory.widget.work-queue': { en: 'Work queue', fr: 'À faire' },
  'directory.panel.history': { en: 'History', fr: 'Historique' },
  'directory.field.provinces': { en: 'Provinces and territories', fr: 'Provinces et territoires' },
  'directory.field.provinces.hint': { en: 'Provinces and territories, by name', fr: 'Provinces et territoires, par leur nom' },
  'directory.history.empty': { en: 'No history yet.', fr: 'Aucun historique pour l’instant.' },
  'directory.history.confidential': { en: 'value not recorded', fr: 'valeur non conservée' },
  'directory.history.all': { en: 'Whole history', fr: 'Tout l’historique' },
};

/** Admin translations in one language: enumeration values (looked up by raw value), booleans, our own strings. */
function valueTranslations(language: 'en' | 'fr'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, label] of Object.entries(ADMIN_UI_LABELS)) out[key] = label[language];
  for (const [value, label] of Object.entries(VALUE_LABELS)) out[value] = label[language];
  for (const [key, label] of Object.entries(BOOLEAN_LABELS)) out[key] = label[language];
  return out;
}

/** The English admin translations: labels of enumeration values and booleans (field labels are metadata). */
export function englishAdminTranslations(): Record<string, string> {
  return valueTranslations('en');
}

/**
 * The French admin translations: field labels under the keys the content-manager (5.54) looks up,
 * `content-manager.content-types.<uid>.<field>` in the list and edit views and
 * `content-manager.components.<component uid>.<field>` inside a component; type names by display
 * name; enumeration values and booleans; and Strapi's own strings it has no French for.
 */
export function frenchAdminTranslations(): Record<string, string> {
  const out: Record<string, string> = { ...STRAPI_FRENCH_GAPS, ...valueTranslations('fr') };
  for (const [uid, fields] of Object.entries(FIELD_LABELS)) {
    for (const [field, label] of Object.entries(TIMESTAMP_LABELS)) out[`content-manager.content-types.${uid}.${field}`] = label;
    for (const [field, label] of Object.entries(fields)) out[`content-manager.content-types.${uid}.${field}`] = label.fr;
  }
  for (const [uid, fields] of Object.entries(COMPONENT_LABELS)) {
    for (const [field, label] of Object.entries(fields)) out[`content-manager.components.${uid}.${field}`] = label.fr;
  }
  for (const label of Object.values(TYPE_NAMES)) out[label.en] = label.fr;
  return out;
}
