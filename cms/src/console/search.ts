/**
 * The console's search: the staff catalog's own engine (accents, typos, synonyms, internal text),
 * with the same filters and near / open-now / open-at parameters as the staff API, over every
 * listing status. Active records come first, the others after them, each group in the engine's
 * order. A hit carries what a list needs to choose, and the kinds of its warnings, but no
 * confidential text: reading one is the organization route's job (and is access-logged).
 */
import type { InternalOrganization, Locale, OpenState } from '@referral-directory/sdk';
import { searchWithNear } from '../catalog/near-search';
import { INTERNAL_FILTER_NAMES, type InternalCatalog, type InternalEntry } from '../catalog/projection';
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
    slug: r.slug, documentId: r.documentId, name: r.name, status: r.status, role: r.role, kind: r.kind,
    cities: [...new Set(r.locations.map((l) => l.city))], national: r.national, provinces: r.provinces,
    timeframes: r.timeframes, needs: r.needs, services: r.services.map((s) => s.label), languages: r.languages.map((l) => l.label),
    open24x7: r.hours.open24x7,
    warnings: warningsOf(r, today, settings).map((w) => w.kind),
    ...extraMembers(extra),
  };
}

export function consoleSearch(catalog: InternalCatalog, params: URLSearchParams, today: string, settings: WorkflowSettings, now = new Date()): ConsoleSearchResult {
  const { q, nq } = parseNearQuery(params, catalog, 'list', INTERNAL_FILTER_NAMES, now);
  const all = searchWithNear(catalog, { ...q, page: 1, pageSize: Math.max(1, catalog.entries.length) }, nq);
  const active = all.page.filter((e) => e.records.en.status === 'active');
  const others = all.page.filter((e) => e.records.en.status !== 'active');
  const ordered = [...active, ...others];
  const start = (q.page - 1) * q.pageSize;
  const data = ordered.slice(start, start + q.pageSize).map((e) => hitOf(e, q.locale, all.extra(e), today, settings));
  const meta: ConsoleSearchResult['meta'] = { page: q.page, pageSize: q.pageSize, total: all.total, pageCount: Math.ceil(all.total / q.pageSize), ...all.meta };
  if (all.text?.relaxed) { meta.relaxed = true; meta.matched = all.text.matched; }
  if (all.text && all.text.suggestions.length > 0) meta.suggestions = all.text.suggestions;
  return { data, meta };
}
