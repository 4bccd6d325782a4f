/**
 * The HSDS tabular package (the Frictionless `datapackage.json` + one CSV per table, as the export
 * writes it and as other HSDS tools exchange it) → fully nested HSDS documents, so the import reads
 * it exactly as it reads HSDS JSON: each service with its organization (and identifiers), phones,
 * schedules, service areas, languages, attributes (with their taxonomy terms) and service at
 * locations (with their locations, addresses and accessibility); an organization without a service
 * as an organization. Cells are typed by the HSDS column types (tabular.ts); a table the package
 * does not have leaves its key out, so the import treats that part as "not described" rather
 * than "none".
 */
import { TABLES, valueOf, type Field } from './tabular';

/** One table's rows: spreadsheet row number and cells by column name. */
export type TableRows = Array<{ row: number; values: Record<string, string> }>;
type Doc = Record<string, unknown>;

/** The table a package file holds, by its file name (`services.csv`) or resource name (`service`). */
export function tableNameOf(fileOrResource: string): string | null {
  const base = fileOrResource.replace(/^.*[\\/]/, '').toLowerCase();
  const t = TABLES.find((x) => x.path === base || x.name === base || `${x.name}s` === base || x.path === `${base}.csv`);
  return t?.name ?? null;
}

function typed(table: string, values: Record<string, string>): Doc {
  const fields = new Map<string, Field>((TABLES.find((t) => t.name === table)?.fields ?? []).map((f) => [f.name, f]));
  const out: Doc = {};
  for (const [name, cell] of Object.entries(values)) {
    if (cell === '') continue;
    const f = fields.get(name) ?? { name, type: 'string' as const };
    try {
      out[name] = valueOf(cell, f);
    } catch {
      out[name] = cell; // not JSON where an array is expected: the schema check reports it
    }
  }
  return out;
}

/** The documents of a package, each with where it came from (for the report). */
export function documentsOfTables(tables: ReadonlyMap<string, TableRows>): { documents: Doc[]; labels: string[] } {
  const rows = (name: string) => (tables.get(name) ?? []).map((r) => ({ row: r.row, doc: typed(name, r.values) }));
  const by = (name: string, column: string) => {
    const m = new Map<string, Doc[]>();
    for (const { doc } of rows(name)) {
      const k = typeof doc[column] === 'string' ? (doc[column] as string).toLowerCase() : null;
      if (k) (m.get(k) ?? m.set(k, []).get(k)!).push(doc);
    }
    return m;
  };
  const idOf = (d: Doc) => (typeof d.id === 'string' ? d.id.toLowerCase() : '');
  const byCache = new Map<string, Map<string, Doc[]>>();
  const cache = (name: string, column: string) => {
    const m = by(name, column);
    byCache.set(`${name}|${column}`, m);
    return m;
  };
  const kids = (name: string, column: string, owner: Doc): Doc[] | undefined => {
    if (!tables.has(name)) return undefined;
    const m = byCache.get(`${name}|${column}`) ?? cache(name, column);
    return m.get(idOf(owner)) ?? [];
  };
  const terms = new Map(rows('taxonomy_term').map(({ doc }) => [idOf(doc), doc]));
  const locations = new Map(rows('location').map(({ doc }) => [idOf(doc), doc]));
  const organizations = rows('organization');
  const orgById = new Map(organizations.map(({ doc }) => [idOf(doc), doc]));
  const withIdentifiers = (org: Doc): Doc => {
    const ids = kids('organization_identifier', 'organization_id', org);
    return ids === undefined ? org : { ...org, organization_identifiers: ids };
  };
  const put = (d: Doc, key: string, v: unknown) => {
    if (v !== undefined) d[key] = v;
  };

  const documents: Doc[] = [];
  const labels: string[] = [];
  const withService = new Set<string>();
  for (const { row, doc: s } of rows('service')) {
    const d: Doc = { ...s };
    const orgId = typeof s.organization_id === 'string' ? s.organization_id.toLowerCase() : '';
    const org = orgById.get(orgId);
    if (org) {
      d.organization = withIdentifiers(org);
      withService.add(orgId);
    }
    put(d, 'phones', kids('phone', 'service_id', s));
    put(d, 'schedules', kids('schedule', 'service_id', s));
    put(d, 'service_areas', kids('service_area', 'service_id', s));
    put(d, 'languages', kids('language', 'service_id', s));
    const attributes = kids('attribute', 'link_id', s);
    put(
      d,
      'attributes',
      attributes?.map((a) => {
        const term = typeof a.taxonomy_term_id === 'string' ? terms.get(a.taxonomy_term_id.toLowerCase()) : undefined;
        return term ? { ...a, taxonomy_term: term } : a;
      }),
    );
    const sals = kids('service_at_location', 'service_id', s);
    put(
      d,
      'service_at_locations',
      sals?.map((x) => {
        const loc = typeof x.location_id === 'string' ? locations.get(x.location_id.toLowerCase()) : undefined;
        if (!loc) return x;
        const l: Doc = { ...loc };
        put(l, 'addresses', kids('address', 'location_id', loc));
        put(l, 'accessibility', kids('accessibility', 'location_id', loc));
        return { ...x, location: l };
      }),
    );
    documents.push(d);
    labels.push(`services.csv row ${row}`);
  }
  for (const { row, doc } of organizations) {
    if (withService.has(idOf(doc))) continue;
    documents.push(withIdentifiers(doc));
    labels.push(`organizations.csv row ${row}`);
  }
  return { documents, labels };
}
