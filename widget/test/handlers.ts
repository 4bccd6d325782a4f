/**
 * The network scenarios of the browser tests, as msw handlers for the public directory API at
 * `API`. The default scenario filters, sorts, pages and counts the fixtures the way the real
 * API does (accent-insensitive keyword, OR within a filter, AND across filters).
 *
 * Scenarios: `default`, `empty`, `error`, `slow`, `200 results`, `malformed`.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import {
  FILTER_NAMES,
  type ErrorBody,
  type FacetValue,
  type FilterName,
  type Locale,
  type PublicOrganization,
} from '@referral-directory/sdk';
import { FIXED_LABELS, manyOrganizations, organizations, SETTINGS, termLabel } from './fixtures.js';

/** Host of the fake API; each test gets its own subdomain (see `nextApi`). */
export const API_HOST = 'directory.example.org';
const BASE = '*/api/directory';

let apiCount = 0;
let currentApi = `https://t0.${API_HOST}`;

/** The API origin of the current test: give it to `api-url`. */
export function api(): string {
  return currentApi;
}

/**
 * Moves to a new API origin, so that requests still in flight from a previous test (whose widget
 * is gone) are never mistaken for the current test's.
 */
export function nextApi(): void {
  currentApi = `https://t${++apiCount}.${API_HOST}`;
}

export type ScenarioName = 'default' | 'empty' | 'error' | 'slow' | '200 results' | 'malformed';

interface Seen {
  url: URL;
  credentials: RequestCredentials;
  /** Parsed JSON body of a POST. */
  body?: unknown;
}

const log: Seen[] = [];

/** The requests of the current test, oldest first. */
export function requests(): Seen[] {
  return log.filter((r) => r.url.origin === currentApi);
}

/** The current test's requests to the list endpoint. */
export function listRequests(): URL[] {
  return requests()
    .map((r) => r.url)
    .filter((u) => u.pathname.endsWith('/organizations'));
}

const localeOf = (url: URL): Locale => (url.searchParams.get('locale') === 'fr' ? 'fr' : 'en');
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function valuesOf(o: PublicOrganization, name: FilterName): string[] {
  switch (name) {
    case 'province':
      return o.provinces;
    case 'focus':
      return o.focusAreas.map((t) => t.code);
    case 'service':
      return o.services.map((t) => t.code);
    case 'timeframe':
      return o.timeframes;
    case 'need':
      return o.needs;
    case 'population':
      return o.populations.map((t) => t.code);
    case 'language':
      return o.languages.map((t) => t.code);
    case 'role':
      return [o.role];
    case 'type':
      return [o.kind];
  }
}

function matches(o: PublicOrganization, params: URLSearchParams, except?: FilterName): boolean {
  const q = fold(params.get('q') ?? '').trim();
  if (q) {
    const text = fold(
      [
        o.name,
        o.description,
        ...o.services.map((s) => s.label),
        ...o.locations.map((l) => l.city),
        ...o.serviceAreas.flatMap((a) => a.regions),
      ].join(' '),
    );
    if (!q.split(/\s+/).every((word) => text.includes(word))) return false;
  }
  return FILTER_NAMES.every((name) => {
    if (name === except) return true;
    const wanted = params.getAll(name);
    return !wanted.length || valuesOf(o, name).some((v) => wanted.includes(v));
  });
}

function list(all: PublicOrganization[], url: URL) {
  const found = all.filter((o) => matches(o, url.searchParams));
  const sort = url.searchParams.get('sort') ?? 'name';
  if (sort === '-name') found.reverse();
  if (sort === '-lastVerified') found.sort((a, b) => (b.lastVerified ?? '').localeCompare(a.lastVerified ?? ''));
  const page = Number(url.searchParams.get('page') ?? 1);
  const pageSize = Number(url.searchParams.get('pageSize') ?? 25);
  return {
    data: found.slice((page - 1) * pageSize, page * pageSize),
    meta: { page, pageSize, total: found.length, pageCount: Math.max(1, Math.ceil(found.length / pageSize)) },
  };
}

function facets(all: PublicOrganization[], url: URL) {
  const locale = localeOf(url);
  const data = {} as Record<FilterName, FacetValue[]>;
  for (const name of FILTER_NAMES) {
    const counts = new Map<string, number>();
    for (const o of all) for (const v of valuesOf(o, name)) counts.set(v, counts.get(v) ?? 0);
    for (const o of all.filter((x) => matches(x, url.searchParams, name))) {
      for (const v of valuesOf(o, name)) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const kind = name === 'focus' || name === 'service' || name === 'population' || name === 'language' ? name : undefined;
    data[name] = [...counts].map(([value, count]) => ({
      value,
      label: kind ? termLabel(kind, value, locale) : (FIXED_LABELS[value]?.[locale] ?? value),
      count,
    }));
  }
  return { data, meta: { total: all.filter((o) => matches(o, url.searchParams)).length, locale } };
}

/** The default scenario's facets in `locale`, unfiltered: for elements tested on their own. */
export const facetsFor = (locale: Locale) =>
  facets(organizations(locale), new URL(`https://${API_HOST}/api/directory/facets?locale=${locale}`)).data;

const errorBody = (status: number, name: string, message: string, details: ErrorBody['error']['details'] = []): ErrorBody => ({
  error: { status, name, message, details },
});

/** Records the request, then answers. */
const seen = (request: Request) => {
  const url = new URL(request.url);
  log.push({ url, credentials: request.credentials });
  return url;
};

function directory(source: (locale: Locale) => PublicOrganization[]): RequestHandler[] {
  return [
    http.get(`${BASE}/organizations`, ({ request }) => {
      const url = seen(request);
      return HttpResponse.json(list(source(localeOf(url)), url));
    }),
    http.get(`${BASE}/organizations/:slug`, ({ request, params }) => {
      const url = seen(request);
      const org = source(localeOf(url)).find((o) => o.slug === params['slug']);
      return org ? HttpResponse.json({ data: org }) : HttpResponse.json(errorBody(404, 'NotFoundError', 'Not found'), { status: 404 });
    }),
    http.get(`${BASE}/facets`, ({ request }) => {
      const url = seen(request);
      return HttpResponse.json(facets(source(localeOf(url)), url));
    }),
  ];
}

const settings = http.get(`${BASE}/settings`, ({ request }) => {
  const url = seen(request);
  return HttpResponse.json({ data: SETTINGS[localeOf(url)] });
});

/** Accepts a suggestion, or rejects one whose message is shorter than 5 characters. */
const suggestions = http.post(`${BASE}/suggestions`, async ({ request }) => {
  const body: unknown = await request.clone().json();
  seen(request);
  const last = log.at(-1);
  if (last) last.body = body;
  const message = typeof body === 'object' && body && 'message' in body ? String(body.message) : '';
  if (message.trim().length < 5) {
    return HttpResponse.json(
      errorBody(400, 'ValidationError', 'Invalid suggestion', [{ path: 'message', message: 'Too short (server).' }]),
      { status: 400 },
    );
  }
  return HttpResponse.json({ data: { status: 'received', reference: 'SUG-2025-0042' } }, { status: 202 });
});

const unavailable = () => HttpResponse.json(errorBody(503, 'ServiceUnavailableError', 'Down for maintenance'), { status: 503 });

export const scenarios: Record<ScenarioName, RequestHandler[]> = {
  default: [...directory(organizations), settings, suggestions],
  empty: [...directory(() => []), settings, suggestions],
  error: [
    http.get(`${BASE}/*`, ({ request }) => {
      seen(request);
      return unavailable();
    }),
    http.post(`${BASE}/*`, ({ request }) => {
      seen(request);
      return unavailable();
    }),
  ],
  slow: [
    http.get(`${BASE}/*`, async ({ request }) => {
      seen(request);
      await delay('infinite');
      return unavailable();
    }),
  ],
  '200 results': [...directory(manyOrganizations), settings, suggestions],
  malformed: [
    http.get(`${BASE}/organizations`, ({ request }) => {
      seen(request);
      return new HttpResponse('<!doctype html><title>Proxy error</title>', { headers: { 'content-type': 'text/html' } });
    }),
    http.get(`${BASE}/facets`, ({ request }) => {
      seen(request);
      return HttpResponse.json({ data: 'nope' });
    }),
    http.get(`${BASE}/settings`, ({ request }) => {
      seen(request);
      return HttpResponse.json({ data: { hotline: null } });
    }),
  ],
};
