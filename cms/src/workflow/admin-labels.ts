/**
 * Labels of the directory's fields in the admin, in English (the content-manager metadata, set at
 * boot by admin-views.ts) and French (admin translations, src/admin/app.tsx). The table itself is
 * field-labels.ts. Plain data: imported by the server and bundled into the admin.
 */
import { COMPONENT_LABELS, FIELD_LABELS, type Label } from './field-labels';

export type { Label };
export { COMPONENT_LABELS, FIELD_LABELS };

/** Content-type names as the admin menu shows them (their schema displayName → French). */
export const TYPE_NAMES: Readonly<Record<string, Label>> = {
  'api::application.application': { en: 'Application', fr: 'Demande d’inscription' },
  'api::audit-entry.audit-entry': { en: 'Audit entry', fr: 'Journal d’audit' },
  'api::directory-setting.directory-setting': { en: 'Directory settings', fr: 'Paramètres du répertoire' },
  'api::focus-area.focus-area': { en: 'Focus area', fr: 'Domaine d’intervention' },
  'api::language.language': { en: 'Language of service', fr: 'Langue de service' },
  'api::law-enforcement-protocol.law-enforcement-protocol': { en: 'Law-enforcement protocol', fr: 'Protocole de renvoi (police)' },
  'api::organization.organization': { en: 'Organization', fr: 'Organisation' },
  'api::population.population': { en: 'Population', fr: 'Population' },
  'api::referral-outcome.referral-outcome': { en: 'Referral outcome', fr: 'Suivi de renvoi' },
  'api::search-synonym.search-synonym': { en: 'Search synonym', fr: 'Synonyme de recherche' },
  'api::service-category.service-category': { en: 'Service category', fr: 'Catégorie de service' },
  'api::suggestion.suggestion': { en: 'Suggestion', fr: 'Demande de mise à jour' },
};

/**
 * The French admin translations: field labels under the keys the content-manager (5.54) looks up,
 * `content-manager.content-types.<uid>.<field>` in the list and edit views and
 * `content-manager.components.<component uid>.<field>` inside a component; type names by display name.
 */
export function frenchAdminTranslations(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uid, fields] of Object.entries(FIELD_LABELS)) {
    for (const [field, label] of Object.entries(fields)) out[`content-manager.content-types.${uid}.${field}`] = label.fr;
  }
  for (const [uid, fields] of Object.entries(COMPONENT_LABELS)) {
    for (const [field, label] of Object.entries(fields)) out[`content-manager.components.${uid}.${field}`] = label.fr;
  }
  for (const label of Object.values(TYPE_NAMES)) out[label.en] = label.fr;
  return out;
}
