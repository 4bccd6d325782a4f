/**
 * Thin handlers of the HSDS API: parse the query strictly, ask the public catalog, answer with a
 * cacheable, compressed body (its ETag a hash of the body). Mapping lives in src/hsds.
 *
 * Language: `locale` or Accept-Language picks the language of the core text fields; the answer
 * says which (Content-Language) and that it depends on the header (Vary: Accept-Language).
 * URLs in `/`, the profile and the OpenAPI document are those of the origin the request came to.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { Representation } from '../../../directory/compression';
import { sendCached, sendRepresentation, sendStream } from '../../../directory/http';
import { notFound } from '../../../directory/errors';
import { projectionOf } from '../../../directory/services';
import { detail, listPage, ndjsonLines, pageEnvelope, type HsdsDetailKind } from '../../../hsds/api';
import { departuresSince, syncDepartures } from '../../../hsds/departures';
import { compiledProfileSchema, openapiDocument, openapiUrl, profileDescriptor, profileFile, profileUri } from '../../../hsds/profile';
import {
  assertNoParams,
  canonicalHsdsQuery,
  parseDetailQuery,
  parseHsdsQuery,
  type HsdsListKind,
  type HsdsLocale,
} from '../../../hsds/query';
import { HSDS_VERSION } from '../../../hsds/vocab';

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);
const STATIC_CACHE_CONTROL = 'public, max-age=3600';

/**
 * Documents that do not depend on the catalog (index, profile, OpenAPI). They name the public URL,
 * read at each request, so the one kept is replaced when its text changes.
 */
const statics = new Map<string, Representation>();
function sendStatic(ctx: Context, key: string, text: string): void {
  let rep = statics.get(key);
  if (!rep || !rep.is(text)) statics.set(key, (rep = new Representation(text)));
  sendRepresentation(ctx, rep, STATIC_CACHE_CONTROL);
}

function languageHeaders(ctx: Context, locale: HsdsLocale): void {
  ctx.set('Content-Language', locale);
  ctx.vary('Accept-Language');
}

/** Records that stopped being public on or after `modified_after`, never cached: the list moves at each edit. */
async function sendDeleted(strapi: Core.Strapi, ctx: Context): Promise<void> {
  const q = parseHsdsQuery(params(ctx), 'deleted');
  const c = await projectionOf(strapi).catalog();
  await syncDepartures(strapi, c);
  const all = (await departuresSince(strapi, q.modifiedAfter)).map((d) => JSON.stringify(d));
  ctx.set('Cache-Control', 'no-cache');
  if (q.format === 'ndjson') {
    ctx.type = 'application/x-ndjson; charset=utf-8';
    ctx.body = all.map((l) => `${l}\n`).join('');
    return;
  }
  const start = (q.page - 1) * q.perPage;
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = pageEnvelope(all.length, q.page, q.perPage, all.slice(start, start + q.perPage));
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => projectionOf(strapi).catalog();
  const acceptLanguage = (ctx: Context) => ctx.get('Accept-Language') || undefined;

  const list = (kind: HsdsListKind) => async (ctx: Context) => {
    const c = await catalog();
    const q = parseHsdsQuery(params(ctx), kind, acceptLanguage(ctx), c);
    const uri = profileUri(ctx.origin);
    const key = `hsds|${uri}|${canonicalHsdsQuery(q)}`;
    languageHeaders(ctx, q.locale);
    if (q.format === 'ndjson') {
      sendStream(ctx, c.version, key, () => ndjsonLines(c, q, uri), 'application/x-ndjson; charset=utf-8');
      return;
    }
    let page: ReturnType<typeof listPage> | undefined;
    const made = () => (page ??= listPage(c, q, uri));
    sendCached(
      ctx,
      c.version,
      key,
      () => made().body(),
      () => made().basis,
    );
  };

  const one = (kind: HsdsDetailKind) => async (ctx: Context) => {
    const c = await catalog();
    const q = parseDetailQuery(params(ctx), kind, acceptLanguage(ctx));
    const id = String(ctx.params.id ?? '');
    const uri = profileUri(ctx.origin);
    const body = detail(c, kind, id, uri, q);
    if (body === null) throw notFound();
    languageHeaders(ctx, q.locale);
    sendCached(ctx, c.version, `hsds|${uri}|${kind}|${id.toLowerCase()}|${q.locale}|${q.fullService}`, () => body);
  };

  return {
    async index(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(
        ctx,
        'hsds-index',
        JSON.stringify({ version: HSDS_VERSION, profile: profileUri(ctx.origin), openapi_url: openapiUrl(ctx.origin) }),
      );
    },
    listServices: list('services'),
    getService: one('services'),
    listOrganizations: list('organizations'),
    getOrganization: one('organizations'),
    listServiceAtLocations: list('service_at_locations'),
    getServiceAtLocation: one('service_at_locations'),
    listTaxonomies: list('taxonomies'),
    getTaxonomy: one('taxonomies'),
    listTaxonomyTerms: list('taxonomy_terms'),
    getTaxonomyTerm: one('taxonomy_terms'),

    /** Records that stopped being public on or after `modified_after`: id, object, date; nothing else. */
    async listDeleted(ctx: Context) {
      await sendDeleted(strapi, ctx);
    },

    async openapi(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(ctx, 'hsds-openapi', openapiDocument(ctx.origin));
    },
    async profile(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(ctx, 'hsds-profile', JSON.stringify(profileDescriptor(ctx.origin)));
    },
    async profileFile(ctx: Context) {
      assertNoParams(params(ctx));
      const file = profileFile(String(ctx.params.file ?? ''));
      if (file === null) throw notFound();
      sendStatic(ctx, `hsds-profile-${String(ctx.params.file)}`, JSON.stringify(file));
    },
    async profileSchema(ctx: Context) {
      assertNoParams(params(ctx));
      const schema = compiledProfileSchema(String(ctx.params.file ?? ''));
      if (schema === null) throw notFound();
      sendStatic(ctx, `hsds-schema-${String(ctx.params.file)}`, JSON.stringify(schema));
    },
  };
};
