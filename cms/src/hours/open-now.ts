/**
 * Open now / open at: from an organization's weekly schedule as stored (`day`, `opens`, `closes`,
 * wall-clock times of its location) and whether it is open 24/7, at a wall-clock time in the
 * location's time zone. Ranges may run past midnight (`20:00`–`02:00` is open until 2 a.m. the
 * next day, Sunday night into Monday included); `closes: 24:00` is midnight. Times are wall-clock
 * times, so daylight saving needs no special case except when an answer falls in the hour that
 * does not exist (it is moved to when the clock reads past it) or happens twice (the first).
 */
import type { OpeningHours, Weekday } from '@referral-directory/sdk';
import { WEEKDAYS } from '@referral-directory/sdk';

export interface WeeklyHours {
  open24x7: boolean;
  schedule: readonly OpeningHours[];
}

/** A wall-clock moment: local date and minutes since local midnight. */
export interface WallTime {
  date: string;
  minutes: number;
}

/**
 * `now` and, while open, `until` (absent when it never closes), or, while closed, `opensAt`;
 * both local date-times with their UTC offset (`2026-12-03T17:00:00-05:00`).
 */
export type OpenState = { now: true; until?: string } | { now: false; opensAt: string };

const DAY = 1440;
const WEEK = 7 * DAY;
const HH_MM = /^([01]\d|2[0-4]):([0-5]\d)$/;

const minutesOf = (hhmm: string): number | null => {
  const m = HH_MM.exec(hhmm);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return minutes <= DAY ? minutes : null;
};

/** Monday = 0 … Sunday = 6, of a `YYYY-MM-DD` date. */
function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Open intervals in minutes from Monday 00:00, unrolled over three weeks and merged. */
function intervals(hours: WeeklyHours): Array<[number, number]> {
  if (hours.open24x7) return [[-WEEK, 2 * WEEK]];
  const raw: Array<[number, number]> = [];
  for (const h of hours.schedule) {
    const day = WEEKDAYS.indexOf(h.day as Weekday);
    const opens = minutesOf(h.opens);
    const closes = minutesOf(h.closes);
    if (day < 0 || opens === null || closes === null || opens >= DAY) continue;
    const start = day * DAY + opens;
    // A range that closes at or before it opens runs past midnight; 00:00–00:00 is the whole day.
    const end = day * DAY + (closes > opens ? closes : closes + DAY);
    for (const shift of [-WEEK, 0, WEEK]) raw.push([start + shift, end + shift]);
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of raw) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface WallParts {
  date: string;
  minutes: number;
  wallMs: number;
}

/**
 * Answers by time zone and instant. formatToParts is slow, one open state asks for about ten, and
 * a page of results asks for the same few instants again and again (now, the usual opening
 * times): 145 µs → 20 µs per open state. Cleared when full, so odd input cannot grow it without end.
 */
const wallMemo = new Map<string, WallParts>();
const WALL_MEMO_MAX = 20_000;

function wallParts(epochMs: number, timeZone: string): WallParts {
  const key = `${timeZone} ${epochMs}`;
  const known = wallMemo.get(key);
  if (known) return known;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const minutes = Number(parts.hour) * 60 + Number(parts.minute);
  const wallMs = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000 + Number(parts.second) * 1000;
  if (wallMemo.size >= WALL_MEMO_MAX) wallMemo.clear();
  const answer = { date, minutes, wallMs };
  wallMemo.set(key, answer);
  return answer;
}

/** The wall-clock time at an instant in a time zone. */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const { date, minutes } = wallParts(instant.getTime(), timeZone);
  return { date, minutes };
}

/** Offset from UTC, in minutes, at an instant. */
const offsetAt = (epochMs: number, timeZone: string): number =>
  Math.round((wallParts(epochMs, timeZone).wallMs - Math.floor(epochMs / 1000) * 1000) / 60_000);

/** The instant a wall-clock time names: the first of two in the repeated hour, the clock's jump in the missing one. */
function instantOf(wall: WallTime, timeZone: string): number {
  const asUtc = Date.parse(`${wall.date}T00:00:00Z`) + wall.minutes * 60_000;
  const first = asUtc - offsetAt(asUtc, timeZone) * 60_000;
  const candidates = [asUtc - offsetAt(first, timeZone) * 60_000, first]
    .filter((t) => asUtc - offsetAt(t, timeZone) * 60_000 === t)
    .sort((a, b) => a - b);
  return candidates[0] ?? Math.max(first, asUtc - offsetAt(first, timeZone) * 60_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-03T17:00:00-05:00`: the wall time the clock shows then, with its offset. */
function formatLocal(epochMs: number, timeZone: string): string {
  const { date, minutes } = wallParts(epochMs, timeZone);
  const offset = offsetAt(epochMs, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Week minutes relative to `wall`'s Monday → a wall time. */
function wallAtWeekMinute(wall: WallTime, weekMinute: number): WallTime {
  const days = Math.floor(weekMinute / DAY) - weekdayIndex(wall.date);
  return { date: addDays(wall.date, days), minutes: ((weekMinute % DAY) + DAY) % DAY };
}

/**
 * Whether the schedule is open at a wall-clock time in `timeZone`, and until or from when;
 * null when there is nothing to go on (no schedule and not 24/7).
 */
export function openState(hours: WeeklyHours, wall: WallTime, timeZone: string): OpenState | null {
  const spans = intervals(hours);
  if (spans.length === 0) return null;
  const m = weekdayIndex(wall.date) * DAY + wall.minutes;
  const current = spans.find(([s, e]) => s <= m && m < e);
  if (current) {
    // Open across the whole unrolled range: it never closes.
    if (current[1] - current[0] >= 2 * WEEK) return { now: true };
    return { now: true, until: formatLocal(instantOf(wallAtWeekMinute(wall, current[1]), timeZone), timeZone) };
  }
  const next = spans.find(([s]) => s > m);
  if (!next) return null;
  return { now: false, opensAt: formatLocal(instantOf(wallAtWeekMinute(wall, next[0]), timeZone), timeZone) };
}

/** Whether a schedule is open at an instant, in the zone of the location. */
export function openAtInstant(hours: WeeklyHours, instant: Date, timeZone: string): OpenState | null {
  return openState(hours, wallTimeAt(instant, timeZone), timeZone);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * `openAt=2026-12-03T23:00`: a local date-time without offset, read in each location's own zone
 * ("open at 11 p.m. wherever the service is"). Null when it is not one (a real date, 00:00–23:59).
 */
export function parseLocalDateTime(text: string): WallTime | null {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined) return null;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  if (h > 23 || mi > 59 || addDays(date, 0) !== date) return null;
  return { date, minutes: h * 60 + mi };
}
