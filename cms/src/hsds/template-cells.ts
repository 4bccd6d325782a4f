/**
 * The cells of the CSV import template (template.ts) that are more than text, read as a
 * spreadsheet user writes them and written back the same way: yes/no in English or French, days
 * and times of opening hours, and service areas (`QC: Montréal, Laval; ON`) with their French names.
 */
import { provinceOf } from './reverse-values';

const DAYS: Record<string, string> = {
  mon: 'mon',
  monday: 'mon',
  lun: 'mon',
  lundi: 'mon',
  tue: 'tue',
  tuesday: 'tue',
  mar: 'tue',
  mardi: 'tue',
  wed: 'wed',
  wednesday: 'wed',
  mer: 'wed',
  mercredi: 'wed',
  thu: 'thu',
  thursday: 'thu',
  jeu: 'thu',
  jeudi: 'thu',
  fri: 'fri',
  friday: 'fri',
  ven: 'fri',
  vendredi: 'fri',
  sat: 'sat',
  saturday: 'sat',
  sam: 'sat',
  samedi: 'sat',
  sun: 'sun',
  sunday: 'sun',
  dim: 'sun',
  dimanche: 'sun',
};
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export const cell = (v: string | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());
export const splitList = (v: string | null, sep: RegExp = /[;,]/) =>
  v
    ? v
        .split(sep)
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

export function bool(v: string | null): boolean | null {
  if (v == null) return false;
  const t = v.toLowerCase();
  if (['yes', 'y', 'oui', 'o', 'true', 'vrai', '1', 'x'].includes(t)) return true;
  if (['no', 'n', 'non', 'false', 'faux', '0'].includes(t)) return false;
  return null;
}

function time(v: string): string | null {
  const m = /^(\d{1,2})(?::|h)(\d{2})$/i.exec(v.trim());
  if (!m) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** `mon-fri 09:00-17:00; sat 10:00-14:00` (English or French days, `h` or `:` in times, en dash allowed). */
export function parseHours(v: string | null): { hours: Array<{ day: string; opens: string; closes: string }>; error: string | null } {
  const hours: Array<{ day: string; opens: string; closes: string }> = [];
  for (const part of splitList(v, /;/)) {
    const m = /^([a-zéû]+)(?:\s*[-–]\s*([a-zéû]+))?\s+(\S+)\s*[-–]\s*(\S+)$/i.exec(part.replace(/\s+/g, ' '));
    const from = m ? DAYS[m[1]!.toLowerCase().replace(/\.$/, '')] : undefined;
    const to = m?.[2] ? DAYS[m[2].toLowerCase()] : from;
    const opens = m ? time(m[3]!) : null;
    const closes = m ? time(m[4]!) : null;
    if (!m || !from || !to || !opens || !closes)
      return { hours, error: `cannot read ${JSON.stringify(part)} (expected e.g. "mon-fri 09:00-17:00; sat 10:00-14:00")` };
    const a = WEEK.indexOf(from);
    const b = WEEK.indexOf(to);
    if (b < a) return { hours, error: `${JSON.stringify(part)}: the day range runs backwards` };
    for (let d = a; d <= b; d++) hours.push({ day: WEEK[d]!, opens, closes });
  }
  return { hours, error: null };
}

/** `QC: Montréal, Laval; ON` → [{QC, [Montréal, Laval]}, {ON, []}]. */
export function parseServiceAreas(v: string | null): { areas: Array<{ province: string; regions: string[] }>; error: string | null } {
  const areas: Array<{ province: string; regions: string[] }> = [];
  for (const part of splitList(v, /;/)) {
    const [head, rest] = part.split(/:(.*)/s);
    const province = provinceOf(head ?? '');
    if (!province)
      return {
        areas,
        error: `${JSON.stringify(head?.trim())} is not a province or territory (use AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT)`,
      };
    areas.push({ province, regions: splitList(rest ?? null, /,/) });
  }
  return { areas, error: null };
}

/**
 * The French names of the regions, from `service_areas_fr` (same layout as `service_areas`: the
 * same provinces in the same order, one French name per region). An empty cell: the English names.
 */
export function frenchRegions(
  areas: Array<{ province: string; regions: string[] }>,
  v: string | null,
): { names: string[][]; error: string | null } {
  if (v == null || v.trim() === '') return { names: areas.map((a) => [...a.regions]), error: null };
  const fr = parseServiceAreas(v);
  if (fr.error) return { names: [], error: fr.error };
  const same =
    fr.areas.length === areas.length &&
    fr.areas.every((a, k) => a.province === areas[k]!.province && a.regions.length === areas[k]!.regions.length);
  if (!same) {
    return {
      names: [],
      error:
        'must list the provinces of service_areas in the same order, with one French name per region / doit reprendre les provinces de service_areas dans le même ordre, un nom français par région',
    };
  }
  return { names: fr.areas.map((a) => a.regions), error: null };
}

export const areasCell = (areas: Array<{ province: string; regions: string[] }>): string =>
  areas.map((a) => (a.regions.length ? `${a.province}: ${a.regions.join(', ')}` : a.province)).join('; ');
