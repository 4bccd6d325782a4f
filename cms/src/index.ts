import type { Core } from '@strapi/strapi';
import { tuneQueryPlans } from './startup/query-plans';
import { ensureLocales } from './startup/locales';
import { ensureAdminRoles, lockDownApiRoles } from './startup/roles';
import { projectionOf } from './directory/services';
import { type Peers, startPeers } from './catalog/peers';
import { startDepartures } from './hsds/departures';
import { registerConsole } from './console';
import { configureHttpServer } from './startup/http-server';
import { bootstrapWorkflow, registerWorkflow } from './workflow';
import { tuneSqliteQueries } from './startup/sqlite-queries';
import { type Checkpoints, startCheckpoints } from './startup/sqlite-checkpoints';
import { stopPretenuring } from './startup/pretenuring';

const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);
let stopDepartures: (() => void) | null = null;
let peers: Peers | null = null;
let stopQueryPlans: (() => void) | null = null;
let checkpoints: Checkpoints | null = null;

export default {
  async register({ strapi }: { strapi: Core.Strapi }) {
    stopPretenuring();
    // Keep the in-memory public catalog in step with every write made through the Document Service.
    strapi.documents.use(async (context, next) => {
      const result = await next();
      if (WRITES.has(context.action)) {
        const projection = projectionOf(strapi);
        if (projection.watches(context.uid)) {
          const params = context.params as { documentId?: string };
          const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
          // Inside a transaction, the write is another connection's to see only once it commits
          // (and on SQLite a re-read would wait for the transaction's one connection, holding every
          // public read meanwhile): the document is marked, and re-read, when it commits. (A
          // nested transaction shares the outer one's callbacks.) Otherwise it is re-read now,
          // before the writer has its answer.
          if (strapi.db.inTransaction())
            await strapi.db.transaction(async ({ onCommit }) => {
              onCommit(() => {
                projection.invalidate(context.uid, documentId);
                void projection.settle();
              });
            });
          else await projection.applyWrite(context.uid, documentId);
          // The other instances (PostgreSQL): told when this write commits (src/catalog/peers.ts).
          await peers?.announce(context.uid, documentId);
        }
      }
      return result;
    });
    registerWorkflow(strapi);
    await registerConsole(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    stopQueryPlans = await tuneQueryPlans(strapi);
    tuneSqliteQueries(strapi);
    checkpoints = await startCheckpoints(strapi);
    await ensureAdminRoles(strapi);
    await bootstrapWorkflow(strapi);
    await lockDownApiRoles(strapi);
    const projection = projectionOf(strapi);
    await projection.reload();
    peers = startPeers(strapi, projection);
    // HSDS consumers learn what left the public directory (src/hsds/departures.ts).
    stopDepartures = startDepartures(strapi, () => projection.catalog(), Number(process.env.DIRECTORY_REFRESH_INTERVAL_MS ?? 2000));
    configureHttpServer(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    projectionOf(strapi)?.close();
    await peers?.stop();
    peers = null;
    stopDepartures?.();
    stopDepartures = null;
    stopQueryPlans?.();
    stopQueryPlans = null;
    await checkpoints?.stop();
    checkpoints = null;
  },
};
