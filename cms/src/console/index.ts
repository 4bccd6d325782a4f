/** The referral console's server side: its admin permissions and its admin-authenticated routes. */
import type { Core } from '@strapi/strapi';
import { registerConsoleActions } from './permissions';
import { registerConsoleRoutes } from './routes';

export async function registerConsole(strapi: Core.Strapi): Promise<void> {
  await registerConsoleActions(strapi);
  registerConsoleRoutes(strapi);
}
