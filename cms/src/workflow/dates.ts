/**
 * Review dates are calendar days (YYYY-MM-DD) in the hotline's time zone, not instants: a record
 * verified at 22:00 in Toronto was verified "today" there, whatever UTC says.
 */
export const DEFAULT_TIME_ZONE = 'America/Toronto';

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day of an instant in a time zone. */
export function isoDay(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** The day part of a stored date or datetime (a Date, or an ISO string), or null. */
export function dayOf(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** `day` plus (or minus) whole months; the 31st of a shorter month clamps to its last day. */
export function addMonths(day: string, months: number): string {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`not a day: ${day}`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${pad(month + 1)}-${pad(Math.min(Number(m[3]), last))}`;
}
