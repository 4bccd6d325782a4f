/**
 * Liveness (the process answers) and readiness (the database answers too). Neither says which
 * software, version or database is behind it.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { DirectoryHttpError } from '../../../directory/errors';

const READY_TIMEOUT_MS = 2000;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async live(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  },

  async ready(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        strapi.db.connection.raw('select 1'),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS); }),
      ]);
      ctx.body = { status: 'ready' };
    } catch {
      throw new DirectoryHttpError(503, 'ServiceUnavailableError', 'Not ready', [], { 'Retry-After': '5' });
    } finally {
      clearTimeout(timer);
    }
  },
});
