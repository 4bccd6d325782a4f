/**
 * What changed between two stored versions of a document, field by field, as an audit entry
 * records it: values for public fields (as the public sees them), only the name for the rest.
 */
import type { PublicFields } from './audit-fields';
import { isRecord } from './values';

export type AttributeKind = 'scalar' | 'boolean' | 'json' | 'component' | 'components' | 'relation' | 'relations';
export interface AttributeInfo {
  kind: AttributeKind;
  localized: boolean;
}
export type Attributes = Readonly<Record<string, AttributeInfo>>;
export type Row = Record<string, unknown>;

export interface Change {
  field: string;
  /** Set for localized fields only. */
  locale?: string;
  confidential: boolean;
  from?: unknown;
  to?: unknown;
}

/** Bookkeeping fields (the translation state too), and the transient "mark as verified" trigger, are not changes. */
const SKIPPED = new Set([
  'id',
  'documentId',
  'locale',
  'localizations',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'firstPublishedAt',
  'createdBy',
  'updatedBy',
  'markVerified',
  'translationBasis',
  'translationState',
]);
/** `summary` is the admin's title of a repeatable row, derived from the row (component-titles.ts). */
const COMPONENT_BOOKKEEPING = new Set(['id', '__component', '__temp_key__', 'summary']);
const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay', 'morphToMany', 'morphMany']);

const localizedOption = (v: unknown): boolean | undefined => {
  if (!isRecord(v) || !isRecord(v.pluginOptions) || !isRecord(v.pluginOptions.i18n)) return undefined;
  const l = v.pluginOptions.i18n.localized;
  return typeof l === 'boolean' ? l : undefined;
};

/** The audited attributes of a content type schema, with how to compare each. */
export function attributesOf(schema: { attributes: Record<string, unknown>; pluginOptions?: unknown }): Attributes {
  const typeLocalized = localizedOption(schema) === true;
  const out: Record<string, AttributeInfo> = {};
  for (const [name, attr] of Object.entries(schema.attributes)) {
    if (SKIPPED.has(name) || !isRecord(attr)) continue;
    const kind: AttributeKind =
      attr.type === 'component'
        ? attr.repeatable === true
          ? 'components'
          : 'component'
        : attr.type === 'relation'
          ? typeof attr.relation === 'string' && TO_MANY.has(attr.relation)
            ? 'relations'
            : 'relation'
          : attr.type === 'boolean'
            ? 'boolean'
            : attr.type === 'json'
              ? 'json'
              : 'scalar';
    out[name] = { kind, localized: typeLocalized && localizedOption(attr) !== false };
  }
  return out;
}

/** The populate clause that loads every component and relation the diff compares. */
export function populateOf(attributes: Attributes): Record<string, true> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([, a]) => a.kind !== 'scalar' && a.kind !== 'boolean' && a.kind !== 'json')
      .map(([n]) => [n, true]),
  );
}

const scalar = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined || v === '' ? null : v);

const component = (v: unknown): Row | null => {
  if (!isRecord(v)) return null;
  const out: Row = {};
  for (const k of Object.keys(v).sort()) if (!COMPONENT_BOOKKEEPING.has(k)) out[k] = scalar(v[k]);
  return out;
};

/** A related entry by its stable key: a taxonomy code, else its documentId. */
const relationKey = (v: unknown): string | null => {
  if (!isRecord(v)) return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
  for (const k of ['code', 'documentId', 'id']) if (typeof v[k] === 'string' || typeof v[k] === 'number') return String(v[k]);
  return null;
};

export function normalize(kind: AttributeKind, v: unknown): unknown {
  switch (kind) {
    case 'boolean':
      return v === true || v === 1;
    case 'component':
      return component(v);
    case 'components':
      return Array.isArray(v) ? v.map(component) : [];
    case 'relation':
      return relationKey(v);
    case 'relations':
      return Array.isArray(v)
        ? v
            .map(relationKey)
            .filter((k): k is string => k !== null)
            .sort()
        : [];
    case 'json':
      return v ?? null;
    default:
      return scalar(v);
  }
}

/** JSON with object keys sorted, for comparing normalized values. */
export function stable(v: unknown): string {
  return JSON.stringify(v, (_k, value: unknown) =>
    isRecord(value)
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, value[k]]),
        )
      : value,
  );
}

/**
 * The changes from `before` to `after`, both keyed by locale ('' for types without i18n).
 * A locale new in `after` is compared with another locale of `before` for its shared fields;
 * a field shared by all locales is reported once.
 */
export function diffVersions(
  before: ReadonlyMap<string, Row>,
  after: ReadonlyMap<string, Row>,
  attributes: Attributes,
  publicFields: PublicFields,
): Change[] {
  const changes: Change[] = [];
  const seen = new Set<string>();
  const anyBefore = [...before.values()][0] ?? null;
  for (const [locale, next] of after) {
    const exact = before.get(locale);
    for (const [field, info] of Object.entries(attributes)) {
      const source = exact ?? (info.localized ? null : anyBefore);
      const from = normalize(info.kind, source?.[field]);
      const to = normalize(info.kind, next[field]);
      if (stable(from) === stable(to)) continue;
      const key = info.localized ? `${field}|${locale}` : field;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = info.localized && locale ? { locale } : {};
      const project = publicFields[field];
      if (project) {
        const publicFrom = project(from);
        const publicTo = project(to);
        if (stable(publicFrom) !== stable(publicTo)) {
          changes.push({ field, ...at, confidential: false, from: publicFrom, to: publicTo });
          continue;
        }
      }
      changes.push({ field, ...at, confidential: true });
    }
  }
  return changes;
}
