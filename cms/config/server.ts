import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a load balancer / CDN set PROXY=true so Koa trusts X-Forwarded-* (rate limits, logs).
  proxy: env.bool('PROXY', false),
});
