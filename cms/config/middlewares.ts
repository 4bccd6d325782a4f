import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => [
  'global::request-log',
  'strapi::errors',
  // Public directory edge (CORS *, size and rate limits, stable error body) before everything else.
  'global::directory-edge',
  // The built widget at /widget/… (CORS *, cross-origin, versioned and immutable), before the
  // security middleware, whose same-origin resource policy would keep partner pages from loading it.
  'global::widget-host',
  'strapi::security',
  {
    // Everything but the public directory: only the admin's own origin (and any listed), never *.
    name: 'strapi::cors',
    config: { origin: env.array('CORS_ORIGINS', [env('PUBLIC_URL', 'http://localhost:1337')]), credentials: true },
  },
  'strapi::query',
  'strapi::body',
  // Strapi's sessions, where this list puts them: after the edge (src/middlewares/session.ts).
  'global::session',
  'strapi::favicon',
  'strapi::public',
];
