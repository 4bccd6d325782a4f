// The console page's calls to its API (src/console/routes.ts), through the admin's own fetch
// client (its session token), and the checks that turn each JSON answer into the shapes the
// server declares. A shape that does not check out is an error, never a half-drawn record.
import type { InternalOrganization, Locale } from '@referral-directory/sdk';
import type { ConsoleHit } from '../../console/search';
import type { CallView } from '../../console/call-view';
import type { PoliceLookup } from '../../console/police';
import { isRecord } from '../../workflow/values';

export const CONSOLE_API = '/referral-console';

export interface SearchAnswer {
  hits: ConsoleHit[];
  total: number;
  relaxed: boolean;
}
export type FilterChoices = Partial<Record<string, Array<{ value: string; label: string }>>>;

const isHit = (v: unknown): v is ConsoleHit =>
  isRecord(v) && typeof v.slug === 'string' && typeof v.name === 'string' && typeof v.status === 'string' && Array.isArray(v.warnings);

const isOrganization = (v: unknown): v is InternalOrganization =>
  isRecord(v) && v.audience === 'internal' && typeof v.slug === 'string' && typeof v.name === 'string' && Array.isArray(v.internalPhones);

const isCallView = (v: unknown): v is CallView =>
  isRecord(v) && isOrganization(v.organization) && Array.isArray(v.warnings) && typeof v.public === 'boolean';

const isPoliceLookup = (v: unknown): v is PoliceLookup =>
  isRecord(v) && isRecord(v.place) && typeof v.coverage === 'string' && Array.isArray(v.protocols);

class ShapeError extends Error {
  override name = 'ShapeError';
}

const dataOf = (body: unknown): unknown => (isRecord(body) ? body.data : undefined);

export function searchAnswer(body: unknown): SearchAnswer {
  const data = dataOf(body);
  const meta = isRecord(body) && isRecord(body.meta) ? body.meta : {};
  if (!Array.isArray(data) || !data.every(isHit)) throw new ShapeError('search');
  return { hits: data, total: typeof meta.total === 'number' ? meta.total : data.length, relaxed: meta.relaxed === true };
}

export function callViewAnswer(body: unknown): CallView {
  const data = dataOf(body);
  if (!isCallView(data)) throw new ShapeError('organization');
  return data;
}

export function policeAnswer(body: unknown): PoliceLookup {
  const data = dataOf(body);
  if (!isPoliceLookup(data)) throw new ShapeError('police');
  return data;
}

export function messageAnswer(body: unknown): string {
  const data = dataOf(body);
  if (!isRecord(data) || typeof data.text !== 'string') throw new ShapeError('message');
  return data.text;
}

export function filterChoices(body: unknown): FilterChoices {
  const data = dataOf(body);
  if (!isRecord(data)) throw new ShapeError('filters');
  const out: FilterChoices = {};
  for (const [name, values] of Object.entries(data)) {
    if (Array.isArray(values))
      out[name] = values.filter(
        (v): v is { value: string; label: string } => isRecord(v) && typeof v.value === 'string' && typeof v.label === 'string',
      );
  }
  return out;
}

/** The reasons a 400 gives (`near: unknown place …`), or null for any other failure. */
export function reasonsOf(error: unknown): string | null {
  const data = isRecord(error) && isRecord(error.response) ? error.response.data : null;
  const details = isRecord(data) && isRecord(data.error) && Array.isArray(data.error.details) ? data.error.details : [];
  const messages = details.filter(isRecord).map((d) => String(d.message ?? ''));
  return messages.length > 0 ? messages.join('; ') : null;
}

export interface SearchForm {
  q: string;
  place: string;
  timeframe: string[];
  need: string[];
  role: string;
  service: string;
  population: string;
  language: string;
  openNow: boolean;
  /** With openNow or openAt: drop the closed ones (otherwise they come after the open ones, marked). */
  openOnly: boolean;
  /** `HH:MM`, read as today's date at that local time in each organization's time zone. */
  openAt: string;
}

export const EMPTY_FORM: SearchForm = {
  q: '',
  place: '',
  timeframe: [],
  need: [],
  role: '',
  service: '',
  population: '',
  language: '',
  openNow: false,
  openOnly: false,
  openAt: '',
};

const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function searchQuery(form: SearchForm, locale: Locale, now = new Date()): string {
  const p = new URLSearchParams({ locale, pageSize: '50' });
  if (form.q.trim()) p.set('q', form.q.trim());
  if (form.place.trim()) p.set('near', form.place.trim());
  for (const t of form.timeframe) p.append('timeframe', t);
  for (const n of form.need) p.append('need', n);
  for (const key of ['role', 'service', 'population', 'language'] as const) if (form[key]) p.set(key, form[key]);
  if (form.openNow) p.set('openNow', 'true');
  else if (/^\d{2}:\d{2}$/.test(form.openAt)) p.set('openAt', `${localDay(now)}T${form.openAt}`);
  if (form.openOnly && (p.has('openNow') || p.has('openAt'))) p.set('openOnly', 'true');
  return p.toString();
}
