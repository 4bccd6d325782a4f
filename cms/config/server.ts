import type { Core } from '@strapi/strapi';

import { assertProductionSecrets } from '../src/startup/check-secrets';
import cronTasks from './cron-tasks';

type Env = Core.Config.Shared.ConfigParams['env'];

assertProductionSecrets();

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Limits against slow or stalled clients (src/startup/shutdown.ts sets the idle socket timeout).
  http: {
    serverOptions: {
      headersTimeout: env.int('HTTP_HEADERS_TIMEOUT_MS', 10_000),
      requestTimeout: env.int('HTTP_REQUEST_TIMEOUT_MS', 30_000),
      keepAliveTimeout: env.int('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000),
      // How often Node checks the two timeouts above (its default, 30 s, would let them overrun).
      connectionsCheckingInterval: Math.min(1_000, env.int('HTTP_HEADERS_TIMEOUT_MS', 10_000)),
    },
  },
  // Behind a load balancer / CDN set PROXY=true so Koa trusts X-Forwarded-* (rate limits, logs).
  proxy: env.bool('PROXY', false),
  // Scheduled jobs run only where CRON_ENABLED=true: one instance owns them.
  cron: { enabled: env.bool('CRON_ENABLED', false), tasks: cronTasks },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', process.env.NODE_ENV !== 'test') } },
});
