/**
 * Boots the compiled app and listens, as `strapi start` does (without the admin panel), in a
 * process of its own: for tests of what a process does (signals, exit codes). Configured by the
 * environment, like the app.
 */
import { bootStrapi } from '../scripts/lib/boot';

bootStrapi({ listen: true }).catch((error: unknown) => {
  console.error(`serve: ${(error as Error)?.message ?? String(error)}`);
  process.exit(1);
});
