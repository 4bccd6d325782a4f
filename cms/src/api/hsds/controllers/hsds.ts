/**
 * Thin handlers of the HSDS API: parse the query strictly, ask the public catalog, answer with a
 * cacheable, compressed body (its ETag a hash of the body). Mapping lives in src/hsds.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { Representation } from '../../../directory/compression';
import { sendCached, sendRepresentation, sendStream } from '../../../directory/http';
import { notFound } from '../../../directory/errors';
import { projectionOf } from '../../../directory/services';
import { detail, listPage, ndjsonLines, type HsdsDetailKind } from '../../../hsds/api';
import { compiledProfileSchema, openapiDocument, openapiUrl, profileDescriptor, profileFile, profileUri } from '../../../hsds/profile';
import { assertNoParams, canonicalHsdsQuery, parseHsdsQuery, type HsdsListKind } from '../../../hsds/query';
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
  const bytes = Buffer.from(text, 'utf8');
  if (!rep || !rep.identity.equals(bytes)) statics.set(key, (rep = new Representation(bytes)));
  sendRepresentation(ctx, rep, STATIC_CACHE_CONTROL);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const catalog = () => projectionOf(strapi).catalog();

  const list = (kind: HsdsListKind) => async (ctx: Context) => {
    const c = await catalog();
    const q = parseHsdsQuery(params(ctx), kind, c);
    const key = `hsds|${canonicalHsdsQuery(q)}`;
    if (q.format === 'ndjson') {
      sendStream(ctx, c.version, key, () => ndjsonLines(c, q, profileUri()), 'application/x-ndjson; charset=utf-8');
      return;
    }
    sendCached(ctx, c.version, key, () => listPage(c, q, profileUri()));
  };

  const one = (kind: HsdsDetailKind) => async (ctx: Context) => {
    const c = await catalog();
    assertNoParams(params(ctx));
    const id = String(ctx.params.id ?? '');
    const body = detail(c, kind, id, profileUri());
    if (body === null) throw notFound();
    sendCached(ctx, c.version, `hsds|${kind}|${id.toLowerCase()}`, () => body);
  };

  return {
    async index(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(ctx, 'hsds-index', JSON.stringify({ version: HSDS_VERSION, profile: profileUri(), openapi_url: openapiUrl() }));
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

    async openapi(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(ctx, 'hsds-openapi', openapiDocument());
    },
    async profile(ctx: Context) {
      assertNoParams(params(ctx));
      sendStatic(ctx, 'hsds-profile', JSON.stringify(profileDescriptor()));
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
