/**
 * The language of the person writing, for the messages the admin shows them: the admin language
 * chosen in their profile, else their browser's first choice between English and French, else
 * English (scripts and jobs).
 */
import type { Core } from '@strapi/strapi';
import { isRecord, text } from './values';

export type AdminLanguage = 'en' | 'fr';

/** The first of English or French in an Accept-Language header, by preference order. */
export function fromAcceptLanguage(header: unknown): AdminLanguage | null {
  if (typeof header !== 'string') return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? '1',
      );
      return { lang: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.lang === 'en' || x.lang === 'fr')
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked[0]?.lang;
  return first === 'en' || first === 'fr' ? first : null;
}

export function languageOf(ctx: unknown): AdminLanguage {
  if (!isRecord(ctx)) return 'en';
  const state = isRecord(ctx.state) ? ctx.state : {};
  const user = isRecord(state.user) ? state.user : {};
  const chosen = text(user.preferedLanguage)?.toLowerCase().split('-')[0];
  if (chosen === 'en' || chosen === 'fr') return chosen;
  const request = isRecord(ctx.request) ? ctx.request : {};
  const headers = isRecord(request.headers) ? request.headers : isRecord(ctx.headers) ? ctx.headers : {};
  return fromAcceptLanguage(headers['accept-language']) ?? 'en';
}

export const currentLanguage = (strapi: Core.Strapi): AdminLanguage => languageOf(strapi.requestContext.get());
