/**
 * Content-manager views for the workflow, declared in code and applied at boot: the list columns
 * editors triage by, English labels of every directory field and component field (French ones
 * are admin translations, see admin-labels.ts), bilingual hints, and a read-only audit view.
 * Only the keys set here are overwritten; other customizations made in the admin stay.
 */
import type { Core } from '@strapi/strapi';
import { COMPONENT_LABELS, FIELD_LABELS } from './admin-labels';
import { AUDIT_ENTRY } from './audit';
import { COMPONENT_TITLES, SUMMARY } from './component-titles';
import { isRecord } from './values';
import { ORGANIZATION } from '../content-types';

interface FieldMeta {
  label?: string;
  description?: string;
  editable?: boolean;
  mainField?: string;
}

interface View {
  list: string[];
  settings?: Record<string, unknown>;
  edit?: Record<string, FieldMeta>;
  /** Fields put on the first row of the edit view. */
  editFirst?: string[];
  /** Fields the workflow writes and the edit view does not show. */
  hidden?: string[];
  readOnly?: boolean;
}

export const ADMIN_VIEWS: Readonly<Record<string, View>> = {
  [ORGANIZATION]: {
    list: ['name', 'kind', 'listingStatus', 'publicConsent', 'lastVerifiedAt', 'nextReviewDue', 'needsAttention'],
    edit: {
      markVerified: {
        description:
          'Sets last verified to today, by you, and the next review date; then clears itself. / Inscrit la vérification (aujourd’hui, par vous) et la prochaine révision, puis se décoche.',
      },
      needsAttention: {
        description:
          'Set by the workflow (e.g. unreachable contact); see the status note. Clear it once handled. / Signalé par le flux de travail (p. ex. personne-ressource injoignable); voir la note d’état.',
      },
      // Relation pickers and lists show a term's name, not its code.
      focusAreas: { mainField: 'labelEn' },
      services: { mainField: 'labelEn' },
      populations: { mainField: 'labelEn' },
      languages: { mainField: 'labelEn' },
      suspendedAt: { description: 'Set when the listing status becomes suspended. / Inscrit lors de la suspension.' },
      removalReason: { description: 'Required to remove or suspend a listing. / Obligatoire pour retirer ou suspendre une fiche.' },
    },
    // The work first: status and review, then the record.
    editFirst: [
      'listingStatus',
      'removalReason',
      'publicConsent',
      'needsAttention',
      'lastVerifiedAt',
      'nextReviewDue',
      'markVerified',
      'statusNote',
    ],
    // Shown as the Translation column and panel (translation-status.ts).
    hidden: ['translationBasis', 'translationState'],
  },
  'api::law-enforcement-protocol.law-enforcement-protocol': {
    list: ['agency', 'province', 'version', 'lastReviewedAt', 'nextReviewDue'],
    edit: {
      version: {
        description:
          'Bumped automatically when the protocol or its contacts change. / Incrémentée automatiquement à chaque modification du protocole ou des contacts.',
      },
      previousProtocol: {
        editable: false,
        description: 'The text before the last change, for comparison. / Le texte avant la dernière modification, pour comparaison.',
      },
    },
  },
  'api::application.application': {
    list: ['organizationName', 'reviewStatus', 'kind', 'role', 'locale', 'createdAt'],
    settings: { defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
    editFirst: ['reviewStatus'],
    edit: {
      reviewStatus: {
        description:
          'Approving creates a draft organization; declining needs a reason. / L’approbation crée un organisme en brouillon; un refus exige un motif.',
      },
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
  // Relation pickers show a term's name, not its code.
  ...Object.fromEntries(
    ['focus-area', 'service-category', 'population', 'language'].map((name) => [
      `api::${name}.${name}`,
      {
        list: ['labelEn', 'labelFr', 'code'],
        settings: { mainField: 'labelEn', defaultSortBy: 'sortOrder', defaultSortOrder: 'ASC' },
      } satisfies View,
    ]),
  ),
  [AUDIT_ENTRY]: {
    list: ['occurredAt', 'action', 'targetLabel', 'actorName', 'statusTo', 'changedFields'],
    settings: { mainField: 'targetLabel', defaultSortBy: 'occurredAt', defaultSortOrder: 'DESC' },
    readOnly: true,
  },
};

const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});

type Cell = { name: string; size: number };
const isCell = (v: unknown): v is Cell => isRecord(v) && typeof v.name === 'string' && typeof v.size === 'number';

/** The edit layout (rows of cells) with `first` at the top, two to a row (the grid is 12 wide). */
export function editLayout(edit: unknown, first: readonly string[]): Cell[][] {
  const rows = (Array.isArray(edit) ? edit : []).map((row: unknown) => (Array.isArray(row) ? row.filter(isCell) : []));
  const moved = new Set(first);
  const rest = rows.map((row) => row.filter((c) => !moved.has(c.name))).filter((row) => row.length > 0);
  const top: Cell[][] = [];
  for (let i = 0; i < first.length; i += 2) top.push(first.slice(i, i + 2).map((name) => ({ name, size: 6 })));
  return [...top, ...rest];
}

/** The edit layout without one field (one the workflow writes and editors do not). */
export function withoutField(edit: unknown, field: string): Cell[][] {
  return editLayout(edit, [])
    .map((row) => row.filter((c) => c.name !== field))
    .filter((row) => row.length > 0);
}

/** Stored metadatas with `labels` as each field's English label (edit and list) and `edit` merged in. */
export function labelledMetadatas(
  stored: unknown,
  fields: Iterable<string>,
  labels: Readonly<Record<string, { en: string }>>,
  edit: Readonly<Record<string, FieldMeta>> = {},
): Record<string, unknown> {
  const metadatas: Record<string, unknown> = { ...record(stored) };
  for (const field of fields) {
    const meta = record(metadatas[field]);
    const label = labels[field]?.en;
    const wanted: FieldMeta = { ...(label ? { label } : {}), ...(edit[field] ?? {}) };
    metadatas[field] = {
      ...meta,
      edit: { ...record(meta.edit), ...wanted },
      ...(wanted.label ? { list: { ...record(meta.list), label: wanted.label } } : {}),
    };
  }
  return metadatas;
}

export async function configureAdminViews(strapi: Core.Strapi): Promise<void> {
  const service = strapi.plugin('content-manager').service('content-types');
  for (const uid of new Set([...Object.keys(ADMIN_VIEWS), ...Object.keys(FIELD_LABELS)])) {
    const view = ADMIN_VIEWS[uid];
    const contentType: unknown = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
    if (!isRecord(contentType) || !isRecord(contentType.attributes)) continue;
    const attributes = contentType.attributes;
    const config: unknown = await service.findConfiguration({ uid });
    const current = record(config);
    const labels = FIELD_LABELS[uid] ?? {};
    const edit: Record<string, FieldMeta> = { ...(view?.edit ?? {}) };
    if (view?.readOnly) for (const field of Object.keys(attributes)) edit[field] = { ...edit[field], editable: false };
    const fields = [...new Set([...Object.keys(edit), ...Object.keys(labels)])].filter((f) => f in attributes);
    const layouts = record(current.layouts);
    await service.updateConfiguration(
      { uid },
      {
        settings: { ...record(current.settings), ...(view?.settings ?? {}) },
        metadatas: labelledMetadatas(current.metadatas, fields, labels, edit),
        layouts: view
          ? {
              ...layouts,
              list: view.list.filter((f) => f in attributes || f === 'createdAt'),
              edit: (view.hidden ?? []).reduce(
                (edit, f) => withoutField(edit, f),
                editLayout(
                  layouts.edit,
                  (view.editFirst ?? []).filter((f) => f in attributes),
                ),
              ),
            }
          : layouts,
      },
    );
  }
  // Components keep their layouts, less the workflow's row summary; their fields get labels and
  // their collapsed rows a title (component-titles.ts).
  const components = strapi.plugin('content-manager').service('components');
  for (const uid of new Set([...Object.keys(COMPONENT_LABELS), ...Object.keys(COMPONENT_TITLES)])) {
    const component: unknown = strapi.components[uid as keyof typeof strapi.components];
    if (!isRecord(component) || !isRecord(component.attributes)) continue;
    const attributes = component.attributes;
    const labels = COMPONENT_LABELS[uid] ?? {};
    const current = record(await components.findConfiguration(component));
    const title = COMPONENT_TITLES[uid];
    const layouts = record(current.layouts);
    await components.updateConfiguration(component, {
      settings: { ...record(current.settings), ...(title && title in attributes ? { mainField: title } : {}) },
      metadatas: labelledMetadatas(
        current.metadatas,
        Object.keys(labels).filter((f) => f in attributes),
        labels,
      ),
      layouts: { ...layouts, edit: withoutField(layouts.edit, SUMMARY) },
    });
  }
}
