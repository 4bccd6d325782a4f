/**
 * The app's logger. Level from STRAPI_LOG_LEVEL (tests use `error`): a level keeps its own lines and
 * every more severe one, so errors are written whatever the setting. Every entry is one line (a
 * stack or a multi-line message included) and timed in ISO 8601 local time with its offset, the
 * same in both modes: JSON lines in production, coloured text otherwise.
 */
import { winston } from '@strapi/logger';

const LEVELS = ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'];
const production = process.env.NODE_ENV === 'production';
const fallback = production ? 'http' : 'info';
const wanted = process.env.STRAPI_LOG_LEVEL ?? fallback;
const level = LEVELS.includes(wanted) ? wanted : fallback;

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** `2026-12-03T17:59:07.123-05:00`: local time, 24-hour clock, with the offset from UTC. */
export function isoLocalTime(d = new Date()): string {
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/** Folds a multi-line message (and an error's stack) into one line, so an entry is a line. */
const oneLine = winston.format((info) => {
  const stack = typeof info.stack === 'string' ? info.stack : '';
  const message = String(info.message ?? '');
  // An error's stack starts with its message: keep the frames only.
  const frames = stack
    .split('\n')
    .slice(1)
    .map((s) => s.trim())
    .filter(Boolean);
  info.message = [message, ...frames].join(' ⏎ ').replace(/\s*\r?\n\s*/g, ' ⏎ ');
  delete info.stack;
  return info;
});

const common = [winston.format.errors({ stack: true }), oneLine(), winston.format.timestamp({ format: () => isoLocalTime() })];

const format = production
  ? winston.format.combine(...common, winston.format.json())
  : winston.format.combine(
      ...common,
      winston.format.colorize(),
      winston.format.printf(({ level: l, message, timestamp }) => `[${String(timestamp)}] ${l}: ${String(message)}`),
    );

export default {
  level,
  format,
  transports: [new winston.transports.Console({ level })],
};
