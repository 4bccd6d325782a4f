/**
 * The console's search: the staff catalog's own engine (accents, typos, synonyms, internal text),
 * with the same filters and near parameters as the staff API, over every listing status. Each hit
 * says whether it is open now (as every list does); `openNow` / `openAt` mark each hit open or closed at that time and put the open ones first, but
 * keep the closed ones (a shelter's after-hours procedure is what a call at 23:00 needs), unless
 * `openOnly=true`. Active records come first, the others after them and marked. A hit carries what a list needs to choose, and the kinds of its warnings, but no
 * confidential text: reading one is the organization route's job (and is access-logged).
 */
import type { InternalOrganization, Locale, OpenState } from '@referral-directory/sdk';
import { geoOf } from '../catalog/near';
import { searchWithNear } from '../catalog/near-search';
import { validationError } from '../directory/errors';
import { INTERNAL_FILTER_NAMES, type InternalCatalog, type InternalEntry } from '../catalog/row-entries';
import { parseNearQuery } from '../directory/near-query';
import { warningsOf, type WarningKind } from './warnings';
import type { WorkflowSettings } from '../workflow/settings';

export interface ConsoleHit {
  slug: string;
  documentId: string;
  name: string;
  status: InternalOrganization['status'];
  role: InternalOrganization['role'];
  kind: InternalOrganization['kind'];
  cities: string[];
  national: boolean;
  provinces: InternalOrganization['provinces'];
  timeframes: InternalOrganization['timeframes'];
  needs: InternalOrganization['needs'];
  services: string[];
  languages: string[];
  open24x7: boolean;
  warnings: WarningKind[];
  distanceKm?: number;
  coverage?: string;
  open?: OpenState;
}

export interface ConsoleSearchResult {
  data: ConsoleHit[];
  meta: { page: number; pageSize: number; total: number; pageCount: number; [key: string]: unknown };
}

/** The near/open members the shared search writes as JSON text (`,"distanceKm":3,...`). */
function extraMembers(extra: string): Pick<ConsoleHit, 'distanceKm' | 'coverage' | 'open'> {
  if (!extra) return {};
  const parsed: unknown = JSON.parse(`{${extra.slice(1)}}`);
  return typeof parsed === 'object' && parsed !== null ? parsed : {};
}

function hitOf(e: InternalEntry, locale: Locale, extra: string, today: string, settings: WorkflowSettings): ConsoleHit {
  const r = e.records[locale];
  return {
    slug: r.slug,
    documentId: r.documentId,
    name: r.name,
    status: r.status,
    role: r.role,
    kind: r.kind,
    cities: [...new Set(r.locations.map((l) => l.city))],
    national: r.national,
    provinces: r.provinces,
    timeframes: r.timeframes,
    needs: r.needs,
    services: r.services.map((s) => s.label),
    languages: r.languages.map((l) => l.label),
    open24x7: r.hours.open24x7,
    warnings: warningsOf(r, today, settings).map((w) => w.kind),
    ...extraMembers(extra),
  };
}

/** `openOnly=true|false`, the console's own parameter; the rest is the staff list's query. */
function openOnlyOf(params: URLSearchParams): boolean {
  const raw = params.getAll('openOnly');
  params.delete('openOnly');
  if (raw.length === 0) return false;
  if (raw.length > 1 || (raw[0] !== 'true' && raw[0] !== 'false'))
    throw validationError([{ path: 'openOnly', message: 'must be true or false, once' }]);
  if (raw[0] === 'true' && !params.has('openNow') && !params.has('openAt'))
    throw validationError([{ path: 'openOnly', message: 'needs openNow or openAt' }]);
  return raw[0] === 'true';
}

export function consoleSearch(
  catalog: InternalCatalog,
  query: URLSearchParams,
  today: string,
  settings: WorkflowSettings,
  now = new Date(),
): ConsoleSearchResult {
  const params = new URLSearchParams(query);
  const openOnly = openOnlyOf(params);
  const { q, nq } = parseNearQuery(params, catalog, 'list', INTERNAL_FILTER_NAMES, now);
  const all = searchWithNear(catalog, { ...q, page: 1, pageSize: Math.max(1, catalog.entries.length) }, { ...nq, open: null });
  const index = new Map(catalog.entries.map((e, i) => [e, i]));
  const { index: geo } = geoOf(catalog);
  const at = nq.open;
  const openState = (e: InternalEntry): OpenState | null => {
    const i = index.get(e);
    return at && i !== undefined ? geo.open(i, at) : null;
  };
  const states = new Map(all.page.map((e) => [e, openState(e)]));
  const kept = openOnly ? all.page.filter((e) => states.get(e)?.now === true) : all.page;
  // Stable order: active and open, active, then every other status.
  const rank = (e: InternalEntry) => (e.values.status[0] !== 'active' ? 2 : at && states.get(e)?.now !== true ? 1 : 0);
  const ordered = kept
    .map((e, k) => ({ e, k }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.k - b.k)
    .map(({ e }) => e);
  const start = (q.page - 1) * q.pageSize;
  const data = ordered.slice(start, start + q.pageSize).map((e) => {
    const hit = hitOf(e, q.locale, all.extra(e), today, settings);
    const state = states.get(e);
    return state ? { ...hit, open: state } : hit;
  });
  const total = ordered.length;
  const meta: ConsoleSearchResult['meta'] = {
    page: q.page,
    pageSize: q.pageSize,
    total,
    pageCount: Math.ceil(total / q.pageSize),
    ...all.meta,
  };
  if (all.text?.relaxed) {
    meta.relaxed = true;
    meta.matched = all.text.matched;
  }
  if (all.text && all.text.suggestions.length > 0) meta.suggestions = all.text.suggestions;
  return { data, meta };
}
