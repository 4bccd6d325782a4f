/**
 * Liveness (the process answers) and readiness (the database answers too, and the instance is not
 * shutting down). Neither says which software, version or database is behind it.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { unavailable } from '../../../directory/errors';
import { projectionOf } from '../../../directory/services';
import { isShuttingDown } from '../../../startup/http-server';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async live(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { status: 'ok' };
  },

  async ready(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    if (isShuttingDown()) throw unavailable('Shutting down');
    try {
      await projectionOf(strapi).pingDatabase();
    } catch {
      throw unavailable('Not ready: the database does not answer');
    }
    ctx.body = { status: 'ready' };
  },
});
