/**
 * How the HTTP server lets go of connections.
 *
 * - An error on a connection (a client that went away, a request cut by a timeout) is logged as
 *   one line (method, path, code), never a stack trace on the console (Koa's default).
 * - Graceful shutdown on SIGTERM or SIGINT, in place of Strapi's own (which destroys every open
 *   connection at once, cutting requests in flight): stop accepting connections, report not ready,
 *   let the requests in flight finish (their connections close after the response), then close
 *   Strapi and the database once Strapi's own background writes are done (close.ts) and exit 0. Requests still running after SHUTDOWN_TIMEOUT_MS are cut.
 * - A promise rejected in the background because the database went away (Strapi's own listeners
 *   reading an entry after a write, cut mid-query) is logged in one line instead of stopping the
 *   process, as Node does by default; any other unhandled rejection still stops it.
 * - A socket that neither sends nor reads for HTTP_SOCKET_TIMEOUT_MS is closed (a client that
 *   stops reading its response). The header and request timeouts are in config/server.ts.
 */
import type { Core } from '@strapi/strapi';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from 'koa';
import { isDatabaseDown } from '../directory/errors';
import { closeStrapi } from './close';

let shuttingDown = false;

/** True from the shutdown signal on: readiness answers 503 so a load balancer stops routing here. */
export const isShuttingDown = (): boolean => shuttingDown;

export function configureHttpServer(strapi: Core.Strapi): void {
  const { httpServer: server, app } = strapi.server;
  // In place of Koa's default (and the upload plugin's, which calls it): one line, no stack. A
  // client that went away mid-response (EPIPE) is not worth a line.
  app.removeAllListeners('error');
  app.on('error', (error: Error & { code?: string }, ctx?: Context) => {
    if (error.code === 'EPIPE') return;
    strapi.log.warn(`http: ${ctx?.method ?? ''} ${ctx?.path ?? ''}: ${error.code ?? error.message}`);
  });
  const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000);
  server.setTimeout(Number(process.env.HTTP_SOCKET_TIMEOUT_MS ?? 60_000));
  shuttingDown = false;

  const inFlight = new Set<ServerResponse>();
  let drained: (() => void) | null = null;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(res);
    if (shuttingDown) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) drained?.();
    });
  });

  const shutdown = async (signal: string) => {
    if (shuttingDown) return; // signals can arrive twice (terminal and parent process)
    shuttingDown = true;
    strapi.log.info(`${signal}: shutting down, ${inFlight.size} request(s) in flight`);
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(); // no new connections; idle keep-alive ones are closed
    if (inFlight.size > 0) {
      await new Promise<void>((resolve) => {
        drained = resolve;
        setTimeout(resolve, timeoutMs).unref();
      });
    }
    if (inFlight.size > 0) strapi.log.warn(`shutdown: ${inFlight.size} request(s) still running after ${timeoutMs} ms are cut`);
    let code = 0;
    try {
      await closeStrapi(strapi);
    } catch (error: unknown) {
      code = 1;
      console.error(`shutdown: ${(error as Error)?.message ?? String(error)}`);
    }
    process.exit(code);
  };

  process.on('unhandledRejection', (reason: unknown) => {
    if (!isDatabaseDown(reason)) throw reason;
    strapi.log.warn(`background work cut by the database: ${(reason as Error)?.message ?? String(reason)}`);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal); // Strapi's own handler
    process.on(signal, () => void shutdown(signal));
  }
}
