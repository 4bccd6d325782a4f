/**
 * Whether the database answers, as the projection's queries find it: from the first query that
 * finds it unreachable until one reaches it again, the directory serves the catalog it has
 * (readers are answered; writes that could not be re-read are withheld) and says so in /health.
 */
import type { Core } from '@strapi/strapi';
import { isDatabaseDown } from '../directory/errors';

const PING_TIMEOUT_MS = 2000;

export interface Reachability {
  /** A query reached the database. */
  answered(): void;
  /** Records an error; true if it means the database is unreachable. */
  failed(error: unknown): boolean;
  /** False from the moment a query finds the database unreachable until one reaches it again. */
  reachable(): boolean;
  /** Asks the database `select 1` (bounded wait); records the answer; throws if unreachable. */
  ping(): Promise<void>;
}

export function reachability(strapi: Core.Strapi): Reachability {
  /** When the database stopped answering (null: it answers). */
  let unreachableSince: number | null = null;
  const answered = (): void => {
    if (unreachableSince === null) return;
    strapi.log.warn(`directory: the database answers again after ${Math.round((Date.now() - unreachableSince) / 1000)} s`);
    unreachableSince = null;
  };
  const failed = (error: unknown): boolean => {
    if (!isDatabaseDown(error)) return false;
    if (unreachableSince === null) {
      unreachableSince = Date.now();
      strapi.log.error(`directory: the database is unreachable (${(error as Error)?.message ?? String(error)}); serving the last catalog`);
    }
    return true;
  };
  return {
    answered,
    failed,
    reachable: () => unreachableSince === null,
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          strapi.db.connection.raw('select 1'),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('ETIMEDOUT: no answer from the database')), PING_TIMEOUT_MS);
          }),
        ]);
        answered();
      } catch (error: unknown) {
        failed(error);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
