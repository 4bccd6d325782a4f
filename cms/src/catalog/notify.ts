/**
 * Instances in step at once on PostgreSQL: every write an instance makes through the Document
 * Service is announced with `NOTIFY` inside the writing transaction (so PostgreSQL delivers it
 * only when, and only if, the write commits), and every instance `LISTEN`s on a dedicated
 * connection of its own and re-reads the documents named at once.
 *
 * The channel is an accelerator, not the source of truth: notices sent while a listener is
 * disconnected are lost, so the projection's fingerprint poll stays on as the fallback. The
 * listener reconnects with a growing delay and, once it listens again, asks for one catch-up poll
 * (what was written during the gap). SQLite has no such channel and keeps the poll alone.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Client, type ClientConfig, type Notification } from 'pg';
import { isRecord } from '../workflow/values';

export const CHANNEL = 'referral_directory_changes';
/** Every instance's listener connection names itself `<prefix><instance id>` (pg_stat_activity). */
export const LISTENER_APPLICATION_PREFIX = 'rd-listen:';
/** PostgreSQL refuses a payload of 8000 bytes or more; document ids are 24 characters. */
const IDS_PER_NOTICE = 200;
const MAX_RETRY_MS = 30_000;

/** What one notice says: who wrote, which content type, which documents (none: all of them). */
export interface ChangeNotice {
  origin: string;
  uid: string;
  documentIds: string[];
}

/** This instance's name: in its notices (which instance wrote) and its listener's application_name. */
export function instanceId(env: NodeJS.ProcessEnv = process.env): string {
  return env.DIRECTORY_INSTANCE_ID || `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** The payloads announcing a write (several when many documents change at once). */
export function noticePayloads(origin: string, uid: string, documentIds: string[]): string[] {
  if (documentIds.length === 0) return [JSON.stringify({ origin, uid, documentIds: [] })];
  const payloads: string[] = [];
  for (let i = 0; i < documentIds.length; i += IDS_PER_NOTICE) {
    payloads.push(JSON.stringify({ origin, uid, documentIds: documentIds.slice(i, i + IDS_PER_NOTICE) }));
  }
  return payloads;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** A notice from its payload, or null for anything that is not one of ours. */
export function parseNotice(payload: string | undefined): ChangeNotice | null {
  if (!payload) return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { origin, uid, documentIds } = value;
  if (typeof origin !== 'string' || typeof uid !== 'string' || !isStringArray(documentIds)) return null;
  return { origin, uid, documentIds };
}

export interface ListenerOptions {
  /** How to reach the database (the app's own connection settings). */
  connection: ClientConfig;
  origin: string;
  /** A notice from another instance. */
  onNotice(notice: ChangeNotice): void;
  /** The listener listens (again): notices sent meanwhile were lost, catch up. */
  onListening(): void;
  /** The listener lost its connection: rely on the poll until it is back. */
  onDropped(reason: string): void;
  /** First wait before reconnecting; doubles at each failure up to 30 s. */
  retryMs?: number;
}

export interface Listener {
  listening(): boolean;
  stop(): Promise<void>;
}

/** Listens on CHANNEL over a connection of its own, reconnecting with backoff until stopped. */
export function startListener(options: ListenerOptions): Listener {
  const firstRetry = Math.max(10, options.retryMs ?? 250);
  let retry = firstRetry;
  let client: Client | null = null;
  let isListening = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const dropped = (reason: string) => {
    const wasListening = isListening;
    isListening = false;
    const old = client;
    client = null;
    old?.removeAllListeners('notification');
    old?.end().catch(() => undefined);
    if (stopped) return;
    if (wasListening) options.onDropped(reason);
    if (!timer) {
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, retry);
      timer.unref();
      retry = Math.min(retry * 2, MAX_RETRY_MS);
    }
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new Client({
      ...options.connection,
      application_name: `${LISTENER_APPLICATION_PREFIX}${options.origin}`.slice(0, 63),
      keepAlive: true,
    });
    client = c;
    // Errors and the end of the connection (a restart, pg_terminate_backend, a network cut).
    c.on('error', (e: Error) => {
      if (client === c) dropped(e.message);
    });
    c.on('end', () => {
      if (client === c) dropped('connection ended');
    });
    c.on('notification', (n: Notification) => {
      if (n.channel !== CHANNEL) return;
      const notice = parseNotice(n.payload);
      // This instance's own notices too (one arrives when its write commits): the caller tells them apart.
      if (notice) options.onNotice(notice);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (e: unknown) {
      if (client === c) dropped(e instanceof Error ? e.message : String(e));
      return;
    }
    if (client !== c || stopped) return;
    isListening = true;
    retry = firstRetry;
    options.onListening();
  }

  void connect();
  return {
    listening: () => isListening,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      const c = client;
      client = null;
      isListening = false;
      await c?.end().catch(() => undefined);
    },
  };
}
