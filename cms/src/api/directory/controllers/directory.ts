/**
 * The public directory API: thin handlers that parse and validate input, ask the catalog,
 * and shape output. Everything public comes from the in-memory catalog (see src/catalog).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseDirectoryQuery, parseLocaleOnly, canonicalQuery } from '../../../directory/query';
import { sendCached } from '../../../directory/http';
import { notFound } from '../../../directory/errors';
import { listBody } from '../../../catalog/response';
import { formsOf, projectionOf } from '../../../directory/services';

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const projection = () => projectionOf(strapi);
  const forms = () => formsOf(strapi);

  return {
    async listOrganizations(ctx: Context) {
      const catalog = await projection().catalog();
      const q = parseDirectoryQuery(params(ctx), catalog.vocabulary, 'list');
      sendCached(ctx, catalog.version, `list|${canonicalQuery(q)}`, () => {
        return listBody(catalog.search(q), q);
      });
    },

    async getOrganization(ctx: Context) {
      const catalog = await projection().catalog();
      const locale = parseLocaleOnly(params(ctx));
      const slug = String(ctx.params.slug ?? '');
      const entry = catalog.bySlug.get(slug);
      if (!entry) throw notFound();
      sendCached(ctx, catalog.version, `one|${locale}|${slug}`, () => `{"data":${entry.json[locale]}}`);
    },

    async facets(ctx: Context) {
      const catalog = await projection().catalog();
      const q = parseDirectoryQuery(params(ctx), catalog.vocabulary, 'facets');
      sendCached(ctx, catalog.version, `facets|${canonicalQuery(q)}`, () => {
        const { data, total } = catalog.facets(q);
        return JSON.stringify({ data, meta: { total, locale: q.locale } });
      });
    },

    async settings(ctx: Context) {
      const catalog = await projection().catalog();
      const locale = parseLocaleOnly(params(ctx));
      const settings = await projection().settings(locale);
      if (!settings) throw notFound();
      sendCached(ctx, catalog.version, `settings|${locale}`, () => JSON.stringify({ data: settings }));
    },

    async submitApplication(ctx: Context) {
      const receipt = await forms().submitApplication(ctx.request.body, ctx.request.ip);
      ctx.status = 202;
      ctx.body = { data: receipt };
    },

    async submitSuggestion(ctx: Context) {
      const catalog = await projection().catalog();
      const receipt = await forms().submitSuggestion(ctx.request.body, catalog);
      ctx.status = 202;
      ctx.body = { data: receipt };
    },
  };
};
