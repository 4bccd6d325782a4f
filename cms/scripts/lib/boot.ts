/** Boots the compiled Strapi app in this process (for scripts and integration tests). */
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';

export const CMS_DIR = path.resolve(__dirname, '..', '..');

/** `admin`: also serve the built admin panel (`dist/build`), for browser tests of the editors' work. */
export async function bootStrapi({ listen = false, admin = false }: { listen?: boolean; admin?: boolean } = {}): Promise<Core.Strapi> {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  const app = createStrapi({
    appDir: CMS_DIR,
    distDir: path.join(CMS_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: admin,
  });
  if (listen) await app.start();
  else await app.load();
  return app;
}
