/**
 * The benchmark's plain requests, outside the load: what (a), (b) and (c) answer, and the pages
 * of slugs that show they answer the same question. The bodies are checked, not assumed.
 */
import { isRecord } from '../../src/workflow/values';
import { type BenchQuery, directoryListPath, stockPath } from './bench-queries';

export interface Fetched {
  status: number;
  bytes: Buffer;
  contentType: string;
  body: unknown;
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  let r: Response | undefined;
  for (let attempt = 1; !r; attempt++) {
    try {
      r = await fetch(url, { headers, signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      // A kept-alive connection the server has just closed fails once; a second try opens a new one.
      if (attempt < 3 && (e as Error).name !== 'TimeoutError') continue;
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`GET ${url.slice(0, 120)}…: ${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`);
    }
  }
  const bytes = Buffer.from(await r.arrayBuffer());
  let body: unknown = null;
  try {
    body = JSON.parse(bytes.toString('utf8'));
  } catch {
    /* not JSON */
  }
  return { status: r.status, bytes, contentType: r.headers.get('content-type') ?? '', body };
}

/** One page of a list: its total, its page count and the slugs on it. */
export interface Page {
  total: number;
  pageCount: number;
  slugs: string[];
}

const fail = (what: string, f: Fetched): never => {
  throw new Error(`${what}: HTTP ${f.status} ${f.bytes.toString('utf8').slice(0, 300)}`);
};

const slugsOf = (data: unknown): string[] | null =>
  Array.isArray(data) && data.every((d) => isRecord(d) && typeof d.slug === 'string') ? data.map((d: { slug: string }) => d.slug) : null;

const pageOf = (meta: unknown, data: unknown): Page | null => {
  const slugs = slugsOf(data);
  if (!isRecord(meta) || typeof meta.total !== 'number' || !slugs) return null;
  return { total: meta.total, pageCount: typeof meta.pageCount === 'number' ? meta.pageCount : 1, slugs };
};

/** A page of the directory's list (`data: [...]`, `meta.total`); the facets answer with no slugs. */
export function directoryPage(f: Fetched, what: string): Page {
  const page = f.status === 200 && isRecord(f.body) ? pageOf(f.body.meta, Array.isArray(f.body.data) ? f.body.data : []) : null;
  return page ?? fail(what, f);
}

/** A page of Strapi's stock REST list (`meta.pagination`). */
export function stockPage(f: Fetched, what: string): Page {
  const page = f.status === 200 && isRecord(f.body) && isRecord(f.body.meta) ? pageOf(f.body.meta.pagination, f.body.data) : null;
  return page ?? fail(what, f);
}

/** Every slug a list returns for the query, all pages (100 at a time, at most 200 pages). */
async function allSlugs(read: (page: number) => Promise<Page>): Promise<{ total: number; slugs: string[] }> {
  const slugs: string[] = [];
  let total = 0;
  for (let page = 1; page <= 200; page++) {
    const p = await read(page);
    total = p.total;
    slugs.push(...p.slugs);
    if (page >= p.pageCount) break;
  }
  return { total, slugs };
}

export const directorySlugs = (base: string, q: BenchQuery) =>
  allSlugs(async (page) => directoryPage(await get(base + directoryListPath(q, page, 100)), `directory list page ${page}`));

export const stockSlugs = (base: string, q: BenchQuery, token: string) =>
  allSlugs(async (page) =>
    stockPage(await get(base + stockPath(q, page, 100), { Authorization: `Bearer ${token}` }), `stock REST page ${page}`),
  );
