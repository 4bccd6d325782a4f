/**
 * The console's HTTP API, served under the admin's authentication at /referral-console/…: an
 * admin session token is required (401 without), and the console's admin permission (403
 * without; see permissions.ts). Read-only but for recording a referral outcome, which has its own
 * permission. Every answer is `Cache-Control: no-store` and errors have the directory's one body.
 * It is not under /api: the public API's edge and tokens never reach it.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ErrorDetail, LawEnforcementProtocol, Locale, PublicOrganization } from '@referral-directory/sdk';
import { projectionOf } from '../directory/services';
import { DirectoryHttpError, isDatabaseDown, notFound, unavailable, validationError } from '../directory/errors';
import { parseLocaleOnly } from '../directory/query';
import { parseNearParams } from '../directory/near-query';
import { geoOf, type NearTarget } from '../catalog/near';
import { isLocale, type Catalog } from '../catalog/catalog';
import type { InternalCatalog } from '../catalog/row-entries';
import { toProtocol, type ProtocolRow } from '../directory/protocol-mapper';
import { actorFromState } from '../workflow/actor';
import { isoDay } from '../workflow/dates';
import { workflowSettings } from '../workflow/settings';
import { recordConfidentialReads } from './access-log';
import { ORGANIZATION, PROTOCOL, REFERRAL_OUTCOME } from '../content-types';
import { callView } from './call-view';
import { MAX_MESSAGE_ORGANIZATIONS, referralMessage } from './message';
import { parseOutcome } from './outcome';
import { policeLookup } from './police';
import { consoleSearch } from './search';
import { CONSOLE_READ, CONSOLE_RECORD_OUTCOME } from './permissions';

export const CONSOLE_PREFIX = '/referral-console';
const ORG = ORGANIZATION;
const OUTCOME = REFERRAL_OUTCOME;

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);
const today = () => isoDay(new Date(), workflowSettings().timeZone);

/** Only these keys (repeatable ones listed in `many`), each once otherwise. */
function onlyKeys(p: URLSearchParams, keys: readonly string[], many: readonly string[] = []): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  for (const key of new Set(p.keys())) {
    if (!keys.includes(key)) details.push({ path: key, message: 'is not a known parameter' });
    else if (!many.includes(key) && p.getAll(key).length > 1) details.push({ path: key, message: 'must be given once' });
  }
  return details;
}

function localeOf(p: URLSearchParams, details: ErrorDetail[]): Locale {
  const locale = p.get('locale') ?? 'en';
  if (isLocale(locale)) return locale;
  details.push({ path: 'locale', message: 'must be en or fr' });
  return 'en';
}

/** Sends a handler's JSON, or its error in the directory's body; never cached anywhere. */
const handle = (fn: (ctx: Context) => Promise<unknown>) => async (ctx: Context) => {
  ctx.set('Cache-Control', 'no-store');
  try {
    const body = await fn(ctx);
    ctx.status = ctx.method === 'POST' ? 201 : 200;
    ctx.body = body;
  } catch (error: unknown) {
    const e = error instanceof DirectoryHttpError ? error : isDatabaseDown(error) ? unavailable() : null;
    if (!e) throw error;
    ctx.status = e.status;
    for (const [k, v] of Object.entries(e.headers)) ctx.set(k, v);
    ctx.body = e.toBody();
  }
};

async function protocols(strapi: Core.Strapi): Promise<LawEnforcementProtocol[]> {
  const rows = (await strapi.db
    .query(PROTOCOL)
    .findMany({ populate: { contacts: true }, orderBy: [{ agency: 'asc' }, { id: 'asc' }] })) as ProtocolRow[];
  return rows.map(toProtocol);
}

/** The police query's place as a point or area (`place`: a city, a postal code or a province), or a 400. */
function placeOf(p: URLSearchParams, catalog: InternalCatalog): NearTarget {
  const details = onlyKeys(p, ['place', 'locale']);
  localeOf(p, details);
  const place = p.get('place');
  if (place === null)
    details.push({ path: 'place', message: 'is required: a city, a postal code or its first three characters, or a province' });
  const near =
    place === null
      ? { near: null }
      : parseNearParams(new URLSearchParams({ near: place }), () => geoOf(catalog).gazetteer, new Date(), details);
  if (details.length > 0 || !near.near) throw validationError(details.map((d) => (d.path === 'near' ? { ...d, path: 'place' } : d)));
  return near.near;
}

/** The message query's locale and organizations: 1 to MAX_MESSAGE_ORGANIZATIONS slugs, each public, or a 400. */
function messageOrganizations(p: URLSearchParams, pub: Catalog): { locale: Locale; orgs: PublicOrganization[] } {
  const details = onlyKeys(p, ['slug', 'locale'], ['slug']);
  const locale = localeOf(p, details);
  const slugs = [...new Set(p.getAll('slug'))];
  if (slugs.length === 0 || slugs.length > MAX_MESSAGE_ORGANIZATIONS)
    details.push({ path: 'slug', message: `must name 1 to ${MAX_MESSAGE_ORGANIZATIONS} organizations` });
  const orgs: PublicOrganization[] = [];
  for (const slug of slugs) {
    const entry = pub.bySlug.get(slug);
    if (entry) orgs.push(entry.records[locale]);
    else
      details.push({
        path: 'slug',
        message: `${JSON.stringify(slug.slice(0, 100))} is not in the public directory: its details cannot be given to a caller`,
      });
  }
  if (details.length > 0) throw validationError(details);
  return { locale, orgs };
}

export const consoleHandlers = (strapi: Core.Strapi) => {
  const projection = () => projectionOf(strapi);
  return {
    search: handle(async (ctx) => {
      const catalog = await projection().internalCatalog();
      return consoleSearch(catalog, params(ctx), today(), workflowSettings());
    }),

    /** The values of each filter, labelled in the locale (the quick filters' choices). */
    filters: handle(async (ctx) => {
      const locale = parseLocaleOnly(params(ctx));
      const catalog = await projection().internalCatalog();
      const data = Object.fromEntries(
        catalog.filterNames.map((name) => [name, catalog.vocabulary[name].map((t) => ({ value: t.value, label: t.labels[locale] }))]),
      );
      return { data };
    }),

    organization: handle(async (ctx) => {
      const locale = parseLocaleOnly(params(ctx));
      const [catalog, pub] = await Promise.all([projection().internalCatalog(), projection().catalog()]);
      const entry = catalog.bySlug.get(String(ctx.params.slug ?? ''));
      if (!entry) throw notFound();
      const view = callView(catalog, entry, locale, pub.bySlug.has(entry.slug), today(), workflowSettings());
      await recordConfidentialReads(strapi, actorFromState(ctx.state), [
        { uid: ORG, documentId: view.organization.documentId, label: entry.records.en.name },
      ]);
      return { data: view };
    }),

    police: handle(async (ctx) => {
      const catalog = await projection().internalCatalog();
      const found = policeLookup(placeOf(params(ctx), catalog), await protocols(strapi));
      await recordConfidentialReads(
        strapi,
        actorFromState(ctx.state),
        found.protocols.map((x) => ({ uid: PROTOCOL, documentId: x.documentId, label: x.agency })),
      );
      return { data: found };
    }),

    message: handle(async (ctx) => {
      const { locale, orgs } = messageOrganizations(params(ctx), await projection().catalog());
      const text = referralMessage(orgs, locale, await projection().settings(locale));
      return { data: { locale, text, organizations: orgs.map((o) => o.slug) } };
    }),

    recordOutcome: handle(async (ctx) => {
      const body: unknown = ctx.request.body;
      const input = parseOutcome(body, today());
      const catalog = await projection().internalCatalog();
      const entry = catalog.bySlug.get(input.organization) ?? catalog.entries.find((e) => e.records.en.documentId === input.organization);
      if (!entry) throw validationError([{ path: 'organization', message: 'is not an organization of the directory' }]);
      const documentId = entry.records.en.documentId;
      const created = await strapi
        .documents(OUTCOME)
        .create({ data: { organization: documentId, date: input.date, mode: input.mode, outcome: input.outcome } });
      return {
        data: {
          documentId: created.documentId,
          organization: entry.records.en.slug,
          date: input.date,
          mode: input.mode,
          outcome: input.outcome,
        },
      };
    }),
  };
};

const policies = (action: string) => ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }];

export function registerConsoleRoutes(strapi: Core.Strapi): void {
  const h = consoleHandlers(strapi);
  const route = (method: 'GET' | 'POST', path: string, handler: (ctx: Context) => Promise<void>, action = CONSOLE_READ) => ({
    method,
    path,
    handler,
    info: { type: 'admin' },
    config: { policies: policies(action) },
  });
  strapi.server.routes({
    type: 'admin',
    prefix: CONSOLE_PREFIX,
    routes: [
      route('GET', '/search', h.search),
      route('GET', '/filters', h.filters),
      route('GET', '/organizations/:slug', h.organization),
      route('GET', '/police', h.police),
      route('GET', '/message', h.message),
      route('POST', '/outcomes', h.recordOutcome, CONSOLE_RECORD_OUTCOME),
    ],
  });
}
