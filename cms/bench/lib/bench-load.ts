/**
 * One load run with autocannon (programmatic), summarized: mean req/s, exact p50/p99/max of the
 * per-response durations autocannon measures (its own histogram rounds to whole milliseconds,
 * too coarse for sub-millisecond loopback answers), non-2xx responses and errors. A run repeats
 * one URL, or asks for a different request each time and can be told each one's status.
 */
import fs from 'node:fs';
// @ts-expect-error -- autocannon ships no type declarations; the shape used is declared below.
import autocannonModule from 'autocannon';

interface AutocannonResult {
  requests: { mean: number; total: number };
  latency: { p50: number; p99: number };
  throughput: { mean: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, ms: number) => void): void;
  on(event: 'reqError', listener: (error: Error & { code?: string }) => void): void;
  stop(): void;
}
interface AutocannonRequest {
  path: string;
  headers?: Record<string, string>;
}
/** autocannon's per-connection state, handed to setupRequest and then to onResponse for the same request. */
interface RequestContext {
  n?: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  timeout?: number;
  requests?: Array<{
    setupRequest(req: AutocannonRequest, context: RequestContext): AutocannonRequest;
    onResponse?(status: number, body: string, context: RequestContext): void;
  }>;
}) => AutocannonInstance;

const autocannon = autocannonModule as unknown as Autocannon;

/** One request of a varied run: path + query, and headers on top of the run's. */
export interface PlannedRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationS: number;
  headers?: Record<string, string>;
  /** A different request each time (request number → path + query, or a PlannedRequest), instead of the URL's. */
  pathFor?: (n: number) => string | PlannedRequest;
  /** Told the status of every response, with the number its request had in `pathFor`. */
  onStatus?: (n: number, status: number) => void;
  /** Seconds without an answer before a request counts as a timeout (default 60). */
  timeoutS?: number;
}

export interface LoadResult {
  reqPerSec: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  bytesPerSec: number;
  /** Errors by code or message, e.g. { ECONNRESET: 3 }. */
  errorKinds: Record<string, number>;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Stops a run that outlives its duration by far (a wedged server): the script must end by itself. */
const GRACE_MS = 30_000;

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let n = 0;
  const { pathFor, onStatus } = o;
  // With one request in the list, autocannon calls setupRequest before each request and onResponse
  // after it, on the same connection with the same context: the context carries the number across.
  const requests = pathFor && [
    {
      setupRequest(req: AutocannonRequest, context: RequestContext): AutocannonRequest {
        context.n = n;
        const planned = pathFor(n++);
        return typeof planned === 'string'
          ? { ...req, path: planned }
          : { ...req, path: planned.path, headers: { ...req.headers, ...planned.headers } };
      },
      ...(onStatus && {
        onResponse(status: number, _body: string, context: RequestContext) {
          if (context.n !== undefined) onStatus(context.n, status);
        },
      }),
    },
  ];
  const instance = autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.durationS,
    headers: o.headers,
    // The stock REST route can take seconds per answer under 32 connections; count those, do not drop them.
    timeout: o.timeoutS ?? 60,
    ...(requests && { requests }),
  });
  const errorKinds: Record<string, number> = {};
  instance.on('response', (_c, _status, _bytes, ms) => {
    latencies.push(ms);
  });
  instance.on('reqError', (e) => {
    const key = e.code ?? e.message ?? String(e);
    errorKinds[key] = (errorKinds[key] ?? 0) + 1;
  });
  const guard = setTimeout(() => instance.stop(), o.durationS * 1000 + GRACE_MS);
  try {
    const r = await instance;
    const sorted = Float64Array.from(latencies).sort();
    return {
      reqPerSec: r.requests.mean,
      total: r.requests.total,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.length ? sorted[sorted.length - 1]! : NaN,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      bytesPerSec: r.throughput.mean,
      errorKinds,
    };
  } finally {
    clearTimeout(guard);
  }
}

/**
 * Share of all CPUs busy over `ms` while the benchmark itself is idle (Linux /proc/stat), i.e. the
 * work of other processes that will compete with the measured servers. null where unavailable.
 */
export async function busyCpuShare(ms: number): Promise<number | null> {
  const read = () => {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { idle, total: f.reduce((a, b) => a + b, 0) };
  };
  try {
    const a = read();
    await new Promise((r) => setTimeout(r, ms));
    const b = read();
    return b.total > a.total ? 1 - (b.idle - a.idle) / (b.total - a.total) : null;
  } catch {
    return null;
  }
}
