/**
 * Child process of `npm run bench` and `npm run soak`: boots the compiled Strapi app on the
 * database named by DATABASE_FILENAME (a throwaway copy), creates a read-only API token for the
 * stock REST route, hands it to the parent over IPC, then listens on HOST:PORT until killed.
 * With BENCH_ADMIN_EMAIL and BENCH_ADMIN_PASSWORD set, it also creates that super-admin (for a
 * benchmark that publishes through the admin API); with BENCH_ADMIN_PANEL=true, it serves the built
 * admin panel too (cms/dist/build: `npm run build -w cms`), for a person to use.
 * Asked `{ type: 'heap', id }`, it runs a full garbage collection (node --expose-gc) and answers
 * `{ type: 'heap-<id>', heapUsed }`: the memory still in use, which is what a leak grows.
 * Asked `{ type: 'settled', id }`, it answers `{ type: 'settled-<id>' }` once the work a boot leaves
 * running is done: the HSDS departures registry brought in step with the catalog (on a database
 * never served before, every public HSDS id registered; otherwise every id compared), which a
 * benchmark of steady reads waits for; and the catalogs' snapshot written, when the boot made one.
 * Asked `{ type: 'loop', id }`, it answers `{ type: 'loop-<id>', p99Ms, maxMs, gcMaxMs, gcMs }`: how
 * late its event loop ran since the last such question (node:perf_hooks monitorEventLoopDelay),
 * i.e. how long the server itself held every request back, apart from the network and the load
 * generator; and its longest garbage-collection pause and their total over the same time.
 *
 * Run by lib/bench-strapi.ts (startStrapi) as `node --import tsx bench/lib/bench-server.ts`;
 * not meant to be run by hand.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { bootStrapi, CMS_DIR } from '../../scripts/lib/boot';
import { ensureDemoAdmin } from '../../scripts/lib/admin';
import { closeStrapi } from '../../src/startup/close';
import { projectionOf } from '../../src/directory/services';

/** The app's own departures module: the compiled one Strapi loaded (its registry state), not a second copy from src/. */
const appDepartures = (): Promise<typeof import('../../src/hsds/departures')> =>
  import(pathToFileURL(path.join(CMS_DIR, 'dist', 'src', 'hsds', 'departures.js')).href);

type Message =
  | { type: 'token'; accessKey: string }
  | { type: 'listening' }
  | { type: 'error'; message: string }
  | { type: `heap-${number}`; heapUsed: number }
  | { type: `settled-${number}` }
  | { type: `loop-${number}`; p99Ms: number; maxMs: number; gcMaxMs: number; gcMs: number };

const send = (m: Message) => new Promise<void>((resolve) => (process.send ? process.send(m, () => resolve()) : resolve()));

async function main(): Promise<void> {
  const strapi = await bootStrapi({ admin: process.env.BENCH_ADMIN_PANEL === 'true' });
  const tokens = strapi.service('admin::api-token') as unknown as {
    create(attrs: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  const token = await tokens.create({
    name: `bench-${process.pid}-${Date.now()}`,
    type: 'read-only',
    permissions: [],
    lifespan: null,
    description: 'Created by a load test (npm run bench / soak) on a throwaway database',
  });
  const { BENCH_ADMIN_EMAIL: email, BENCH_ADMIN_PASSWORD: password } = process.env;
  if (email && password) await ensureDemoAdmin(strapi, email, password);
  await send({ type: 'token', accessKey: token.accessKey });
  await strapi.start();
  await send({ type: 'listening' });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const gc = { maxMs: 0, ms: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.maxMs = Math.max(gc.maxMs, e.duration);
      gc.ms += e.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('message', (m: { type?: string; id?: number }) => {
    if (typeof m?.id !== 'number') return;
    if (m.type === 'heap') {
      (globalThis as { gc?: () => void }).gc?.();
      void send({ type: `heap-${m.id}`, heapUsed: process.memoryUsage().heapUsed });
    } else if (m.type === 'settled') {
      const id = m.id;
      void Promise.all([projectionOf(strapi).catalog(), appDepartures()])
        .then(([catalog, { syncDepartures }]) => syncDepartures(strapi, catalog))
        .then(() => projectionOf(strapi).snapshotWritten())
        .then(() => send({ type: `settled-${id}` }));
    } else if (m.type === 'loop') {
      void send({ type: `loop-${m.id}`, p99Ms: loop.percentile(99) / 1e6, maxMs: loop.max / 1e6, gcMaxMs: gc.maxMs, gcMs: gc.ms });
      loop.reset();
      gc.maxMs = 0;
      gc.ms = 0;
    }
  });

  const stop = () => {
    closeStrapi(strapi).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The parent went away (crash, kill -9): do not linger.
  process.on('disconnect', stop);
}

main().catch(async (error: unknown) => {
  await send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
