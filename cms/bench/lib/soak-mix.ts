/**
 * The soak's request mix (npm run soak): list / search / facets / detail requests in both
 * locales, conditional requests and deliberate bad input, each with the status a correct server
 * answers, built from what the running server lists (slugs, words, filter values, ETags).
 */
import type { FacetValue, PageMeta, PublicOrganization } from '@referral-directory/sdk';
import type { PlannedRequest } from './bench-load';
import { prng } from '../../scripts/lib/generate';
import { isRecord } from '../../src/workflow/values';

// ---------------------------------------------------------------------------------------------
// Setup requests (plain fetch, before the load).

interface Fetched {
  status: number;
  etag: string | null;
  body: unknown;
}

async function get(url: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const r = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  const text = await r.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, etag: r.headers.get('etag'), body };
}

type ListedOrganization = Pick<PublicOrganization, 'slug' | 'name' | 'description'>;
interface ListPage {
  data: ListedOrganization[];
  meta: Pick<PageMeta, 'total' | 'pageCount'>;
}

function isListPage(x: unknown): x is ListPage {
  return (
    isRecord(x) &&
    Array.isArray(x.data) &&
    isRecord(x.meta) &&
    typeof x.meta.total === 'number' &&
    typeof x.meta.pageCount === 'number' &&
    x.data.every((d) => isRecord(d) && typeof d.slug === 'string' && typeof d.name === 'string' && typeof d.description === 'string')
  );
}

/** Filter name → the values that match at least one organization. */
function usableFilterValues(x: unknown): Map<string, string[]> {
  const values = new Map<string, string[]>();
  if (!isRecord(x) || !isRecord(x.data)) return values;
  for (const [name, list] of Object.entries(x.data)) {
    if (!Array.isArray(list)) continue;
    const usable = list.filter(
      (f): f is Pick<FacetValue, 'value' | 'count'> =>
        isRecord(f) && typeof f.value === 'string' && typeof f.count === 'number' && f.count > 0,
    );
    if (usable.length)
      values.set(
        name,
        usable.map((f) => f.value),
      );
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// The request mix.

export type Kind = 'list' | 'search' | 'facets' | 'detail' | 'conditional' | 'bad';
export const KIND_LABEL: Record<Kind, string> = {
  list: 'list',
  search: 'search',
  facets: 'facets',
  detail: 'detail',
  conditional: 'conditional',
  bad: 'bad input',
};
/** Share of each kind in the mix (percent). */
export const SHARES: Record<Kind, number> = { list: 24, search: 26, facets: 15, detail: 20, conditional: 8, bad: 7 };

export interface MixRequest extends PlannedRequest {
  kind: Kind;
  /** The status a correct server answers; 304 requests may also get 200 if the catalog changed since their ETag. */
  expect: 200 | 304 | 400 | 404;
}

/** Typed searches: English and French, accented or not (the directory folds accents), prefixes, misses. */
export const FIXED_TERMS = [
  'shelter',
  'legal',
  'counselling',
  'survivors',
  'trafficking',
  'youth',
  'housing',
  'newcomer',
  'emergency shelter',
  'hébergement',
  'hebergement',
  'santé',
  'juridique',
  'femmes',
  'traite',
  'aide juridique',
  'soutien aux victimes',
  'Montréal',
  'montreal',
  'Québec',
  'Trois-Rivières',
  'coun',
  'traf',
  'héber',
  'jeun',
  'xylophone',
  'zzqxv',
  'nonexistentterm',
  'ñandú',
  'qwertyuiop asdf',
];

export interface MixInput {
  slugs: string[];
  /** Words from names and descriptions in both locales: searches that match something. */
  words: string[];
  filterValues: Map<string, string[]>;
  /** Paths with the ETag the server gave them, for If-None-Match. */
  etags: Array<{ path: string; etag: string }>;
}

const orgs = (p: URLSearchParams) => `/api/directory/organizations?${p}`;
const detail = (slug: string, p = new URLSearchParams()) =>
  `/api/directory/organizations/${encodeURIComponent(slug)}${p.size ? `?${p}` : ''}`;

/** Deliberate bad input: each answered 400 (a bad parameter) or 404 (no such organization). */
function badRequests(
  slugs: string[],
  rand: () => number,
  pick: <T>(xs: readonly T[]) => T,
): Array<() => Pick<MixRequest, 'path' | 'expect'>> {
  return [
    () => ({ path: orgs(new URLSearchParams({ page: '-1' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ page: '0', locale: 'fr' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ pageSize: '101' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ pageSize: 'abc' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ sort: 'price' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ province: 'ZZ' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ locale: 'de' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ colour: 'blue' })), expect: 400 }),
    () => ({ path: orgs(new URLSearchParams({ q: 'a'.repeat(201) })), expect: 400 }),
    () => ({
      path: orgs(
        new URLSearchParams([
          ['locale', 'en'],
          ['locale', 'fr'],
        ]),
      ),
      expect: 400,
    }),
    () => ({ path: `/api/directory/facets?${new URLSearchParams({ page: '2' })}`, expect: 400 }),
    () => ({ path: detail(pick(slugs), new URLSearchParams({ page: '1' })), expect: 400 }),
    () => ({ path: detail(pick(slugs), new URLSearchParams({ locale: 'xx' })), expect: 400 }),
    () => ({ path: detail(`no-such-organization-${Math.floor(rand() * 1e6)}`), expect: 404 }),
    () => ({ path: detail(`aucun-organisme-${Math.floor(rand() * 1e6)}`, new URLSearchParams({ locale: 'fr' })), expect: 404 }),
  ];
}

export function buildMix(input: MixInput, size: number): MixRequest[] {
  const rand = prng(9); // seeded: two soaks send the same mix
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const chance = (p: number) => rand() < p;
  const filterNames = [...input.filterValues.keys()];
  const terms = [...FIXED_TERMS, ...input.words, ...input.words.slice(0, 20).map((w) => w.slice(0, 4))];

  const locale = (p: URLSearchParams) => {
    if (!chance(0.1)) p.set('locale', chance(0.5) ? 'en' : 'fr');
  };
  const filters = (p: URLSearchParams, counts: readonly number[]) => {
    const names = [...filterNames];
    for (let k = pick(counts); k > 0 && names.length; k--) {
      const name = names.splice(Math.floor(rand() * names.length), 1)[0]!;
      const values = input.filterValues.get(name)!;
      p.append(name, pick(values));
      if (chance(0.25)) p.append(name, pick(values));
    }
  };
  const page = (p: URLSearchParams) => {
    const r = rand();
    if (r > 0.9) p.set('page', String(6 + Math.floor(rand() * 195)));
    else if (r > 0.7) p.set('page', String(2 + Math.floor(rand() * 4)));
  };
  const bad = badRequests(input.slugs, rand, pick);

  const make: Record<Kind, () => MixRequest> = {
    list: () => {
      const p = new URLSearchParams();
      filters(p, [0, 0, 1, 1, 1, 2, 3]);
      if (chance(0.7)) p.set('sort', pick(['name', '-name', '-lastVerified']));
      page(p);
      if (chance(0.5)) p.set('pageSize', String(pick([10, 20, 50, 100])));
      locale(p);
      return { kind: 'list', path: orgs(p), expect: 200 };
    },
    search: () => {
      const p = new URLSearchParams({ q: pick(terms) });
      filters(p, [0, 0, 0, 1]);
      if (chance(0.2)) p.set('sort', 'name');
      if (chance(0.15)) p.set('page', '2');
      locale(p);
      return { kind: 'search', path: orgs(p), expect: 200 };
    },
    facets: () => {
      const p = new URLSearchParams();
      filters(p, [0, 1, 1, 2]);
      if (chance(0.4)) p.set('q', pick(terms));
      locale(p);
      return { kind: 'facets', path: `/api/directory/facets?${p}`, expect: 200 };
    },
    detail: () => {
      const p = new URLSearchParams();
      locale(p);
      return { kind: 'detail', path: detail(pick(input.slugs), p), expect: 200 };
    },
    conditional: () => {
      const e = pick(input.etags);
      return { kind: 'conditional', path: e.path, headers: { 'If-None-Match': e.etag }, expect: 304 };
    },
    bad: () => ({ kind: 'bad', ...pick(bad)() }),
  };
  const kinds = (Object.keys(SHARES) as Kind[]).filter((k) => k !== 'conditional' || input.etags.length > 0);
  const total = kinds.reduce((n, k) => n + SHARES[k], 0);
  const mix: MixRequest[] = [];
  while (mix.length < size) {
    let r = rand() * total;
    const kind = kinds.find((k) => (r -= SHARES[k]) < 0) ?? 'list';
    mix.push(make[kind]());
  }
  return mix;
}

/** Slugs (every page, at most 2,000), words to search for, filter values and ETags, from the running server. */
export async function mixInput(base: string): Promise<MixInput & { total: number }> {
  const slugs: string[] = [];
  const words = new Set<string>();
  const addWords = (orgs: ListedOrganization[]) => {
    for (const o of orgs) for (const w of `${o.name} ${o.description}`.split(/[^\p{L}'-]+/u)) if (w.length >= 5) words.add(w.toLowerCase());
  };
  let total = 0;
  for (let page = 1; page <= 20; page++) {
    const r = await get(
      `${base}/api/directory/organizations?${new URLSearchParams({ page: String(page), pageSize: '100', sort: 'name', locale: 'en' })}`,
    );
    if (r.status !== 200 || !isListPage(r.body)) throw new Error(`list page ${page}: HTTP ${r.status}`);
    total = r.body.meta.total;
    slugs.push(...r.body.data.map((d) => d.slug));
    if (page <= 2) addWords(r.body.data);
    if (page >= r.body.meta.pageCount) break;
  }
  if (slugs.length === 0) throw new Error('the directory lists no organization: nothing to soak');
  for (const page of [1, 2]) {
    const r = await get(
      `${base}/api/directory/organizations?${new URLSearchParams({ page: String(page), pageSize: '100', locale: 'fr' })}`,
    );
    if (r.status === 200 && isListPage(r.body)) addWords(r.body.data);
  }
  const facets = await get(`${base}/api/directory/facets?locale=en`);
  if (facets.status !== 200) throw new Error(`facets: HTTP ${facets.status}`);
  const filterValues = usableFilterValues(facets.body);
  // 60 words spread over the alphabet, not the 60 of the first names.
  const sorted = [...words].sort();
  const step = Math.max(1, sorted.length / 60);
  const chosen = Array.from({ length: Math.min(60, sorted.length) }, (_, i) => sorted[Math.floor(i * step)]!);

  // ETags for the conditional requests, from requests of the kinds the mix makes.
  const sample = buildMix({ slugs, words: chosen, filterValues, etags: [] }, 400)
    .filter((m) => m.kind !== 'bad')
    .slice(0, 100);
  const etags: MixInput['etags'] = [];
  for (const m of sample) {
    const r = await get(base + m.path);
    if (r.status === 200 && r.etag) etags.push({ path: m.path, etag: r.etag });
  }
  return { slugs, words: chosen, filterValues, etags, total };
}
