/**
 * Serves the built widget (widget/dist) from the CMS itself, so the README's one-tag embed works
 * from any partner origin:
 *
 *   /widget/referral-directory.js           the latest build, cached 5 minutes (an alias)
 *   /widget/v<version>/referral-directory.js the same bytes, immutable, cached a year
 *   /widget/v<version>/integrity.json        the SRI hash of every file, for `integrity=`
 *
 * (and the same for `referral-directory.classic.js`). CORS `*` and `Cross-Origin-Resource-Policy:
 * cross-origin` (a module script from another origin is fetched in CORS mode), the JavaScript MIME
 * type, brotli or gzip as asked (compressed once, at load). The files are read at the first request
 * that finds them: a CMS started before the widget was built answers 503 with what to do, and serves
 * the widget once it is built (restart the CMS to serve a newer build).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { Representation } from '../directory/compression';
import { sendRepresentation } from '../directory/http';
import { DirectoryHttpError, notFound } from '../directory/errors';
import { SECURITY_HEADERS } from './directory-edge';

const PREFIX = '/widget/';
const LATEST_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=60';
const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.map': 'application/json; charset=utf-8' };

interface WidgetFile {
  rep: Representation;
  type: string;
  integrity: string;
}
interface WidgetBuild {
  dir: string;
  version: string;
  files: Map<string, WidgetFile>;
  integrity: Representation;
}

/** Where the built widget is: WIDGET_DIST_DIR, or widget/dist beside the cms folder. */
export const widgetDistDir = (appRoot: string): string =>
  process.env.WIDGET_DIST_DIR ? path.resolve(appRoot, process.env.WIDGET_DIST_DIR) : path.resolve(appRoot, '..', 'widget', 'dist');

/** Reads a build: its files (compressed now, once), its version (widget/package.json) and SRI hashes. Null when there is none. */
export function loadWidgetBuild(dir: string): WidgetBuild | null {
  const pkgFile = path.join(dir, '..', 'package.json');
  if (!fs.existsSync(dir) || !fs.existsSync(pkgFile)) return null;
  const pkg: unknown = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string' ? pkg.version : null;
  if (!version) return null;
  const files = new Map<string, WidgetFile>();
  for (const name of fs.readdirSync(dir).sort()) {
    const type = TYPES[path.extname(name)];
    const file = path.join(dir, name);
    if (!type || !fs.statSync(file).isFile()) continue;
    const bytes = fs.readFileSync(file);
    const rep = new Representation(bytes, 11);
    rep.bytes('br');
    rep.bytes('gzip');
    files.set(name, { rep, type, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` });
  }
  if (![...files.keys()].some((n) => n.endsWith('.js'))) return null;
  const manifest = {
    version,
    files: Object.fromEntries(
      [...files]
        .filter(([n]) => n.endsWith('.js'))
        .map(([name, f]) => [name, { url: `${PREFIX}v${version}/${name}`, integrity: f.integrity }]),
    ),
  };
  return { dir, version, files, integrity: new Representation(`${JSON.stringify(manifest, null, 2)}\n`) };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let build: WidgetBuild | null = null;

  const fail = (ctx: Context, error: DirectoryHttpError) => error.respond(ctx);

  return async (ctx: Context, next: Next) => {
    if (!ctx.path.startsWith(PREFIX)) return next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) ctx.set(k, v);
    ctx.set('Access-Control-Allow-Origin', '*');
    try {
      if (ctx.method === 'OPTIONS') {
        ctx.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
        ctx.set('Access-Control-Max-Age', '86400');
        ctx.status = 204;
        return;
      }
      if (ctx.method !== 'GET' && ctx.method !== 'HEAD') {
        throw new DirectoryHttpError(405, 'MethodNotAllowedError', 'Method not allowed', [], { Allow: 'GET, HEAD, OPTIONS' });
      }
      const dir = widgetDistDir(strapi.dirs.app.root);
      if (build?.dir !== dir) build = loadWidgetBuild(dir);
      if (!build) {
        throw new DirectoryHttpError(
          503,
          'ServiceUnavailableError',
          'The widget is not built on this server: run `npm run build` (or set WIDGET_DIST_DIR), then restart the CMS',
        );
      }
      const rest = ctx.path.slice(PREFIX.length);
      const versioned = /^v([^/]+)\/([^/]+)$/.exec(rest);
      if (versioned && versioned[1] !== build.version) throw notFound();
      const name = versioned ? versioned[2]! : rest;
      const cacheControl = versioned ? IMMUTABLE_CACHE_CONTROL : LATEST_CACHE_CONTROL;
      if (name === 'integrity.json') return sendRepresentation(ctx, build.integrity, cacheControl);
      const file = build.files.get(name);
      if (!file) throw notFound();
      sendRepresentation(ctx, file.rep, cacheControl, file.type);
    } catch (error: unknown) {
      if (error instanceof DirectoryHttpError) return fail(ctx, error);
      strapi.log.error(`widget: ${ctx.method} ${ctx.path} failed: ${error instanceof Error ? error.message : String(error)}`);
      return fail(ctx, new DirectoryHttpError(500, 'InternalServerError', 'Something went wrong'));
    } finally {
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      ctx.set('Vary', 'Accept-Encoding');
    }
  };
};
