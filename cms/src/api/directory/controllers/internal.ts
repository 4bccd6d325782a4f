/**
 * The internal staff API: full records (every status, confidential fields) and the
 * law-enforcement protocols. Only with a Strapi API token granting these actions.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MAX_PAGE_SIZE } from '@referral-directory/sdk';
import { MAX_PAGE, parseLocaleOnly } from '../../../directory/query';
import { wholeNumberParam } from '../../../directory/params';
import { parseNearQuery } from '../../../directory/near-query';
import { searchWithNear } from '../../../catalog/near-search';
import { notFound, validationError } from '../../../directory/errors';
import { listBody } from '../../../catalog/response';
import { projectionOf } from '../../../directory/services';
import { INTERNAL_FILTER_NAMES } from '../../../catalog/row-entries';
import { toProtocol, type ProtocolRow } from '../../../directory/protocol-mapper';
import { PROTOCOL } from '../../../content-types';

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listOrganizations(ctx: Context) {
    const catalog = await projectionOf(strapi).internalCatalog();
    const { q, nq } = parseNearQuery(params(ctx), catalog, 'list', INTERNAL_FILTER_NAMES);
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = listBody(searchWithNear(catalog, q, nq), q);
  },

  async getOrganization(ctx: Context) {
    const catalog = await projectionOf(strapi).internalCatalog();
    const locale = parseLocaleOnly(params(ctx));
    const entry = catalog.bySlug.get(String(ctx.params.slug ?? ''));
    if (!entry) throw notFound();
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = `{"data":${entry.json[locale]}}`;
  },

  async listProtocols(ctx: Context) {
    const p = params(ctx);
    const details = [...new Set(p.keys())]
      .filter((k) => k !== 'page' && k !== 'pageSize')
      .map((k) => ({ path: k, message: 'is not a known parameter' }));
    const page = wholeNumberParam(p.get('page'), 'page', 1, MAX_PAGE, details);
    const pageSize = wholeNumberParam(p.get('pageSize'), 'pageSize', 25, MAX_PAGE_SIZE, details);
    if (details.length) throw validationError(details);
    const [rows, total] = await Promise.all([
      strapi.db.query(PROTOCOL).findMany({
        populate: { contacts: true },
        orderBy: [{ province: 'asc' }, { agency: 'asc' }, { id: 'asc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<ProtocolRow[]>,
      strapi.db.query(PROTOCOL).count({}),
    ]);
    ctx.body = { data: rows.map(toProtocol), meta: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
  },
});
