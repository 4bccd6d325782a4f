/**
 * What an import reads from a file, whatever its format (HSDS JSON or the CSV template): the
 * public part of one organization, in both languages, plus where each value came from (so a
 * problem is reported by row and column). Internal fields and listing state are never imported.
 */
import type { Schema } from '@strapi/strapi';
import type { PublicOrganization } from '@referral-directory/sdk';
import type { Pair } from './mapper';

export interface ImportText {
  name: string;
  otherNames: string[];
  description: string;
  eligibility: string | null;
  fees: string | null;
  hoursNotes: string | null;
  accessibility: string | null;
}

export interface ImportLocation {
  name: string | null;
  street: string | null;
  city: string;
  province: string;
  postalCode: string | null;
  confidential: boolean;
}
export interface ImportPhone {
  type: string;
  number: string;
  extension: string | null;
  labelEn: string | null;
  labelFr: string | null;
}

export interface ImportRecord {
  /** The key an import is idempotent by (stored as the organization's externalId). */
  externalId: string;
  /** The directory slug, when the file gives one. */
  slug: string | null;
  kind: string;
  role: string;
  en: ImportText;
  fr: ImportText;
  focusAreas: string[];
  services: string[];
  populations: string[];
  languages: string[];
  timeframes: string[];
  needs: string[];
  indirectOfferings: string[];
  ageMin: number | null;
  ageMax: number | null;
  national: boolean;
  /** `regionsFr`: one French name per region, in the same order (the English one where none is known). */
  serviceAreas: Array<{ province: string; regions: string[]; regionsFr: string[] }>;
  locations: ImportLocation[];
  phones: ImportPhone[];
  email: string | null;
  website: string | null;
  open24x7: boolean;
  openingHours: Array<{ day: string; opens: string; closes: string }>;
  /** YYYY-MM-DD: when the record was last verified (HSDS assured_date). */
  lastVerified: string | null;
  /** ISO timestamp: when the source last changed the record, if it says. */
  lastModified: string | null;
  /**
   * Parts the file does not describe at all (e.g. a service in an API list, without its nested
   * phones or locations): a new record takes the defaults (with a warning), an existing one keeps
   * its own. Absent from CSV rows: a template row describes everything.
   */
  absent?: AbsentPart[];
  /** HSDS ids the file gives the record (organization, services), lowercased: a record already here is matched by them too. */
  matchIds?: string[];
}

export type AbsentPart =
  | 'phones'
  | 'locations'
  | 'serviceAreas'
  | 'openingHours'
  | 'open24x7'
  | 'classification'
  | 'languages'
  | 'kind'
  | 'role'
  /** An organization without its service: the service's own text, ages and dates. */
  | 'serviceDetails';

/** The stored values of the parts a file left out (see `ImportRecord.absent`). */
export function keepAbsentParts(r: ImportRecord, current: ImportRecord): void {
  for (const part of r.absent ?? []) {
    switch (part) {
      case 'phones':
        r.phones = current.phones;
        break;
      case 'locations':
        r.locations = current.locations;
        break;
      case 'serviceAreas':
        r.serviceAreas = current.serviceAreas;
        r.national = current.national;
        break;
      case 'openingHours':
        r.openingHours = current.openingHours;
        break;
      case 'open24x7':
        r.open24x7 = current.open24x7;
        break;
      case 'classification':
        r.focusAreas = current.focusAreas;
        r.services = current.services;
        r.populations = current.populations;
        break;
      case 'languages':
        r.languages = current.languages;
        break;
      case 'kind':
        r.kind = current.kind;
        break;
      case 'serviceDetails':
        for (const l of ['en', 'fr'] as const) {
          const { eligibility, fees, hoursNotes, accessibility } = current[l];
          r[l] = { ...r[l], eligibility, fees, hoursNotes, accessibility };
        }
        r.ageMin = current.ageMin;
        r.ageMax = current.ageMax;
        if (current.lastVerified) r.lastVerified = current.lastVerified;
        break;
      case 'role':
        r.role = current.role;
        r.timeframes = current.timeframes;
        r.needs = current.needs;
        r.indirectOfferings = current.indirectOfferings;
        break;
    }
  }
}

/** The first field of a record whose text holds U+FFFD (a character lost by a wrong conversion), or null. */
export function replacementCharField(r: ImportRecord): string | null {
  const walk = (v: unknown, path: string): string | null => {
    if (typeof v === 'string') return v.includes('\uFFFD') ? path : null;
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) {
        const hit = walk(x, `${path}[${i}]`);
        if (hit) return hit;
      }
      return null;
    }
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const hit = walk(x, path ? `${path}.${k}` : k);
        if (hit) return hit;
      }
    }
    return null;
  };
  const { absent: _a, matchIds: _m, ...content } = r;
  return walk(content, '');
}

export interface ImportProblem {
  /** Spreadsheet row (CSV, the header is row 1) or record number (JSON, from 1). */
  row: number;
  /** CSV column name, or JSON path within the record. */
  column: string;
  message: string;
}

/** A taxonomy term (or language) a file defines, with its labels. */
export interface TermDefinition {
  code: string;
  labelEn: string;
  labelFr: string;
}

export interface ParsedRecord {
  row: number;
  /** Null only when the row cannot be read as a record at all. */
  record: ImportRecord | null;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  /** The file's column for a record field path (e.g. `phones[1].number` → `phone_2_number`). */
  columnOf(field: string): string;
}

export interface ParsedFile {
  format: 'csv' | 'hsds-json' | 'hsds-tabular';
  records: ParsedRecord[];
  /** Problems with the file as a whole (row 0): syntax, missing header columns… */
  fileProblems: ImportProblem[];
  /** What the report should say about the file as a whole (row 0): encoding or separator assumed… */
  fileWarnings?: ImportProblem[];
  /** Where record n came from (`labels[n - 1]`, e.g. `services.csv row 3`), when the record number alone does not say. */
  labels?: string[];
  /** Terms the file defines (HSDS JSON only), by taxonomy: focusAreas, services, populations, languages. */
  definitions: Record<'focusAreas' | 'services' | 'populations' | 'languages', Map<string, TermDefinition>>;
}

export const emptyDefinitions = (): ParsedFile['definitions'] => ({
  focusAreas: new Map(),
  services: new Map(),
  populations: new Map(),
  languages: new Map(),
});

/** The import record a public record pair amounts to (what an export of it should import as). */
export function recordFromPair(p: Pair, externalId = ''): ImportRecord {
  const text = (r: PublicOrganization): ImportText => ({
    name: r.name,
    otherNames: r.otherNames,
    description: r.description,
    eligibility: r.eligibility,
    fees: r.fees,
    hoursNotes: r.hours.notes,
    accessibility: r.accessibility,
  });
  const codes = (l: Array<{ code: string }>) => l.map((t) => t.code);
  const { en } = p;
  return {
    externalId,
    slug: en.slug,
    kind: en.kind,
    role: en.role,
    en: text(en),
    fr: text(p.fr),
    focusAreas: codes(en.focusAreas),
    services: codes(en.services),
    populations: codes(en.populations),
    languages: codes(en.languages),
    timeframes: [...en.timeframes],
    needs: [...en.needs],
    indirectOfferings: [...en.indirectOfferings],
    ageMin: en.ageRange.min,
    ageMax: en.ageRange.max,
    national: en.national,
    serviceAreas: en.serviceAreas.map((a, k) => ({
      province: a.province,
      regions: [...a.regions],
      regionsFr: frenchRegions(a.regions, p.fr.serviceAreas[k]?.regions ?? []),
    })),
    locations: en.locations.map((l) => ({ ...l })),
    phones: en.phones.map((ph, i) => ({
      type: ph.type,
      number: ph.number,
      extension: ph.extension,
      labelEn: ph.label,
      labelFr: p.fr.phones[i]?.label ?? null,
    })),
    email: en.email,
    website: en.website,
    open24x7: en.hours.open24x7,
    openingHours: en.hours.schedule.map((h) => ({ ...h })),
    lastVerified: en.lastVerified,
    lastModified: en.updatedAt || null,
  };
}

/** The public content of a record, for comparisons (no key, no source timestamp; term order ignored). */
export function contentOf(r: ImportRecord): unknown {
  const sorted = (l: string[]) => [...l].sort();
  const { externalId: _k, lastModified: _m, slug: _s, absent: _a, matchIds: _i, ...rest } = r;
  return {
    ...rest,
    focusAreas: sorted(r.focusAreas),
    services: sorted(r.services),
    populations: sorted(r.populations),
    languages: sorted(r.languages),
    timeframes: sorted(r.timeframes),
    needs: sorted(r.needs),
    indirectOfferings: sorted(r.indirectOfferings),
  };
}

/** French region names, one per English name in the same order (the English name where none is known). */
export function frenchRegions(en: readonly string[], fr: readonly string[]): string[] {
  return fr.length === en.length ? [...fr] : [...en];
}

// The stored parts an import writes are tied to Strapi's generated component types: a field named
// here that its component lacks fails the type check.
type Assert<T extends never> = T;
type NotIn<Part, Component> = Exclude<keyof Part, keyof Component>;
export type ImportPartsMatchTheSchemas = [
  Assert<NotIn<ImportLocation, Schema.Component<'directory.location'>['attributes']>>,
  Assert<NotIn<ImportPhone, Schema.Component<'directory.phone'>['attributes']>>,
  Assert<NotIn<ImportRecord['openingHours'][number], Schema.Component<'directory.opening-hours'>['attributes']>>,
  Assert<NotIn<ImportRecord['serviceAreas'][number], Schema.Component<'directory.service-area'>['attributes']>>,
];
