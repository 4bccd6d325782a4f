/**
 * Labels of the workflow's fields in the admin, in English (the content-manager metadata, set at
 * boot) and French (admin translations, src/admin/app.tsx). Plain data: imported by the server
 * and bundled into the admin.
 */
export interface Label { en: string; fr: string }

export const FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  'api::organization.organization': {
    markVerified: { en: 'Mark as verified on save', fr: 'Marquer comme vérifié à l’enregistrement' },
    needsAttention: { en: 'Needs attention', fr: 'À traiter' },
    suspendedAt: { en: 'Suspended at', fr: 'Suspendu le' },
  },
  'api::application.application': {
    reviewStatus: { en: 'Status', fr: 'Statut' },
  },
  'api::suggestion.suggestion': {
    reviewStatus: { en: 'Status', fr: 'Statut' },
  },
  'api::audit-entry.audit-entry': {
    occurredAt: { en: 'When', fr: 'Date' },
    action: { en: 'Action', fr: 'Action' },
    targetUid: { en: 'Record type', fr: 'Type de fiche' },
    targetDocumentId: { en: 'Record id', fr: 'Identifiant de la fiche' },
    targetLocale: { en: 'Locale', fr: 'Langue' },
    targetLabel: { en: 'Record', fr: 'Fiche' },
    actorType: { en: 'Actor type', fr: 'Type d’auteur' },
    actorId: { en: 'Actor id', fr: 'Identifiant de l’auteur' },
    actorName: { en: 'Who', fr: 'Qui' },
    actorEmail: { en: 'Actor email', fr: 'Courriel de l’auteur' },
    statusFrom: { en: 'Status before', fr: 'Statut avant' },
    statusTo: { en: 'Status after', fr: 'Statut après' },
    changedFields: { en: 'Changed fields', fr: 'Champs modifiés' },
    changes: { en: 'Changes (values of public fields only)', fr: 'Modifications (valeurs des champs publics seulement)' },
  },
};

/** Content-type names as the admin menu shows them (their schema displayName → French). */
export const TYPE_NAMES: Readonly<Record<string, Label>> = {
  'api::audit-entry.audit-entry': { en: 'Audit entry', fr: 'Journal d’audit' },
};

/** The French admin translations: field labels by content-manager key, type names by display name. */
export function frenchAdminTranslations(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uid, fields] of Object.entries(FIELD_LABELS)) {
    for (const [field, label] of Object.entries(fields)) out[`content-manager.content-types.${uid}.${field}`] = label.fr;
  }
  for (const label of Object.values(TYPE_NAMES)) out[label.en] = label.fr;
  return out;
}
