/**
 * Keeps this instance's catalog in step with the other instances on the same database: on
 * PostgreSQL, announces each write on the notification channel (notify.ts) and applies the
 * others' notices at once; everywhere, runs the projection's fingerprint poll, quickly while no
 * channel listens (SQLite, or the channel is down) and at the slower safety interval while one does.
 *
 * Environment:
 * - DIRECTORY_REFRESH_INTERVAL_MS (2000): the poll while no channel listens.
 * - DIRECTORY_LISTEN_POLL_INTERVAL_MS (same as above): the poll while the channel listens
 *   (a safety net; 30000 is plenty behind a load balancer, see docs/operations.md).
 * - DIRECTORY_LISTEN_RETRY_MS (250): first wait before the listener reconnects (doubles to 30 s).
 * - DIRECTORY_INSTANCE_ID (host:pid:random): this instance's name in notices and pg_stat_activity.
 */
import type { Core } from '@strapi/strapi';
import type { ClientConfig } from 'pg';
import type { Projection } from './projection';
import { randomBytes } from 'node:crypto';
import { CHANNEL, type Listener, instanceId, noticePayloads, startListener } from './notify';
import { isRecord } from '../workflow/values';

export interface Peers {
  /** Tells the other instances that `uid`'s document changed (all documents when none is named). */
  announce(uid: string, documentId: string | undefined): Promise<void>;
  /** True while the notification channel listens (always false on SQLite). */
  listening(): boolean;
  stop(): Promise<void>;
}

const milliseconds = (value: string | undefined, fallback: number) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : fallback;
};

/** The app's own PostgreSQL settings, for the listener's connection (null: not PostgreSQL). */
function postgresConnection(strapi: Core.Strapi): ClientConfig | null {
  const settings: unknown = strapi.config.get('database.connection');
  if (!isRecord(settings) || settings.client !== 'postgres' || !isRecord(settings.connection)) return null;
  const { connectionString, ssl } = settings.connection;
  if (typeof connectionString !== 'string') return null;
  return { connectionString, ...(isRecord(ssl) || typeof ssl === 'boolean' ? { ssl } : {}) };
}

export function startPeers(strapi: Core.Strapi, projection: Projection, env: NodeJS.ProcessEnv = process.env): Peers {
  const alone = milliseconds(env.DIRECTORY_REFRESH_INTERVAL_MS, 2000);
  const together = milliseconds(env.DIRECTORY_LISTEN_POLL_INTERVAL_MS, alone);
  const pollEvery = (ms: number) => {
    projection.stop();
    projection.start(ms);
  };
  pollEvery(alone);

  const connection = postgresConnection(strapi);
  if (!connection) return { announce: async () => undefined, listening: () => false, stop: async () => undefined };

  const origin = instanceId(env);
  // What this process's notices are signed with: a script run with the same DIRECTORY_INSTANCE_ID is another writer.
  const writer = `${origin}#${randomBytes(4).toString('hex')}`;
  const listener: Listener = startListener({
    connection,
    origin,
    retryMs: milliseconds(env.DIRECTORY_LISTEN_RETRY_MS, 250),
    // Its own notices are left alone: the write's commit has had its documents re-read already
    // (src/index.ts), and a second re-read of each cost the writer's thread as much again.
    onNotice: (notice) => {
      if (notice.origin !== writer) projection.changedElsewhere(notice.uid, notice.documentIds);
    },
    onListening: () => {
      strapi.log.info(`directory: listening for other instances' writes (${origin})`);
      pollEvery(together);
      projection.catchUp().catch((e: unknown) => strapi.log.warn(`directory: catch-up failed: ${String(e)}`));
    },
    onDropped: (reason) => {
      strapi.log.warn(`directory: notification channel lost (${reason}); polling every ${alone} ms until it is back`);
      pollEvery(alone);
    },
  });

  return {
    async announce(uid, documentId) {
      // Inside the writer's transaction when there is one: PostgreSQL delivers the notice at
      // commit, never for a write rolled back, and never before the rows can be read.
      try {
        await strapi.db.transaction(async ({ trx }) => {
          for (const payload of noticePayloads(writer, uid, documentId ? [documentId] : [])) {
            await trx.raw('select pg_notify(?, ?)', [CHANNEL, payload]);
          }
        });
      } catch (e: unknown) {
        // The write itself stands; the others catch up with their poll.
        strapi.log.warn(`directory: could not announce a write of ${uid} (${e instanceof Error ? e.message : String(e)})`);
      }
    },
    listening: () => listener.listening(),
    stop: () => listener.stop(),
  };
}
