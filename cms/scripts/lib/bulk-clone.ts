/**
 * Synthetic organizations for benchmarks (10,000–100,000): a small, diverse base set written through
 * the Document Service (as `seed` writes them), every other one a bulk SQL copy of a base document
 * (src/operations/bulk-clone.ts; SQLite: 10,000 in ~15 s, 100,000 in ~2 min on 2 busy cores).
 */
import type { Core } from '@strapi/strapi';
import {
  cloneDocuments,
  type CloneRequest,
  type CloneResult,
  type ComponentContext,
  type RowContext,
} from '../../src/operations/bulk-clone';
import { describeDocumentTables, documentTables, type Row } from '../../src/operations/bulk-tables';
import { seed, type SeedReport } from '../../src/operations/seed';
import type { Fixtures, OrganizationFixture } from '../../src/operations/fixtures';
import { generateOrganizations } from './generate';

import { ORGANIZATION } from '../../src/content-types';

export const ORGANIZATION_UID = ORGANIZATION;

export const SYNTHETIC_PREFIX = 'synthetic-';
export const DEFAULT_BASE_SIZE = 200;

export const syntheticKey = (n: number): string => String(n).padStart(6, '0');
/** Synthetic organization n (1-based) beyond the base set is a copy of base organization baseOf(n). */
export const baseOf = (n: number, baseSize: number): number => ((n - 1) % baseSize) + 1;

/** The numbers of the synthetic organizations already in the database. */
export async function existingSyntheticNumbers(strapi: Core.Strapi): Promise<Set<number>> {
  const plan = documentTables(strapi, ORGANIZATION_UID);
  const column = plan.columns.get('externalId')!;
  const rows = (await strapi.db.connection(plan.table).distinct(column).where(column, 'like', `${SYNTHETIC_PREFIX}%`)) as Row[];
  const out = new Set<number>();
  for (const r of rows) {
    const m = /^synthetic-(\d+)$/.exec(String(r[column]));
    if (m) out.add(Number(m[1]));
  }
  return out;
}

// More words than the generator's, so copies of one base record get different names.
const ADJ_EN = [
  'Harbour',
  'Northern Light',
  'Safe Passage',
  'Cedar',
  'Aurora',
  'Beacon',
  'Willow',
  'Riverbend',
  'Élan',
  'Horizon',
  'Maple',
  'Lakeshore',
  'Prairie',
  'Tidewater',
  'Evergreen',
  'Summit',
  'Birch',
  'Compass',
  'Hearth',
  'Lantern',
  'Meadow',
  'Bridgeway',
];
const ADJ_FR = [
  'du Havre',
  'Lumière du Nord',
  'Passage sûr',
  'du Cèdre',
  'Aurore',
  'Phare',
  'du Saule',
  'Méandre',
  'Élan',
  'Horizon',
  "de l'Érable",
  'du Rivage',
  'des Prairies',
  'des Marées',
  'Toujours vert',
  'du Sommet',
  'du Bouleau',
  'Boussole',
  'du Foyer',
  'Lanterne',
  'de la Prairie',
  'Passerelle',
];
const NOUNS_EN = [
  'House',
  'Centre',
  'Network',
  'Collective',
  'Alliance',
  'Services',
  'Place',
  'Circle',
  'Hub',
  'Coalition',
  'Refuge',
  'Outreach',
];
const NOUNS_FR = [
  'Maison',
  'Centre',
  'Réseau',
  'Collectif',
  'Alliance',
  'Services',
  'Carrefour',
  'Cercle',
  'Pôle',
  'Coalition',
  'Refuge',
  'Entraide',
];

/** Name, slug, external id and every occurrence of the base number, for synthetic organization n. */
function syntheticChanges(baseFixtures: OrganizationFixture[], baseSize: number) {
  const keep = new Set(['id', 'documentId', 'locale']);
  const renumber = (values: Row, from: string, to: string): Row => {
    const out: Row = {};
    for (const [k, v] of Object.entries(values)) {
      if (!keep.has(k) && typeof v === 'string' && v.includes(from)) out[k] = v.split(from).join(to);
    }
    return out;
  };
  return {
    row: ({ request, base, locale }: RowContext): Row => {
      const n = request.data as number;
      const b = baseOf(n, baseSize);
      const key = syntheticKey(n);
      const fixture = baseFixtures[b - 1]!;
      const city = fixture.locations[0]?.city ?? fixture.serviceAreas[0]?.province ?? '';
      // Mixes the number so neighbours differ in both words.
      const adj = (n * 7 + Math.floor(n / 13)) % ADJ_EN.length;
      const noun = (n * 5 + Math.floor(n / 11)) % NOUNS_EN.length;
      const name = locale === 'fr' ? `${NOUNS_FR[noun]} ${ADJ_FR[adj]} ${city} ${key}` : `${ADJ_EN[adj]} ${NOUNS_EN[noun]} ${city} ${key}`;
      return {
        ...renumber(base, syntheticKey(b), key),
        name,
        slug: `${SYNTHETIC_PREFIX}${key}`,
        externalId: `${SYNTHETIC_PREFIX}${key}`,
      };
    },
    component: ({ request, base }: ComponentContext): Row => {
      const n = request.data as number;
      return renumber(base, syntheticKey(baseOf(n, baseSize)), syntheticKey(n));
    },
  };
}

export interface SyntheticOptions {
  /** Synthetic organizations wanted in total (synthetic-000001 … synthetic-N). */
  total: number;
  /** The demo fixtures: their taxonomies and settings (re-applied, idempotently, by the base pass). */
  fixtures: Pick<Fixtures, 'taxonomies' | 'settings'>;
  /** Written through the Document Service (default min(total, 200)). */
  baseSize?: number;
  transactionSize?: number;
  log?: (line: string) => void;
}

export interface SyntheticReport {
  total: number;
  existing: number;
  baseWritten: number;
  cloned: CloneResult | null;
  seedReport: SeedReport | null;
  ms: number;
}

/**
 * Brings the database to `total` synthetic organizations: the missing base organizations through
 * the Document Service (as `seed` writes them), the missing others as SQL copies of their base.
 * Idempotent: organizations already present (by external id) are left alone.
 */
export async function seedSynthetic(strapi: Core.Strapi, options: SyntheticOptions): Promise<SyntheticReport> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const total = options.total;
  const baseSize = Math.min(total, options.baseSize ?? DEFAULT_BASE_SIZE);
  const report: SyntheticReport = { total, existing: 0, baseWritten: 0, cloned: null, seedReport: null, ms: 0 };
  if (total <= 0) return report;

  const existing = await existingSyntheticNumbers(strapi);
  report.existing = [...existing].filter((n) => n <= total).length;
  const baseFixtures = generateOrganizations(baseSize, options.fixtures.taxonomies);
  const missingBase = baseFixtures.filter((_, i) => !existing.has(i + 1));
  if (missingBase.length > 0) {
    const t0 = Date.now();
    report.seedReport = await seed(strapi, {
      taxonomies: options.fixtures.taxonomies,
      settings: options.fixtures.settings,
      organizations: missingBase,
      protocols: [],
      applications: [],
      suggestions: [],
      searchSynonyms: [],
    });
    if (report.seedReport.rejected.length > 0) {
      const r = report.seedReport.rejected[0]!;
      throw new Error(`synthetic base rejected: ${r.record}: ${r.field} ${r.message}`);
    }
    report.baseWritten = missingBase.length;
    log(
      `seed: ${missingBase.length} base synthetic organizations through the Document Service in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  }

  const wanted: number[] = [];
  for (let n = baseSize + 1; n <= total; n++) if (!existing.has(n)) wanted.push(n);
  if (wanted.length > 0) {
    const plan = documentTables(strapi, ORGANIZATION_UID);
    log(describeDocumentTables(plan));
    const extColumn = plan.columns.get('externalId')!;
    const keys = baseFixtures.map((o) => o.externalId);
    const rows = (await strapi.db.connection(plan.table).distinct(extColumn, plan.documentIdColumn).whereIn(extColumn, keys)) as Row[];
    const docOf = new Map(rows.map((r) => [String(r[extColumn]), String(r[plan.documentIdColumn])]));
    const requests: CloneRequest[] = wanted.map((n) => {
      const key = keys[baseOf(n, baseSize) - 1]!;
      const baseDocumentId = docOf.get(key);
      if (!baseDocumentId) throw new Error(`synthetic base ${key} is missing`);
      return { baseDocumentId, data: n };
    });
    const changes = syntheticChanges(baseFixtures, baseSize);
    let lastLog = 0;
    report.cloned = await cloneDocuments(strapi, ORGANIZATION_UID, requests, {
      ...changes,
      transactionSize: options.transactionSize,
      onProgress: (done, all) => {
        if (done === all || done - lastLog >= 10000) {
          lastLog = done;
          log(`seed: ${done}/${all} cloned`);
        }
      },
    });
    const c = report.cloned;
    log(
      `seed: ${c.documents} synthetic organizations cloned in SQL in ${(c.ms / 1000).toFixed(1)} s ` +
        `(${c.rows} rows, ${c.componentRows} component rows, ${c.linkRows} relation rows)`,
    );
  }
  report.ms = Date.now() - started;
  return report;
}
