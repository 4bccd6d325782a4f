import type { Core } from '@strapi/strapi';

import { assertProductionSecrets } from '../src/startup/check-secrets';
import cronTasks from './cron-tasks';

type Env = Core.Config.Shared.ConfigParams['env'];

assertProductionSecrets();

export default ({ env }: { env: Env }) => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  app: { keys: env.array('APP_KEYS') },
  // Behind a load balancer / CDN set PROXY=true so Koa trusts X-Forwarded-* (rate limits, logs).
  proxy: env.bool('PROXY', false),
  // Scheduled jobs run only where CRON_ENABLED=true: one instance owns them.
  cron: { enabled: env.bool('CRON_ENABLED', false), tasks: cronTasks },
  logger: { updates: { enabled: false }, startup: { enabled: env.bool('STRAPI_STARTUP_BANNER', process.env.NODE_ENV !== 'test') } },
});
