/**
 * Cookie sessions (koa-session, as Strapi's `strapi::session` sets them up), in their place in
 * config/middlewares.ts. Strapi's own middleware adds itself to the app when it is set up, so it
 * ran ahead of the whole list: every request made a session context and committed it, the public
 * reads the directory edge answers from memory included (a probe of the commits saw one per read).
 * This one is a handler of the list like the others, so those reads never reach it. What uses a session
 * (the users-permissions plugin's OAuth connect) goes through the router, after it, as before.
 */
import type { Core } from '@strapi/strapi';
import { createSession, type CreateSessionOptions } from 'koa-session';

/** Strapi's defaults (`@strapi/core` middlewares/session), which config may override. */
const DEFAULTS: CreateSessionOptions = {
  key: 'koa.sess',
  maxAge: 86_400_000,
  autoCommit: true,
  overwrite: true,
  httpOnly: true,
  signed: true,
  rolling: false,
  renew: false,
  secure: process.env.NODE_ENV === 'production',
};

export default (config: CreateSessionOptions | undefined, { strapi }: { strapi: Core.Strapi }) => {
  const keys = strapi.server.app.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.some((k) => !k)) throw new Error('Sessions need app keys (APP_KEYS)');
  return createSession({ ...DEFAULTS, ...config }, strapi.server.app);
};
