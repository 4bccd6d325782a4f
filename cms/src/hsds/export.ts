/**
 * The public directory as Open Referral HSDS 3.0, from the public catalog (the same projection
 * the public and HSDS APIs serve: public records, public fields only):
 *   <out>/tabular/datapackage.json + one CSV per HSDS table (a Frictionless tabular data package)
 *   <out>/json/services.json       fully nested services (what `npm run import` reads back)
 *   <out>/json/organizations.json  organizations with their locations and service
 *   <out>/json/taxonomies.json, <out>/json/taxonomy_terms.json
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Catalog } from '../catalog/catalog';
import { pairOf } from '../hsds/api';
import { fullOrganization, fullService, taxonomyRecord, taxonomyTermRecord } from '../hsds/mapper';
import { csvOf, datapackage, TABLES, tablesOf } from '../hsds/tabular';
import { HSDS_TAXONOMIES } from '../hsds/vocab';

export interface HsdsExportReport {
  dir: string;
  organizations: number;
  files: Record<string, number>;
}

export function exportHsds(catalog: Catalog, dir: string, profileUri: string, now = new Date()): HsdsExportReport {
  const entries = catalog.search({
    terms: [],
    filters: {},
    locale: 'en',
    page: 1,
    pageSize: Math.max(1, catalog.entries.length),
    sort: 'name',
  }).page;
  const pairs = entries.map(pairOf);
  const files: Record<string, number> = {};
  const write = (name: string, content: string, count: number) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    files[name] = count;
  };

  const tables = tablesOf(pairs, catalog.vocabulary, profileUri);
  for (const t of TABLES) write(path.join('tabular', t.path), csvOf(t, tables[t.name]!), tables[t.name]!.length);
  write(
    path.join('tabular', 'datapackage.json'),
    `${JSON.stringify(datapackage(profileUri, now.toISOString()), null, 2)}\n`,
    TABLES.length,
  );

  const json = (name: string, items: unknown[]) => write(path.join('json', name), `${JSON.stringify(items, null, 2)}\n`, items.length);
  json(
    'services.json',
    pairs.map((p) => fullService(p, profileUri)),
  );
  json(
    'organizations.json',
    pairs.map((p) => fullOrganization(p)),
  );
  json(
    'taxonomies.json',
    HSDS_TAXONOMIES.map((t) => taxonomyRecord(t, profileUri)),
  );
  json(
    'taxonomy_terms.json',
    HSDS_TAXONOMIES.flatMap((t) =>
      catalog.vocabulary[t.filter].map((v) => taxonomyTermRecord(t.name, { code: v.value, labels: v.labels }, profileUri)),
    ),
  );
  return { dir, organizations: pairs.length, files };
}
