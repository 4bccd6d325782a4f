import type { Core } from '@strapi/strapi';
import { ORGANIZATION as ORG } from '../content-types';
import { documentTables } from '../operations/bulk-tables';

/** SQLite's advice for a long-lived connection: `PRAGMA optimize` now and then (it re-analyses only what changed a lot). */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * What keeps an editor's save fast as the directory grows: a publish reads and writes the record's
 * components and links about thirty times, and each lookup must use an index, not read a table.
 *
 * 1. Indexes Strapi does not make on the link tables of an organization's many-to-many relations
 *    (languages, services, populations, focus areas). Each publish writes new link rows, and Strapi
 *    places the organization last in each target's inverse list with
 *    `select <target>, max(<inverse order>) … where <target> in (…) group by <target>`: without an
 *    index on both columns that reads every link row of every target. These are made here because
 *    link tables are Strapi's; its schema sync leaves alone an index it never declared, and
 *    `if not exists` makes this a no-op after the first boot. (The organization table's own
 *    indexes, on updated_at, slug and external_id, are declared in its schema.json.)
 * 2. SQLite's statistics (`PRAGMA optimize`, bounded by `analysis_limit`): without them its planner
 *    reads a component through the index on the `field` column, which every record shares, instead
 *    of the one on `entity_id`: 11.6 ms instead of 0.07 ms per lookup at 10,000 organizations, on
 *    the event loop, since SQLite answers synchronously. PostgreSQL's autovacuum keeps its own.
 *
 * Returns what stops the periodic re-analysis.
 */
export async function tuneQueryPlans(strapi: Core.Strapi): Promise<() => void> {
  const knex = strapi.db.connection;
  for (const link of documentTables(strapi, ORG).links) {
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
