/**
 * Serves the committed OpenAPI document of the public directory API, byte for byte. The file is
 * read once, on first request, from the app root (`cms/openapi/`), whether Strapi runs from the
 * sources or from `cms/dist`. CORS and the error body come from middlewares/directory-edge.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { Representation } from '../../../directory/compression';
import { sendRepresentation } from '../../../directory/http';

const FILE = path.join('openapi', 'directory.openapi.json');
const OPENAPI_CACHE_CONTROL = 'public, max-age=3600';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: Representation | null = null;

  const load = () => {
    if (cached) return cached;
    const candidates = [
      path.resolve(strapi.dirs.app.root, FILE),
      path.resolve(__dirname, '..', '..', '..', '..', FILE), // cms/src/api/directory/controllers
      path.resolve(__dirname, '..', '..', '..', '..', '..', FILE), // cms/dist/src/api/directory/controllers
    ];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) throw new Error(`OpenAPI document not found (looked in ${candidates.join(', ')})`);
    cached = new Representation(fs.readFileSync(file));
    return cached;
  };

  return {
    async document(ctx: Context) {
      sendRepresentation(ctx, load(), OPENAPI_CACHE_CONTROL);
    },
  };
};
