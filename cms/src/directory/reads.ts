/**
 * The public reads of the directory API (list, detail, facets, settings): thin handlers that parse
 * and validate input, ask the in-memory catalog (see src/catalog), and answer with a cached,
 * conditional body. middlewares/directory-edge calls them before Strapi's router, which they skip.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { parseLocaleOnly } from './query';
import { canonicalNear, parseQueryString } from './near-query';
import { type NearResult, nearFacets, searchWithNear } from '../catalog/near-search';
import type { Entry, TextOutcome } from '../catalog/catalog';
import { sendCached } from './http';
import { notFound } from './errors';
import { listBasis, signedListBody } from '../catalog/response';
import { projectionOf } from './services';

export type ReadHandler = 'listOrganizations' | 'getOrganization' | 'facets' | 'settings';

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);

export function publicReads(strapi: Core.Strapi): Record<ReadHandler, (ctx: Context) => Promise<void>> {
  const projection = () => projectionOf(strapi);

  return {
    async listOrganizations(ctx: Context) {
      const catalog = await projection().catalog();
      const { q, nq, canonical } = parseQueryString(ctx.querystring, catalog, 'list');
      let result: NearResult<Entry, TextOutcome | null> | undefined;
      const found = () => (result ??= searchWithNear(catalog, q, nq));
      const query = `list|${canonical}|`;
      const key = query + canonicalNear(nq);
      // The ETag's key leaves out the minute the hits are read at: what it changes (a hit's `open`) is in
      // the body signed, so a page that reads the same from one minute to the next keeps its ETag.
      const signedKey = query + canonicalNear({ ...nq, at: undefined });
      sendCached(
        ctx,
        catalog.version,
        key,
        () => ({ ...signedListBody(found(), q, signedKey), changesAt: found().changesAt() }),
        // A page an edit did not change keeps its body and its ETag.
        () => [catalog.vocabulary, catalog.synonyms, ...listBasis(found(), q)],
      );
    },

    async getOrganization(ctx: Context) {
      const catalog = await projection().catalog();
      const locale = parseLocaleOnly(params(ctx));
      const slug = String(ctx.params.slug ?? '');
      const entry = catalog.bySlug.get(slug);
      if (!entry) throw notFound();
      sendCached(
        ctx,
        catalog.version,
        `one|${locale}|${slug}`,
        () => `{"data":${entry.json[locale]}}`,
        () => [entry],
      );
    },

    async facets(ctx: Context) {
      const catalog = await projection().catalog();
      const { q, nq, canonical } = parseQueryString(ctx.querystring, catalog, 'facets');
      sendCached(ctx, catalog.version, `facets|${canonical}|${canonicalNear({ near: nq.near, open: nq.open })}`, () => {
        const { data, total, changesAt } = nq.near || nq.open ? nearFacets(catalog, q, nq) : { ...catalog.facets(q), changesAt: undefined };
        return { body: JSON.stringify({ data, meta: { total, locale: q.locale } }), changesAt };
      });
    },

    async settings(ctx: Context) {
      const catalog = await projection().catalog();
      const locale = parseLocaleOnly(params(ctx));
      const settings = await projection().settings(locale);
      if (!settings) throw notFound();
      sendCached(
        ctx,
        catalog.version,
        `settings|${locale}`,
        () => JSON.stringify({ data: settings }),
        () => [settings],
      );
    },
  };
}
