/**
 * Who is writing: the admin user, API token or user of the current request, or "system" when
 * there is no request (seed and export scripts, cron jobs).
 */
import type { Core } from '@strapi/strapi';
import { isRecord, text } from './values';

export type ActorType = 'admin' | 'api_token' | 'user' | 'public' | 'system';

export interface Actor {
  type: ActorType;
  id: string | null;
  name: string;
  email: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system', email: null };

const idOf = (v: unknown): string | null => (typeof v === 'number' || (typeof v === 'string' && v !== '') ? String(v) : null);

/** The actor described by a Koa `ctx.state` (as Strapi's auth strategies fill it). */
export function actorFromState(state: unknown): Actor {
  if (!isRecord(state)) return { ...SYSTEM_ACTOR, type: 'public', name: 'public' };
  const auth = isRecord(state.auth) ? state.auth : {};
  const strategy = isRecord(auth.strategy) ? text(auth.strategy.name) : null;
  const credentials = isRecord(auth.credentials) ? auth.credentials : {};
  if (strategy === 'api-token') {
    return {
      type: 'api_token',
      id: idOf(credentials.id),
      name: `API token ${text(credentials.name) ?? idOf(credentials.id) ?? ''}`.trim(),
      email: null,
    };
  }
  const user = isRecord(state.user) ? state.user : null;
  if (!user) return { type: 'public', id: null, name: 'public', email: null };
  const email = text(user.email);
  const fullName = [text(user.firstname), text(user.lastname)].filter(Boolean).join(' ');
  const name = fullName || text(user.username) || email || `user ${idOf(user.id) ?? ''}`.trim();
  return { type: strategy === 'admin' || strategy == null ? 'admin' : 'user', id: idOf(user.id), name, email };
}

export function currentActor(strapi: Core.Strapi): Actor {
  const ctx: unknown = strapi.requestContext.get();
  return isRecord(ctx) ? actorFromState(ctx.state) : SYSTEM_ACTOR;
}

/** Whether the current write comes from an HTTP request (admin or API) rather than a script. */
export const inRequest = (strapi: Core.Strapi): boolean => strapi.requestContext.get() != null;
