#!/usr/bin/env node
// Serves the example partner pages and the built widget on a local port, the way a partner's
// own web server would. Pages read the directory API URL from a meta tag this server fills in.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const widgetDist = join(here, '..', 'widget', 'dist');
const port = Number(process.env.EXAMPLES_PORT ?? 8080);
const apiUrl = process.env.DIRECTORY_API_URL ?? 'http://localhost:1337';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** The strict policy of pages/strict-csp.html: no inline script or style, requests only to the API. */
export function strictCsp(api) {
  return `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${new URL(api).origin}; img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

async function resolveFile(urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  if (clean.startsWith('/widget/')) return join(widgetDist, clean.slice('/widget/'.length));
  const file = join(here, 'pages', clean === '/' ? 'index.html' : clean);
  return file.startsWith(join(here, 'pages')) ? file : null;
}

export function createExamplesServer({ api = apiUrl } = {}) {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = await resolveFile(url.pathname);
      if (!file || !(await stat(file)).isFile()) throw Object.assign(new Error('not found'), { code: 'ENOENT' });
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
      };
      if (extname(file) === '.html') {
        body = Buffer.from(body.toString('utf8').replaceAll('__DIRECTORY_API_URL__', api));
        if (file.endsWith('strict-csp.html')) headers['Content-Security-Policy'] = strictCsp(api);
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  createExamplesServer().listen(port, () => console.log(`examples: http://localhost:${port}/ (API ${apiUrl})`));
}
