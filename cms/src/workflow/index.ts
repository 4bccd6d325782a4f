/**
 * The editorial workflow: audit trail, application approval, verification and review cadence,
 * unreachable contacts, removal and suspension, living law-enforcement protocols, suggestion
 * resolution. Wired into the app by two calls in src/index.ts.
 */
import type { Core } from '@strapi/strapi';
import { auditGuard, auditMiddleware } from './audit';
import { bilingualMiddleware } from './bilingual-middleware';
import { configureAdminViews } from './admin-views';
import { grantReadOnlyTypes } from './permissions';
import { registerProvincesField } from './provinces-field';
import { rulesMiddleware } from './rules';
import { registerTaxonomyNames } from './taxonomy-names';
import { unchangedComponentsMiddleware } from './unchanged-components';

export { READ_ONLY_TYPES } from './permissions';
export { runReviewJob } from './review-job';

/**
 * Document Service middlewares, outermost first: the audit sees the write the rules made, the
 * bilingual rules (one record in two locales) wrap the per-field rules, and an update's components
 * sent as stored are left out of it last (with what the rules added to them).
 */
export function registerWorkflow(strapi: Core.Strapi): void {
  registerProvincesField(strapi);
  strapi.documents.use(auditGuard(strapi));
  strapi.documents.use(auditMiddleware(strapi));
  strapi.documents.use(bilingualMiddleware(strapi));
  strapi.documents.use(rulesMiddleware(strapi));
  strapi.documents.use(unchangedComponentsMiddleware(strapi));
  registerTaxonomyNames(strapi);
}

/** After the admin roles exist (ensureAdminRoles). */
export async function bootstrapWorkflow(strapi: Core.Strapi): Promise<void> {
  await grantReadOnlyTypes(strapi);
  await configureAdminViews(strapi);
}
