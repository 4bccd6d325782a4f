/**
 * Serves the committed OpenAPI document of the public directory API, byte for byte. The file is
 * read once, on first request, from the app root (`cms/openapi/`), whether Strapi runs from the
 * sources or from `cms/dist`. CORS and the error body come from middlewares/directory-edge.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { etagFor } from '../../../directory/http';

const FILE = path.join('openapi', 'directory.openapi.json');
const OPENAPI_CACHE_CONTROL = 'public, max-age=3600';

/**
 * Weak If-None-Match comparison, as directory/http does it. Not `ctx.fresh`: that refuses a 304
 * whenever the request says `Cache-Control: no-cache`, which fetch() adds to every conditional request.
 */
const matches = (ifNoneMatch: string, etag: string) =>
  ifNoneMatch.trim() === '*' ||
  ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { text: string; etag: string } | null = null;

  const load = () => {
    if (cached) return cached;
    const candidates = [
      path.resolve(strapi.dirs.app.root, FILE),
      path.resolve(__dirname, '..', '..', '..', '..', FILE), // cms/src/api/directory/controllers
      path.resolve(__dirname, '..', '..', '..', '..', '..', FILE), // cms/dist/src/api/directory/controllers
    ];
    const file = candidates.find((f) => fs.existsSync(f));
    if (!file) throw new Error(`OpenAPI document not found (looked in ${candidates.join(', ')})`);
    const text = fs.readFileSync(file, 'utf8');
    cached = { text, etag: etagFor(text, 'openapi') };
    return cached;
  };

  return {
    async document(ctx: Context) {
      const { text, etag } = load();
      ctx.set('Cache-Control', OPENAPI_CACHE_CONTROL);
      ctx.set('ETag', etag);
      if (matches(ctx.get('If-None-Match'), etag)) {
        ctx.status = 304;
        ctx.body = null;
        return;
      }
      ctx.type = 'application/json; charset=utf-8';
      ctx.status = 200;
      ctx.body = text;
    },
  };
};
