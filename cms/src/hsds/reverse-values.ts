/**
 * Reading loose HSDS values (from other tools' JSON or CSV): text, lists, provinces and times,
 * tolerant of the forms those tools write.
 */
import { PROVINCES } from '@referral-directory/sdk';
import { PROVINCE_LABELS } from '../directory/labels';
import { fold } from '../catalog/normalize';
import { WEEKDAY_TO_ICAL } from './vocab';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null;
export const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
export const strings = (v: unknown): string[] => {
  if (Array.isArray(v)) return v.map(str).filter((x): x is string => !!x);
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) {
      try {
        return strings(JSON.parse(t));
      } catch {
        /* not JSON: split below */
      }
    }
    return t
      .split(/[;,]/)
      .map((x) => x.trim())
      .filter(Boolean);
  }
  return [];
};

export const ICAL_TO_DAY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(WEEKDAY_TO_ICAL).map(([d, c]) => [c, d]));
const PROVINCE_BY_NAME = new Map<string, string>();
for (const p of PROVINCES) {
  PROVINCE_BY_NAME.set(fold(p), p);
  PROVINCE_BY_NAME.set(fold(PROVINCE_LABELS[p].en), p);
  PROVINCE_BY_NAME.set(fold(PROVINCE_LABELS[p].fr), p);
}
PROVINCE_BY_NAME.set('pq', 'QC');
PROVINCE_BY_NAME.set('nf', 'NL');
export const provinceOf = (v: unknown): string | null => (typeof v === 'string' ? (PROVINCE_BY_NAME.get(fold(v)) ?? null) : null);

/** `HH:MM` from `HH:MM`, `HH:MM:SS` or `H:MM`; null otherwise. `23:59[:59]` as a closing time is midnight. */
export function hhmm(v: unknown, closing = false): string | null {
  const m = typeof v === 'string' ? /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(v.trim()) : null;
  if (!m) return null;
  const t = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return closing && t === '23:59' ? '24:00' : t;
}
