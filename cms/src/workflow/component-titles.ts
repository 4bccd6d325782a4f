/**
 * Titles of collapsed repeatable rows in the admin. The content manager (5.54) titles a row by
 * the raw value of its component's `mainField`, one field only: a row of opening hours would read
 * "mon", a contact attempt its ISO timestamp. So the rows whose title needs two fields or a label
 * carry a `summary` the workflow writes on every save (hidden from the form), in both languages:
 * hours "Monday / lundi 09:00–17:00", attempt "2026-12-03 · No answer / Pas de réponse", police
 * contact "Name · role (inactive / inactif)". Other rows are titled by one field (admin-views.ts).
 */
import { isoDay } from './dates';
import { VALUE_LABELS } from './value-labels';
import { isRecord, text } from './values';

export const SUMMARY = 'summary';

/** Component → the field its collapsed rows are titled by. */
export const COMPONENT_TITLES: Readonly<Record<string, string>> = {
  'directory.opening-hours': SUMMARY,
  'directory.contact-attempt': SUMMARY,
  'directory.police-contact': SUMMARY,
  'directory.location': 'city',
  'directory.phone': 'number',
  'directory.person': 'name',
};

type Row = Record<string, unknown>;

const both = (value: unknown): string | null => {
  const label = typeof value === 'string' ? VALUE_LABELS[value] : undefined;
  return label ? `${label.en} / ${label.fr}` : text(value);
};
const join = (parts: ReadonlyArray<string | null>, sep: string): string => parts.filter((p): p is string => !!p).join(sep);

export function hoursSummary(row: Row): string {
  const times = join([text(row.opens), text(row.closes)], '–');
  return join([both(row.day), times], ' ');
}

export function attemptSummary(row: Row, timeZone: string): string {
  const at = row.at instanceof Date ? row.at : typeof row.at === 'string' ? new Date(row.at) : null;
  const day = at && !Number.isNaN(at.getTime()) ? isoDay(at, timeZone) : null;
  return join([day, both(row.outcome)], ' · ');
}

export function policeContactSummary(row: Row): string {
  const who = join([text(row.name), text(row.role)], ' · ');
  return row.active === false ? `${who} (inactive / inactif)` : who;
}

/** A repeatable component's rows as written, each with its summary; null when the write does not set them. */
export function withSummaries(rows: unknown, summarize: (row: Row) => string): Row[] | null {
  if (!Array.isArray(rows)) return null;
  return rows.map((r: unknown) => (isRecord(r) ? { ...r, [SUMMARY]: summarize(r) } : r)).filter(isRecord);
}
