import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  i18n: { enabled: true },
});
