/**
 * Closing Strapi without cutting its own background writes. Strapi makes some writes after the
 * request that caused them has been answered: the Document Service emits its entry events (for
 * webhooks) from a commit callback it does not wait for, after re-reading the entry with everything
 * populated. Destroying the database under such work aborts its queries (a lost event) and rejects
 * a promise nobody holds, which stops the process. So the database is destroyed once its connection
 * pool has been quiet (no connection in use, none asked for) for QUIET_MS, or after `maxMs` at the
 * most.
 */
import type { Core } from '@strapi/strapi';
import { setTimeout as sleep } from 'node:timers/promises';

const QUIET_MS = 100;
const CHECK_EVERY_MS = 10;

/** The part of knex's connection pool (tarn) read here. */
interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
  on(event: 'acquireRequest' | 'release', listener: () => void): void;
  removeListener(event: 'acquireRequest' | 'release', listener: () => void): void;
}

function poolOf(strapi: Core.Strapi): Pool | null {
  // Cast kept: knex does not type its client's pool (a tarn Pool) on the public Client type.
  const pool = (strapi.db?.connection?.client as { pool?: Partial<Pool> } | undefined)?.pool;
  return typeof pool?.numUsed === 'function' && typeof pool.on === 'function' ? (pool as Pool) : null;
}

/** Resolves once no query has run or waited for QUIET_MS, or after `maxMs`. */
export async function databaseQuiet(strapi: Core.Strapi, maxMs: number): Promise<void> {
  const pool = poolOf(strapi);
  if (!pool) return;
  let lastActivity = performance.now();
  const active = () => {
    lastActivity = performance.now();
  };
  pool.on('acquireRequest', active);
  pool.on('release', active);
  try {
    const deadline = performance.now() + maxMs;
    while (performance.now() < deadline) {
      const busy = pool.numUsed() + pool.numPendingAcquires() > 0;
      if (busy) active();
      else if (performance.now() - lastActivity >= QUIET_MS) return;
      await sleep(CHECK_EVERY_MS);
    }
  } finally {
    pool.removeListener('acquireRequest', active);
    pool.removeListener('release', active);
  }
}

/** Strapi's destroy, once the database's background writes are done (5 s at the most). */
export async function closeStrapi(strapi: Core.Strapi, maxMs = 5_000): Promise<void> {
  await databaseQuiet(strapi, maxMs);
  await strapi.destroy();
}
