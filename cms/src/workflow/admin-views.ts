/**
 * Content-manager views for the workflow, declared in code and applied at boot: the list columns
 * editors triage by, English labels for the workflow's own fields (French ones are admin
 * translations, see admin-labels.ts), bilingual hints, and a read-only audit view.
 * Only the keys set here are overwritten; other customizations made in the admin stay.
 */
import type { Core } from '@strapi/strapi';
import { FIELD_LABELS } from './admin-labels';
import { AUDIT_ENTRY } from './audit';
import { isRecord } from './values';

interface FieldMeta { label?: string; description?: string; editable?: boolean }

interface View {
  list: string[];
  settings?: Record<string, unknown>;
  edit?: Record<string, FieldMeta>;
  /** Fields put on the first row of the edit view. */
  editFirst?: string[];
  readOnly?: boolean;
}

export const ADMIN_VIEWS: Readonly<Record<string, View>> = {
  'api::organization.organization': {
    list: ['name', 'kind', 'listingStatus', 'publicConsent', 'lastVerifiedAt', 'nextReviewDue', 'needsAttention'],
    edit: {
      markVerified: {
        description: 'Sets last verified to today, by you, and the next review date; then clears itself. / Inscrit la vérification (aujourd’hui, par vous) et la prochaine révision, puis se décoche.',
      },
      needsAttention: {
        description: 'Set by the workflow (e.g. unreachable contact); see the status note. Clear it once handled. / Signalé par le flux de travail (p. ex. personne-ressource injoignable); voir la note d’état.',
      },
      suspendedAt: { description: 'Set when the listing status becomes suspended. / Inscrit lors de la suspension.' },
      removalReason: { description: 'Required when the listing status is removed. / Obligatoire quand la fiche est retirée.' },
    },
  },
  'api::law-enforcement-protocol.law-enforcement-protocol': {
    list: ['agency', 'province', 'version', 'lastReviewedAt', 'nextReviewDue'],
    edit: {
      version: { description: 'Bumped automatically when the protocol or its contacts change. / Incrémentée automatiquement à chaque modification du protocole ou des contacts.' },
    },
  },
  'api::application.application': {
    list: ['organizationName', 'reviewStatus', 'kind', 'role', 'locale', 'createdAt'],
    editFirst: ['reviewStatus'],
    edit: {
      reviewStatus: { description: 'Approving creates a draft organization; declining needs a reason. / L’approbation crée un organisme en brouillon; un refus exige un motif.' },
      declineReason: { description: 'Required to decline. / Obligatoire pour refuser.' },
      organization: { description: 'Created as a draft when the application is approved. / Créé en brouillon à l’approbation.' },
    },
  },
  'api::suggestion.suggestion': {
    list: ['organizationSlug', 'reviewStatus', 'field', 'locale', 'createdAt'],
    editFirst: ['reviewStatus'],
    edit: {
      resolutionNote: { description: 'Required to resolve or dismiss. / Obligatoire pour résoudre ou rejeter.' },
    },
  },
  [AUDIT_ENTRY]: {
    list: ['occurredAt', 'action', 'targetLabel', 'actorName', 'statusTo', 'changedFields'],
    settings: { mainField: 'targetLabel', defaultSortBy: 'occurredAt', defaultSortOrder: 'DESC' },
    readOnly: true,
  },
};

const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

type Cell = { name: string; size: number };
const isCell = (v: unknown): v is Cell => isRecord(v) && typeof v.name === 'string' && typeof v.size === 'number';

/** The edit layout (rows of cells) with `first` on a row of its own at the top. */
export function editLayout(edit: unknown, first: readonly string[]): Cell[][] {
  const rows = (Array.isArray(edit) ? edit : []).map((row: unknown) => (Array.isArray(row) ? row.filter(isCell) : []));
  const moved = new Set(first);
  const rest = rows.map((row) => row.filter((c) => !moved.has(c.name))).filter((row) => row.length > 0);
  return first.length > 0 ? [first.map((name) => ({ name, size: 6 })), ...rest] : rest;
}

export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const [uid, view] of Object.entries(ADMIN_VIEWS)) {
    const contentType: unknown = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!isRecord(contentType) || !isRecord(contentType.attributes)) continue;
    const attributes = contentType.attributes;
    const config: unknown = await service.findConfiguration({ uid });
    const current = record(config);
    const metadatas: Record<string, unknown> = { ...record(current.metadatas) };
    const labels = FIELD_LABELS[uid] ?? {};
    const fields = new Set([...(view.readOnly ? Object.keys(attributes) : []), ...Object.keys(view.edit ?? {}), ...Object.keys(labels)]);
    for (const field of fields) {
      if (!(field in attributes)) continue;
      const meta = record(metadatas[field]);
      const label = labels[field]?.en;
      const wanted: FieldMeta = { ...(label ? { label } : {}), ...(view.edit?.[field] ?? {}), ...(view.readOnly ? { editable: false } : {}) };
      metadatas[field] = {
        ...meta,
        edit: { ...record(meta.edit), ...wanted },
        ...(wanted.label ? { list: { ...record(meta.list), label: wanted.label } } : {}),
      };
    }
    const layouts = record(current.layouts);
    await service.updateConfiguration({ uid }, {
      settings: { ...record(current.settings), ...(view.settings ?? {}) },
      metadatas,
      layouts: {
        ...layouts,
        list: view.list.filter((f) => f in attributes || f === 'createdAt'),
        edit: editLayout(layouts.edit, (view.editFirst ?? []).filter((f) => f in attributes)),
      },
    });
  }
}
