/**
 * Leaves out of an update the component fields it sends exactly as they are stored. The admin's
 * edit view sends its whole form on every save and every publish, each component with its id, and
 * Strapi writes every one of them again: per component row a select, an update and a select, per
 * field the old rows looked up and the document's links to them deleted, re-inserted and
 * re-ordered — about 120 of the ~510 queries of an admin Publish of a demo organization whose
 * editor changed its name. A field an update leaves out is kept as stored (`updateComponents` in
 * @strapi/core skips it), which is what writing it again unchanged does. A field sent differently
 * in any way (a value, an id, the order, a row more or less, a member Strapi has no attribute for)
 * is written as sent.
 */
import type { Core, UID } from '@strapi/strapi';
import { isRecord } from './values';
import { sameValue } from '../catalog/entry';
import { type DocumentReader, documentReader } from '../operations/bulk-read';
import { readInTransaction } from '../operations/sqlite-reader';
import { ORGANIZATION as ORG, PROTOCOL } from '../content-types';

type Row = Record<string, unknown>;

/** A component field whose rows hold values only (no component, relation or media of their own). */
export interface ComponentField {
  repeatable: boolean;
  /** The component's attribute names. */
  attributes: ReadonlySet<string>;
}

/** What the admin's form adds to each component row it sends (the row's key in the form), written nowhere. */
const FORM_KEY = '__temp_key__';

function sameRow(sent: unknown, stored: unknown, attributes: ReadonlySet<string>): boolean {
  if (!isRecord(sent) || !isRecord(stored) || sent.id === undefined || sent.id !== stored.id) return false;
  for (const [key, value] of Object.entries(sent)) {
    if (key === 'id' || key === FORM_KEY) continue;
    // A member left out of a row is kept as stored: the row is updated by its id.
    if (!attributes.has(key) || !sameValue(value, stored[key])) return false;
  }
  return true;
}

/** Whether `sent`, a component field's value in an update, is its stored value `stored`, row for row. */
export function sameAsStored(sent: unknown, stored: unknown, field: ComponentField): boolean {
  if (!field.repeatable) return (sent === null && stored === null) || sameRow(sent, stored, field.attributes);
  if (!Array.isArray(sent) || !Array.isArray(stored) || sent.length !== stored.length) return false;
  return sent.every((row, i) => sameRow(row, stored[i], field.attributes));
}

interface Plan {
  fields: ReadonlyMap<string, ComponentField>;
  read: DocumentReader;
  localized: boolean;
  draftAndPublish: boolean;
}

/** The types editors save every day, whose forms carry many component rows. */
const EDITED = new Set<string>([ORG, PROTOCOL]);
const VALUE_TYPES = new Set(['component', 'dynamiczone', 'relation', 'media']);

function planOf(strapi: Core.Strapi, uid: UID.ContentType): Plan | null {
  if (!EDITED.has(uid)) return null;
  const model = strapi.getModel(uid);
  const fields = new Map<string, ComponentField>();
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.type !== 'component') continue;
    const component = strapi.getModel(attribute.component);
    const types: unknown[] = Object.values(component.attributes).map((a: unknown) => (isRecord(a) ? a.type : undefined));
    if (types.some((t) => typeof t !== 'string' || VALUE_TYPES.has(t))) continue;
    fields.set(name, { repeatable: attribute.repeatable === true, attributes: new Set(Object.keys(component.attributes)) });
  }
  if (fields.size === 0) return null;
  const options: unknown = model.pluginOptions;
  return {
    fields,
    read: documentReader(strapi, uid, [...fields.keys()]),
    localized: isRecord(options) && isRecord(options.i18n) && options.i18n.localized === true,
    draftAndPublish: model.options?.draftAndPublish === true,
  };
}

/** The Document Service middleware: innermost of the workflow's, so the rules' additions to the components are compared too. */
export function unchangedComponentsMiddleware(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  const plans = new Map<string, Plan | null>();
  return async (context, next) => {
    if (context.action !== 'update') return next();
    const params: unknown = context.params;
    if (!isRecord(params) || !isRecord(params.data) || typeof params.documentId !== 'string') return next();
    if (!plans.has(context.uid)) plans.set(context.uid, planOf(strapi, context.uid));
    const plan = plans.get(context.uid);
    if (!plan || (plan.localized && typeof params.locale !== 'string')) return next();
    const data = params.data;
    const sent = [...plan.fields].filter(([f]) => f in data);
    if (sent.length === 0) return next();
    const documentId = params.documentId;
    // In the write's transaction: what is compared is what the update would have overwritten.
    return strapi.db.transaction(async () => {
      const rows = await readInTransaction(strapi, plan.read, [documentId]);
      const stored = rows.find((r) => (!plan.localized || r.locale === params.locale) && (!plan.draftAndPublish || r.publishedAt == null));
      if (stored) {
        const kept: Row = { ...data };
        for (const [f, field] of sent) if (sameAsStored(data[f], stored[f], field)) delete kept[f];
        params.data = kept;
      }
      return next();
    });
  };
}
