/**
 * One log line per request: method, path, status, duration. Never the query string (it can hold
 * what a person in danger searched for), never a header, never a body. In production the logger
 * writes JSON lines (config/logger.ts). Below the `http` level nothing is built: winston would run
 * its whole format chain (timestamp, JSON) for a line no transport writes.
 */
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: Next) => {
    if (!strapi.log.isLevelEnabled('http')) return next();
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      strapi.log.http(`${ctx.method} ${ctx.path} ${ctx.status} ${ms.toFixed(1)}ms`, {
        method: ctx.method,
        path: ctx.path,
        status: ctx.status,
        durationMs: Math.round(ms * 10) / 10,
      });
    }
  };
