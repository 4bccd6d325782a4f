/**
 * Taxonomy and language pickers in the admin's language. The content manager (5.54) shows a
 * related entry by one field of it, the same for every editor (`mainField`, set to `labelEn` in
 * admin-views.ts), read by its relation routes straight from the database. For an editor whose admin
 * is in French, a route middleware on those two routes puts each term's French name in that field
 * of the answer: the picker's options and the chosen terms read in French. (Typing in the picker
 * still searches the English names: the route filters on the main field before we see it. A term
 * just added reads in English until the record is saved: the admin then fetches it from the
 * taxonomy's own document route, which must keep serving the stored values to the edit form.)
 */
import type { Core, UID } from '@strapi/strapi';
import { languageOf } from './language';
import { isRecord, text } from './values';

const TAXONOMIES = [
  'api::focus-area.focus-area',
  'api::service-category.service-category',
  'api::population.population',
  'api::language.language',
] as const satisfies readonly UID.ContentType[];
type Taxonomy = (typeof TAXONOMIES)[number];
const isTaxonomy = (v: unknown): v is Taxonomy => TAXONOMIES.some((t) => t === v);
const SHOWN = 'labelEn';
const RELATION_ROUTES = new Set(['/relations/:model/:targetField', '/relations/:model/:id/:targetField']);

/** The results with each term's French name, where it has one, in the field the picker shows. */
export function withFrenchNames(results: readonly unknown[], french: ReadonlyMap<string, string>): unknown[] {
  return results.map((r) => {
    if (!isRecord(r) || typeof r.documentId !== 'string' || !(SHOWN in r)) return r;
    const name = french.get(r.documentId);
    return name ? { ...r, [SHOWN]: name } : r;
  });
}

/** The taxonomy a relation of a content type points to, if it is one. */
function taxonomyOf(strapi: Core.Strapi, model: unknown, field: unknown): Taxonomy | null {
  if (typeof model !== 'string' || typeof field !== 'string') return null;
  const schema: unknown =
    strapi.contentTypes[model as keyof typeof strapi.contentTypes] ?? strapi.components[model as keyof typeof strapi.components];
  const attribute = isRecord(schema) && isRecord(schema.attributes) ? schema.attributes[field] : null;
  const target = isRecord(attribute) ? attribute.target : null;
  return isTaxonomy(target) ? target : null;
}

function frenchNamesMiddleware(strapi: Core.Strapi) {
  return async (ctx: { params?: Record<string, unknown>; body?: unknown }, next: () => Promise<unknown>) => {
    await next();
    const body = ctx.body;
    if (languageOf(ctx) !== 'fr' || !isRecord(body) || !Array.isArray(body.results)) return;
    const taxonomy = taxonomyOf(strapi, ctx.params?.model, ctx.params?.targetField);
    if (!taxonomy) return;
    const ids = body.results.flatMap((r: unknown) => (isRecord(r) && typeof r.documentId === 'string' ? [r.documentId] : []));
    if (ids.length === 0) return;
    const rows: unknown[] = await strapi.db.query(taxonomy).findMany({
      where: { documentId: { $in: ids } },
      select: ['documentId', 'labelFr'],
    });
    const french = new Map(
      rows.flatMap((r) =>
        isRecord(r) && typeof r.documentId === 'string' && text(r.labelFr) ? [[r.documentId, String(r.labelFr)] as const] : [],
      ),
    );
    ctx.body = { ...body, results: withFrenchNames(body.results, french) };
  };
}

interface Route {
  method?: unknown;
  path?: unknown;
  config?: { middlewares?: unknown[] } & Record<string, unknown>;
}
const isRoute = (v: unknown): v is Route => isRecord(v) && typeof v.path === 'string';

/** At register: adds the middleware to the content manager's two relation routes. */
export function registerTaxonomyNames(strapi: Core.Strapi): void {
  const routes: unknown = strapi.plugin('content-manager').routes;
  const groups: unknown[] = Array.isArray(routes)
    ? [routes]
    : isRecord(routes)
      ? Object.values(routes).map((g) => (isRecord(g) ? g.routes : g))
      : [];
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    for (const route of group) {
      if (!isRoute(route) || route.method !== 'GET' || !RELATION_ROUTES.has(String(route.path))) continue;
      route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), frenchNamesMiddleware(strapi)] };
    }
  }
}
