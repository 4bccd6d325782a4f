import type { Core } from '@strapi/strapi';
import { ORGANIZATION as ORG } from '../content-types';
import { documentTables } from '../operations/bulk-tables';

/** SQLite's advice for a long-lived connection: `PRAGMA optimize` now and then (it re-analyses only what changed a lot). */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * What keeps an editor's save fast as the directory grows: a publish reads and writes the record's
 * components and links about thirty times, and each lookup must use an index, not read a table.
 *
 * 1. Indexes Strapi does not make on its join tables (made here because those tables are Strapi's;
 *    its schema sync leaves alone an index it never declared, and `if not exists` makes this a no-op
 *    after the first boot; the organization table's own indexes, on updated_at, slug and
 *    external_id, are declared in its schema.json):
 *    - the component join table on (record, field): Strapi reads a record's components of one field
 *      with `… where entity_id in (…) and field = ?`, and SQLite's planner, left to the indexes
 *      Strapi makes, reads them through the one on `field`, which every record shares: 11.6 ms
 *      instead of 0.02 ms per lookup at 10,000 organizations, on the event loop, since SQLite
 *      answers synchronously;
 *    - the link tables of the many-to-many relations (languages, services, populations, focus
 *      areas) on (target, inverse order): each publish places the organization last in each
 *      target's inverse list with `select <target>, max(<inverse order>) … group by <target>`,
 *      which otherwise reads every link row of every target.
 * 2. SQLite's statistics (`PRAGMA optimize`, bounded by `analysis_limit`), at boot and hourly, for
 *    the queries the indexes above do not pin down. PostgreSQL's autovacuum keeps its own.
 * 3. On SQLite, that `max … group by` rewritten (`sqliteQueryPlan`, applied by sqlite-queries.ts).
 *
 * Returns what stops the periodic re-analysis.
 */
export async function tuneQueryPlans(strapi: Core.Strapi): Promise<() => void> {
  const knex = strapi.db.connection;
  const tables = documentTables(strapi, ORG);
  if (tables.cmps) {
    const { table, entityColumn, fieldColumn } = tables.cmps;
    await knex.raw('create index if not exists ?? on ?? (??, ??)', [`${table}_entity_field_idx`, table, entityColumn, fieldColumn]);
  }
  for (const link of tables.links) {
    if (!link.inverseOrderColumn) continue;
    await knex.raw('create index if not exists ?? on ?? (??, ??)', [
      `${link.table}_target_order_idx`,
      link.table,
      link.targetColumn,
      link.inverseOrderColumn,
    ]);
  }
  if (strapi.db.dialect.client !== 'sqlite') return () => {};
  await knex.raw('pragma analysis_limit = 400');
  await knex.raw('pragma optimize = 0x10002');
  const timer = setInterval(() => {
    knex.raw('pragma optimize').catch((error: unknown) => strapi.log.warn(`SQLite: pragma optimize failed: ${String(error)}`));
  }, OPTIMIZE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** A query as knex hands it to its driver. */
export interface DriverQuery {
  sql: string;
  bindings?: readonly unknown[];
  /** knex's `.options()` of the query. */
  options?: { rowMode?: string };
}

const MAX_PER_TARGET = /^select `(\w+)`, max\(`(\w+)`\) as `max` from `(\w+)` where `\1` in \((\?(?:, \?)*)\) group by `\1`$/;
/** SQLite allows 500 selects in a compound one; a save links far fewer targets. */
const MAX_TARGETS = 100;

/**
 * Strapi's `select <target>, max(<inverse order>) as max … where <target> in (…) group by <target>`
 * (a publish places the organization last in each of its targets' inverse lists) makes SQLite read
 * every link of each target, even through the (target, inverse order) index: 30–60 ms per link
 * table at 100,000 organizations, on the event loop. Asked one target at a time, as a scalar
 * `max`, SQLite reads one index entry: 0.01 ms. The rewrite returns the same rows, and a row with
 * a null max for a target without links, which Strapi reads as it reads a missing row (0).
 * Any other query is returned as it is.
 */
export function sqliteQueryPlan<Q extends DriverQuery>(query: Q): Q {
  const match = MAX_PER_TARGET.exec(query.sql);
  const ids = query.bindings;
  if (!match || !ids || ids.length > MAX_TARGETS) return query;
  const [, target, order, table, marks] = match;
  if (marks?.split(',').length !== ids.length) return query;
  const one = `select ? as \`${target}\`, (select max(\`${order}\`) from \`${table}\` where \`${target}\` = ?) as \`max\``;
  return { ...query, sql: ids.map(() => one).join(' union all '), bindings: ids.flatMap((id) => [id, id]) };
}
