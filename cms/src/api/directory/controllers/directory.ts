/**
 * The public directory forms (applications, suggestions), routed by routes/01-custom-directory.ts:
 * thin handlers that hand the body to the forms service. The public reads are answered before the
 * router, by middlewares/directory-edge with src/directory/reads.ts.
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { formsOf, projectionOf } from '../../../directory/services';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const projection = () => projectionOf(strapi);
  const forms = () => formsOf(strapi);

  return {
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
