/**
 * No stock REST route: the public reads the directory through /api/directory (the allowlist
 * mapper) and staff through /api/internal (a custom token). Stock REST would hand every field and
 * every draft to any read-only API token.
 *
 * The one exception is the benchmark (`npm run bench -w cms`), which measures our endpoint against
 * stock REST on a throwaway copy of the database: it sets BENCH_STOCK_REST=true for the server it
 * boots. Never set it anywhere else.
 */
import { factories } from '@strapi/strapi';
import { ORGANIZATION } from '../../../content-types';

export default factories.createCoreRouter(ORGANIZATION, {
  only: process.env.BENCH_STOCK_REST === 'true' ? ['find'] : [],
});
