/**
 * Which tables hold a document of a content type, found from Strapi's metadata (not hard-coded):
 * its rows (one per locale × draft/published), its component rows with the component join table
 * (`<table>_cmps`: entity_id, cmp_id, component_type, field, order), and its relation link tables
 * (`<table>_<attribute>_lnk`). The bulk writer (bulk-write.ts) writes exactly these tables.
 */
import type { Core } from '@strapi/strapi';

export type Row = Record<string, unknown>;

export interface ComponentTable {
  uid: string;
  table: string;
  /** attribute name → column name */
  columns: Map<string, string>;
  /** attribute name → attribute type (string, boolean, json, …), to store values as Strapi does. */
  types: Map<string, string>;
  /** attribute name → default value, for attributes a new row does not give. */
  defaults: Map<string, unknown>;
}

export interface LinkTable {
  attribute: string;
  /** The content type linked to. */
  target: string;
  table: string;
  /** Column holding this document's row id. */
  ownerColumn: string;
  /** Column holding the target's id. */
  targetColumn: string;
  /** Position of the target in this row's list, if any. */
  orderColumn: string | null;
}

export interface DocumentTables {
  uid: string;
  table: string;
  /** attribute name → column name (scalar attributes and own foreign keys). */
  columns: Map<string, string>;
  types: Map<string, string>;
  defaults: Map<string, unknown>;
  documentIdColumn: string;
  createdAtColumn: string;
  updatedAtColumn: string;
  publishedAtColumn: string | null;
  localeColumn: string | null;
  /** Whether the type keeps drafts (a new row of a type without drafts is published at once, as Strapi 5 stores it). */
  draftAndPublish: boolean;
  /** The component join table, if the type has components. */
  cmps: null | {
    table: string;
    entityColumn: string;
    cmpColumn: string;
    typeColumn: string;
    fieldColumn: string;
    orderColumn: string;
  };
  /** component field name → component uid */
  componentFields: Map<string, string>;
  components: Map<string, ComponentTable>;
  links: LinkTable[];
  /** Attributes deliberately not written, with why (printed by describeDocumentTables). */
  skipped: string[];
}

type Attribute = Meta['attributes'][string];
type JoinTable = NonNullable<Attribute['joinTable']>;

type Meta = {
  tableName: string;
  attributes: Record<
    string,
    {
      type: string;
      columnName?: string;
      relation?: string;
      target?: string;
      mappedBy?: string;
      inversedBy?: string;
      default?: unknown;
      unstable_virtual?: boolean;
      morphBy?: string;
      joinColumn?: { name: string; referencedTable?: string };
      joinTable?: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
        on?: Record<string, unknown>;
        pivotColumns?: string[];
        orderColumnName?: string;
        morphColumn?: unknown;
      };
    }
  >;
};

function meta(strapi: Core.Strapi, uid: string): Meta {
  // Cast kept: Strapi's attribute types include morph join tables (no inverse column), which Meta's
  // narrower shape does not; only the join tables of components and relations, which have one, are read.
  return strapi.db.metadata.get(uid) as unknown as Meta;
}

const isComponentUid = (strapi: Core.Strapi, uid: string | undefined): boolean =>
  !!uid && Object.prototype.hasOwnProperty.call(strapi.components, uid);

function componentTable(strapi: Core.Strapi, uid: string): ComponentTable {
  const m = meta(strapi, uid);
  const out: ComponentTable = { uid, table: m.tableName, columns: new Map(), types: new Map(), defaults: new Map() };
  for (const [name, a] of Object.entries(m.attributes)) {
    if (a.joinTable || a.morphBy || (a.type === 'relation' && !a.joinColumn)) {
      throw new Error(`bulk write: component ${uid} has a nested component or relation (${name}); not supported`);
    }
    if (!a.columnName) continue;
    out.columns.set(name, a.columnName);
    out.types.set(name, a.type);
    if (a.default !== undefined) out.defaults.set(name, a.default);
  }
  return out;
}

/** Whether the content type keeps drafts (its schema's draftAndPublish option). */
function hasDrafts(strapi: Core.Strapi, uid: string): boolean {
  const model: unknown = strapi.contentTypes[uid as keyof typeof strapi.contentTypes];
  if (typeof model !== 'object' || model === null || !('options' in model)) return false;
  const options: unknown = model.options;
  return typeof options === 'object' && options !== null && 'draftAndPublish' in options && options.draftAndPublish === true;
}

/** A component (or dynamic zone) field: the type's one component join table, and the component's own table. */
function addComponentField(strapi: Core.Strapi, plan: DocumentTables, name: string, a: Attribute, jt: JoinTable): void {
  const pivots = jt.pivotColumns ?? [];
  const on = Object.keys(jt.on ?? {});
  const fieldColumn = on[0] ?? 'field';
  const typeColumn = pivots.find((c) => c !== jt.joinColumn.name && c !== jt.inverseJoinColumn.name && !on.includes(c)) ?? 'component_type';
  const cmps = {
    table: jt.name,
    entityColumn: jt.joinColumn.name,
    cmpColumn: jt.inverseJoinColumn.name,
    typeColumn,
    fieldColumn,
    orderColumn: jt.orderColumnName ?? 'order',
  };
  if (plan.cmps && JSON.stringify(plan.cmps) !== JSON.stringify(cmps)) {
    throw new Error(`bulk write: ${plan.uid} uses two component join tables (${plan.cmps.table}, ${jt.name})`);
  }
  plan.cmps = cmps;
  if (a.target) {
    plan.componentFields.set(name, a.target);
    if (!plan.components.has(a.target)) plan.components.set(a.target, componentTable(strapi, a.target));
  }
}

export function documentTables(strapi: Core.Strapi, uid: string): DocumentTables {
  const m = meta(strapi, uid);
  const plan: DocumentTables = {
    uid,
    table: m.tableName,
    columns: new Map(),
    types: new Map(),
    defaults: new Map(),
    documentIdColumn: '',
    createdAtColumn: '',
    updatedAtColumn: '',
    publishedAtColumn: null,
    localeColumn: null,
    draftAndPublish: hasDrafts(strapi, uid),
    cmps: null,
    componentFields: new Map(),
    components: new Map(),
    links: [],
    skipped: [],
  };
  for (const [name, a] of Object.entries(m.attributes)) {
    if (a.columnName) {
      plan.columns.set(name, a.columnName);
      plan.types.set(name, a.type);
      if (a.default !== undefined) plan.defaults.set(name, a.default);
      continue;
    }
    if (a.unstable_virtual) {
      plan.skipped.push(`${name} (virtual)`);
      continue;
    }
    if (a.type === 'relation' && a.joinColumn && !a.joinTable) {
      // A foreign key on this table (createdBy, updatedBy): written with the row.
      plan.columns.set(name, a.joinColumn.name);
      plan.types.set(name, 'integer');
      continue;
    }
    const jt = a.joinTable;
    if (!jt) {
      plan.skipped.push(`${name} (${a.type}, no table)`);
      continue;
    }
    if (jt.morphColumn || a.morphBy) throw new Error(`bulk write: ${uid}.${name} is a polymorphic relation; not supported`);
    if (isComponentUid(strapi, a.target) || a.type === 'dynamiczone') {
      addComponentField(strapi, plan, name, a, jt);
      continue;
    }
    if (a.mappedBy) {
      // The inverse side of another type's relation (e.g. a suggestion's organization): a new row has none.
      plan.skipped.push(`${name} (inverse side of ${a.target}.${a.mappedBy})`);
      continue;
    }
    if (a.inversedBy) {
      // The target would list its rows in an order of its own, which a bulk write does not keep.
      throw new Error(`bulk write: ${uid}.${name} has an inverse side (${a.target}.${a.inversedBy}); not supported`);
    }
    if (a.relation === 'oneToOne' || a.relation === 'oneToMany') {
      throw new Error(`bulk write: ${uid}.${name} is ${a.relation}; copying it would give its targets two owners`);
    }
    plan.links.push({
      attribute: name,
      target: a.target ?? '',
      table: jt.name,
      ownerColumn: jt.joinColumn.name,
      targetColumn: jt.inverseJoinColumn.name,
      orderColumn: jt.orderColumnName ?? null,
    });
  }
  const col = (attr: string) => plan.columns.get(attr) ?? null;
  plan.documentIdColumn = col('documentId') ?? 'document_id';
  plan.createdAtColumn = col('createdAt') ?? 'created_at';
  plan.updatedAtColumn = col('updatedAt') ?? 'updated_at';
  plan.publishedAtColumn = col('publishedAt');
  plan.localeColumn = col('locale');
  return plan;
}

/** One line per table, for logs and for checking what the bulk writer will touch. */
export function describeDocumentTables(plan: DocumentTables): string {
  const lines = [`${plan.uid}: rows in ${plan.table} (${plan.columns.size} columns)`];
  if (plan.cmps) {
    lines.push(
      `  components via ${plan.cmps.table} (${plan.cmps.entityColumn}, ${plan.cmps.cmpColumn}, ${plan.cmps.typeColumn}, ${plan.cmps.fieldColumn}):`,
    );
    for (const c of plan.components.values()) lines.push(`    ${c.uid} → ${c.table}`);
  }
  for (const l of plan.links) {
    lines.push(`  ${l.attribute} → ${l.table} (${l.ownerColumn} → ${l.targetColumn})`);
  }
  if (plan.skipped.length > 0) lines.push(`  not written: ${plan.skipped.join(', ')}`);
  return lines.join('\n');
}
