/**
 * The internal staff API: full records (every status, confidential fields) and the
 * law-enforcement protocols. Only with a Strapi API token granting these actions.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { MAX_PAGE_SIZE } from '@referral-directory/sdk';
import { parseDirectoryQuery, parseLocaleOnly } from '../../../directory/query';
import { notFound, validationError } from '../../../directory/errors';
import { listBody } from '../../../catalog/response';
import { projectionOf } from '../../../directory/services';
import { INTERNAL_FILTER_NAMES } from '../../../catalog/projection';
import { toProtocol, type ProtocolRow } from '../../../directory/protocol-mapper';

const params = (ctx: Context) => new URLSearchParams(ctx.querystring);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listOrganizations(ctx: Context) {
    const catalog = await projectionOf(strapi).internalCatalog();
    const q = parseDirectoryQuery(params(ctx), catalog.vocabulary, 'list', INTERNAL_FILTER_NAMES);
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = listBody(catalog.search(q), q);
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
    const details = [...new Set(p.keys())].filter((k) => k !== 'page' && k !== 'pageSize').map((k) => ({ path: k, message: 'is not a known parameter' }));
    const int = (key: string, fallback: number, max: number) => {
      const raw = p.get(key);
      if (raw === null) return fallback;
      if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) details.push({ path: key, message: `must be a whole number from 1 to ${max}` });
      return Number(raw);
    };
    const page = int('page', 1, 10_000);
    const pageSize = int('pageSize', 25, MAX_PAGE_SIZE);
    if (details.length) throw validationError(details);
    const uid = 'api::law-enforcement-protocol.law-enforcement-protocol';
    const [rows, total] = await Promise.all([
      strapi.db.query(uid).findMany({ populate: { contacts: true }, orderBy: [{ province: 'asc' }, { agency: 'asc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<ProtocolRow[]>,
      strapi.db.query(uid).count({}),
    ]);
    ctx.body = { data: rows.map(toProtocol), meta: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } };
  },
});
