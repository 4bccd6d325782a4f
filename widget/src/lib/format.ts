/**
 * Dates and times of the API, shown in the reader's language. ISO dates are calendar dates
 * (`2025-03-04`): they are formatted in UTC so that no time zone moves them to the day before.
 */

/** `2025-03-04` → "March 4, 2025" / "4 mars 2025"; anything unparsable is returned as is. */
export function formatDate(iso: string, tag: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const time = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' }).format(time);
}

/** `17:30` → "5:30 p.m." / "17 h 30"; anything unparsable is returned as is. */
export function formatTime(hhmm: string, tag: string): string {
  const m = /^(\d{1,2}):(\d{2})/.exec(hhmm);
  if (!m) return hhmm;
  const time = Date.UTC(1970, 0, 1, Number(m[1]), Number(m[2]));
  return new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(time);
}

/**
 * The day a service opens, said from where it is: `2026-12-04T09:00:00-05:00` → "tomorrow" /
 * "demain" (`Intl.RelativeTimeFormat`) when that is today or tomorrow on the service's own clock
 * (the offset it is written with), else the day's name ("Monday" / "lundi"); '' if unreadable.
 */
export function openingDay(iso: string, tag: string, now = Date.now()): string {
  const day = Date.parse(iso.slice(0, 10));
  // The offset: the wall time read as UTC, less the instant.
  const offset = Date.parse(`${iso.slice(0, 19)}Z`) - Date.parse(iso);
  if (Number.isNaN(day + offset)) return '';
  const days = (day - Date.parse(new Date(now + offset).toISOString().slice(0, 10))) / 864e5;
  return days < 2
    ? new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }).format(days, 'day')
    : new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' }).format(day);
}
