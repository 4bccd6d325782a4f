/**
 * Import of organizations from the bilingual CSV template or HSDS JSON, as DRAFTS for editors.
 *
 * - Dry run unless `apply`: the report says what would happen; nothing is written.
 * - A file with any rejected row (or a file-level problem) writes nothing at all, even with apply.
 * - With apply, every write happens in one transaction: if one fails, none is kept.
 * - Idempotent by external id (the organization's `externalId`; `hsds:<organization id>` for HSDS
 *   JSON, the `external_id` column for CSV). A record of the directory's own export is also found
 *   by its slug. A record whose content is already there is left alone.
 * - New organizations are drafts: `under_review`, no public consent, never published. Existing
 *   ones get a new draft (their published version stays until an editor publishes). Internal
 *   fields and listing state of an existing record are never touched; a confidential site keeps
 *   its stored street and name.
 * - An editor's change (admin, API token) made after the file's version of a record
 *   (`last_modified`), or any editor change when the file gives no date, is not overwritten:
 *   the record is skipped and reported, unless `force` (then the report says it was overwritten).
 */
import { serviceComponents } from '../../src/directory/mapper';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import type { Locale } from '@referral-directory/sdk';
import { toPublicOrganization } from '../../src/directory/mapper';
import { ORGANIZATION_POPULATE, type OrganizationRow, type TermRow } from '../../src/directory/rows';
import { hsdsId } from '../../src/hsds/ids';
import {
  contentOf, recordFromPair, type ImportLocation, type ImportProblem, type ImportRecord, type ParsedFile, type TermDefinition,
} from '../../src/hsds/record';
import { parseHsdsJson } from '../../src/hsds/reverse';
import { parseTemplateCsv } from '../../src/hsds/template';
import { HSDS_TAXONOMIES } from '../../src/hsds/vocab';
import { slugify, uniqueSlug } from '../../src/workflow/slug';
import { validateOrganization, type OrganizationFixture, type Taxonomies } from './fixtures';
import { TAXONOMY_UIDS } from './seed';

const ORG = 'api::organization.organization';
const AUDIT = 'api::audit-entry.audit-entry';
type TaxonomyKey = keyof typeof TAXONOMY_UIDS;
const TAXONOMY_NAME: Record<TaxonomyKey, string> = { focusAreas: 'focus_area', services: 'service_category', populations: 'population', languages: 'language' };
/** An editor change this close to the file's own timestamp is the same change (publishing stamps both). */
const CLOCK_SLACK_MS = 5000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ImportOptions {
  apply: boolean;
  force?: boolean;
  /** Called before each organization is written (tests use it to fail a write half-way). */
  beforeWrite?: (record: ImportRecord, index: number) => void | Promise<void>;
  now?: Date;
}

export interface Conflict {
  row: number;
  externalId: string;
  slug: string;
  editedAt: string;
  editedBy: string;
  fileModified: string | null;
  overwritten: boolean;
}

export interface ImportReport {
  file: string;
  format: ParsedFile['format'] | 'unknown';
  apply: boolean;
  rows: number;
  accepted: number;
  rejectedRows: number;
  problems: ImportProblem[];
  warnings: ImportProblem[];
  created: Array<{ row: number; externalId: string; slug: string }>;
  updated: Array<{ row: number; externalId: string; slug: string; replacesEditorChange: string | null }>;
  unchanged: Array<{ row: number; externalId: string; slug: string }>;
  conflicts: Conflict[];
  newTerms: Array<{ taxonomy: string; code: string }>;
  /** True when the writes were committed. */
  written: boolean;
  /** Why nothing was written, when apply was asked and nothing was. */
  refused: string | null;
}

type Codes = Record<TaxonomyKey, Map<string, { documentId: string | null; labelEn: string; labelFr: string }>>;

async function loadCodes(strapi: Core.Strapi): Promise<Codes> {
  const out = {} as Codes;
  for (const key of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const rows = (await strapi.db.query(TAXONOMY_UIDS[key]).findMany({})) as TermRow[];
    out[key] = new Map(rows.map((r) => [r.code, { documentId: r.documentId, labelEn: r.labelEn, labelFr: r.labelFr }]));
  }
  return out;
}

/** The HSDS ids of the terms the directory has (its own deterministic ids), for files that link by id only. */
function knownTermIds(codes: Codes): Map<string, { key: TaxonomyKey; code: string }> {
  const m = new Map<string, { key: TaxonomyKey; code: string }>();
  for (const t of HSDS_TAXONOMIES) for (const code of codes[t.rowKey].keys()) m.set(hsdsId.taxonomyTerm(t.name, code), { key: t.rowKey, code });
  return m;
}

/** The record as a seed fixture, to reuse the seed's validation (same rules as every other write path). */
function asFixture(r: ImportRecord): OrganizationFixture {
  return {
    externalId: r.externalId, slug: r.slug ?? 'placeholder', kind: r.kind, role: r.role,
    en: r.en, fr: r.fr,
    focusAreas: r.focusAreas, services: r.services, populations: r.populations, languages: r.languages,
    timeframes: r.timeframes, needs: r.needs, indirectOfferings: r.indirectOfferings,
    ageMin: r.ageMin, ageMax: r.ageMax, national: r.national, serviceAreas: r.serviceAreas, locations: r.locations,
    phones: r.phones, email: r.email, website: r.website, open24x7: r.open24x7, openingHours: r.openingHours,
    internal: { designatedContact: null, keyStaff: [], internalPhones: [], internalEmail: null, referralProtocol: null, capacityNotes: null, safetyNotes: null, internalNotes: null },
    state: {
      listingStatus: 'under_review', published: false, publicConsent: false, consentAt: null, consentBy: null, removalReason: null, removedAt: null,
      statusNote: null, attestations: null, lastVerifiedAt: r.lastVerified, lastVerifiedBy: null, nextReviewDue: null, contactAttempts: [],
    },
  };
}

function taxonomiesFor(codes: Codes, defs: ParsedFile['definitions']): Taxonomies {
  const list = (k: TaxonomyKey) => {
    const all = new Map<string, { code: string; labelEn: string; labelFr: string }>();
    for (const [code, t] of codes[k]) all.set(code, { code, labelEn: t.labelEn, labelFr: t.labelFr });
    for (const [code, t] of defs[k]) if (!all.has(code)) all.set(code, t);
    return [...all.values()];
  };
  return { focusAreas: list('focusAreas'), services: list('services'), populations: list('populations'), languages: list('languages') };
}

/** Problems beyond the seed's rules: sizes the database refuses, slugs, keys. */
function extraProblems(r: ImportRecord): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (!r.externalId) out.push({ field: 'externalId', message: 'is required (the import is idempotent by it)' });
  else if (r.externalId.length > 255) out.push({ field: 'externalId', message: 'must be at most 255 characters' });
  for (const l of ['en', 'fr'] as const) if (r[l].name.length > 200) out.push({ field: `${l}.name`, message: 'must be at most 200 characters' });
  if (r.website && r.website.length > 500) out.push({ field: 'website', message: 'must be at most 500 characters' });
  if (r.slug != null && !SLUG.test(r.slug)) out.push({ field: 'slug', message: 'must be lowercase kebab-case (a-z, 0-9, hyphens)' });
  if (r.lastVerified != null && !/^\d{4}-\d{2}-\d{2}$/.test(r.lastVerified)) out.push({ field: 'lastVerified', message: 'must be a date YYYY-MM-DD' });
  return out;
}

function readParsed(file: string, text: string, codes: Codes): ParsedFile | null {
  const ext = path.extname(file).toLowerCase();
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (ext === '.csv' || (ext !== '.json' && ext !== '.ndjson' && !/^[[{]/.test(trimmed))) return parseTemplateCsv(text);
  if (ext === '.json' || ext === '.ndjson' || /^[[{]/.test(trimmed)) return parseHsdsJson(text, knownTermIds(codes));
  return null;
}

interface Plan {
  row: number;
  index: number;
  record: ImportRecord;
  action: 'create' | 'update' | 'unchanged' | 'conflict';
  documentId: string | null;
  slug: string;
  editor: { at: string; by: string } | null;
}

async function draftRows(strapi: Core.Strapi, documentId: string): Promise<OrganizationRow[]> {
  return (await strapi.db.query(ORG).findMany({ where: { documentId, publishedAt: null }, populate: ORGANIZATION_POPULATE })) as OrganizationRow[];
}

async function latestEditorChange(strapi: Core.Strapi, documentId: string): Promise<{ at: string; by: string } | null> {
  const rows = (await strapi.db.query(AUDIT).findMany({
    where: { targetDocumentId: documentId, actorType: { $ne: 'system' } }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], limit: 1,
  })) as Array<{ occurredAt: string | Date; actorName: string | null; actorType: string }>;
  const r = rows[0];
  if (!r) return null;
  return { at: new Date(r.occurredAt).toISOString(), by: r.actorName ?? r.actorType };
}

function localized(r: ImportRecord, locale: Locale) {
  const t = r[locale];
  return {
    name: t.name, otherNames: t.otherNames.join('\n'), description: t.description, eligibility: t.eligibility,
    fees: t.fees, hoursNotes: t.hoursNotes, accessibility: t.accessibility,
  };
}

/** Public, shared (non-localized) fields only: internal fields and state are never written here. */
function shared(r: ImportRecord, ids: (key: TaxonomyKey, codes: string[]) => string[], locations: ImportLocation[]) {
  return {
    kind: r.kind, role: r.role,
    focusAreas: ids('focusAreas', r.focusAreas), services: ids('services', r.services),
    populations: ids('populations', r.populations), languages: ids('languages', r.languages),
    ...serviceComponents(r),
    ageMin: r.ageMin, ageMax: r.ageMax, national: r.national,
    serviceAreas: r.serviceAreas.map((a) => ({ province: a.province, regions: a.regions.join('\n') })),
    locations: locations.map((l) => ({ ...l })),
    phones: r.phones.map((p) => ({ type: p.type, number: p.number, extension: p.extension, labelEn: p.labelEn, labelFr: p.labelFr })),
    email: r.email, website: r.website, open24x7: r.open24x7,
    openingHours: r.openingHours.map((h) => ({ ...h })),
    lastVerifiedAt: r.lastVerified,
  };
}

/** The codes of several ordered lists in one order consistent with each (ties: first seen first). */
export function agreedOrder(lists: string[][]): string[] {
  const seen: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const l of lists) {
    l.forEach((c, i) => {
      if (!after.has(c)) { after.set(c, new Set()); before.set(c, 0); seen.push(c); }
      const prev = l[i - 1];
      if (prev !== undefined && prev !== c && !after.get(prev)!.has(c)) { after.get(prev)!.add(c); before.set(c, before.get(c)! + 1); }
    });
  }
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < seen.length) {
    // The first code (in order seen) nothing still pending must precede; on a cycle, the first pending one.
    const next = seen.find((c) => !done.has(c) && before.get(c) === 0) ?? seen.find((c) => !done.has(c))!;
    done.add(next);
    out.push(next);
    for (const c of after.get(next)!) before.set(c, before.get(c)! - 1);
  }
  return out;
}

/** A confidential site from a file has only its city: keep the stored street and name of the same site. */
function keepConfidentialDetails(incoming: ImportLocation[], stored: ImportLocation[]): ImportLocation[] {
  const pool = stored.filter((l) => l.confidential);
  return incoming.map((l) => {
    if (!l.confidential || l.street) return l;
    const k = pool.findIndex((s) => s.city === l.city && s.province === l.province);
    if (k < 0) return l;
    const [match] = pool.splice(k, 1);
    return { ...match! };
  });
}

export async function importFile(strapi: Core.Strapi, file: string, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = {
    file, format: 'unknown', apply: options.apply, rows: 0, accepted: 0, rejectedRows: 0, problems: [], warnings: [],
    created: [], updated: [], unchanged: [], conflicts: [], newTerms: [], written: false, refused: null,
  };
  const text = fs.readFileSync(file, 'utf8');
  const codes = await loadCodes(strapi);
  const parsed = readParsed(file, text, codes);
  if (!parsed) {
    report.problems.push({ row: 0, column: '', message: 'unknown format: give a .csv (the import template) or a .json / .ndjson (HSDS services)' });
    report.refused = 'the file cannot be read';
    return report;
  }
  report.format = parsed.format;
  report.problems.push(...parsed.fileProblems);
  report.rows = parsed.records.length;

  // Validate every record (syntax problems from the parser, then the directory's rules).
  const taxonomies = taxonomiesFor(codes, parsed.definitions);
  const seenIds = new Map<string, number>();
  const seenSlugs = new Map<string, number>();
  const valid: Array<{ row: number; record: ImportRecord }> = [];
  for (const p of parsed.records) {
    report.warnings.push(...p.warnings);
    const rowProblems: ImportProblem[] = [...p.problems];
    if (p.record) {
      const r = p.record;
      for (const x of [...validateOrganization(asFixture(r), taxonomies), ...extraProblems(r)]) {
        if (x.field === 'slug' && r.slug == null) continue;
        rowProblems.push({ row: p.row, column: p.columnOf(x.field), message: x.message });
      }
      const dupId = seenIds.get(r.externalId);
      if (r.externalId && dupId !== undefined) rowProblems.push({ row: p.row, column: p.columnOf('externalId'), message: `repeats the external id of row ${dupId}` });
      else if (r.externalId) seenIds.set(r.externalId, p.row);
      const dupSlug = r.slug ? seenSlugs.get(r.slug) : undefined;
      if (r.slug && dupSlug !== undefined) rowProblems.push({ row: p.row, column: p.columnOf('slug'), message: `repeats the slug of row ${dupSlug}` });
      else if (r.slug) seenSlugs.set(r.slug, p.row);
    }
    if (rowProblems.length > 0 || !p.record) {
      report.rejectedRows++;
      const seen = new Set<string>();
      for (const x of rowProblems) {
        const key = `${x.row}|${x.column}`;
        if (!seen.has(key)) report.problems.push(x);
        seen.add(key);
      }
    } else {
      valid.push({ row: p.row, record: p.record });
    }
  }
  report.accepted = valid.length;
  if (report.problems.length > 0) {
    report.refused = `${report.rejectedRows} row(s) rejected${parsed.fileProblems.length ? ' and the file has problems' : ''}: nothing is written`;
    return report;
  }

  // Terms the file defines that the directory lacks (HSDS JSON only: the CSV must use known codes),
  // in an order every record's own list agrees with, so records list their terms as the source did.
  const newTerms: Array<{ key: TaxonomyKey; def: TermDefinition }> = [];
  for (const k of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const lists = valid.map((v) => v.record[k].filter((c) => !codes[k].has(c) && parsed.definitions[k].has(c)));
    for (const code of agreedOrder(lists)) {
      newTerms.push({ key: k, def: parsed.definitions[k].get(code)! });
      report.newTerms.push({ taxonomy: TAXONOMY_NAME[k], code });
    }
  }

  // Plan: match each record to an existing organization, compare, look for newer editor changes.
  const plans: Plan[] = [];
  const slugsTaken = new Set<string>();
  const slugTaken = async (s: string) => slugsTaken.has(s) || (await strapi.db.query(ORG).count({ where: { slug: s } })) > 0;
  for (const [index, { row, record }] of valid.entries()) {
    const docs = strapi.documents(ORG);
    let existing = await docs.findFirst({ locale: 'en', status: 'draft', filters: { externalId: record.externalId } as never, fields: ['documentId', 'slug'] as never }) as { documentId: string; slug: string } | null;
    if (!existing && record.slug) {
      existing = await docs.findFirst({ locale: 'en', status: 'draft', filters: { slug: record.slug } as never, fields: ['documentId', 'slug'] as never }) as { documentId: string; slug: string } | null;
    }
    if (!existing) {
      const base = record.slug && !(await slugTaken(record.slug)) ? record.slug : slugify(record.en.name);
      const slug = await uniqueSlug(base, slugTaken);
      slugsTaken.add(slug);
      plans.push({ row, index, record, action: 'create', documentId: null, slug, editor: null });
      continue;
    }
    const rows = await draftRows(strapi, existing.documentId);
    const row0 = (l: Locale) => rows.find((x) => x.locale === l) ?? rows[0]!;
    const current = recordFromPair({
      en: { ...toPublicOrganization(row0('en'), 'en'), locale: 'en' },
      fr: { ...toPublicOrganization(row0('fr'), 'fr'), locale: 'fr' },
    });
    // The hotline's own verification date is kept when it is more recent than the file's.
    if (current.lastVerified && (!record.lastVerified || current.lastVerified > record.lastVerified)) record.lastVerified = current.lastVerified;
    // Sites compare as stored (the public view hides a confidential street); a confidential site
    // the file gives by city only keeps its stored details.
    const storedLocations = (row0('en').locations ?? []).map((l) => ({
      name: l.name ?? null, street: l.street ?? null, city: l.city, province: l.province, postalCode: l.postalCode ?? null, confidential: l.confidential === true,
    }));
    current.locations = storedLocations;
    record.locations = keepConfidentialDetails(record.locations, storedLocations);
    const plan: Plan = { row, index, record, action: 'unchanged', documentId: existing.documentId, slug: existing.slug, editor: null };
    if (!isDeepStrictEqual(contentOf(current), contentOf(record))) {
      plan.editor = await latestEditorChange(strapi, existing.documentId);
      const newer = plan.editor && (!record.lastModified || Date.parse(plan.editor.at) > Date.parse(record.lastModified) + CLOCK_SLACK_MS);
      plan.action = newer ? 'conflict' : 'update';
      if (newer) {
        report.conflicts.push({
          row, externalId: record.externalId, slug: existing.slug, editedAt: plan.editor!.at, editedBy: plan.editor!.by,
          fileModified: record.lastModified, overwritten: options.force === true,
        });
        if (options.force) plan.action = 'update';
      }
    }
    plans.push(plan);
  }

  for (const p of plans) {
    const entry = { row: p.row, externalId: p.record.externalId, slug: p.slug };
    if (p.action === 'create') report.created.push(entry);
    else if (p.action === 'update') report.updated.push({ ...entry, replacesEditorChange: p.editor ? `${p.editor.by} on ${p.editor.at}` : null });
    else if (p.action === 'unchanged') report.unchanged.push(entry);
  }
  if (!options.apply) return report;

  // Apply: everything in one transaction.
  const now = options.now ?? new Date();
  const source = path.basename(file);
  await strapi.db.transaction(async () => {
    for (const k of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
      let order = Math.max(-1, ...((await strapi.db.query(TAXONOMY_UIDS[k]).findMany({ select: ['sortOrder'] })) as Array<{ sortOrder: number | null }>).map((r) => r.sortOrder ?? 0));
      for (const t of newTerms.filter((x) => x.key === k)) {
        const doc = await strapi.documents(TAXONOMY_UIDS[k]).create({ data: { code: t.def.code, labelEn: t.def.labelEn, labelFr: t.def.labelFr, sortOrder: ++order } as never });
        codes[k].set(t.def.code, { documentId: doc.documentId, labelEn: t.def.labelEn, labelFr: t.def.labelFr });
      }
    }
    const ids = (key: TaxonomyKey, list: string[]) => list.map((c) => codes[key].get(c)?.documentId).filter((x): x is string => !!x);
    const docs = strapi.documents(ORG);
    for (const p of plans) {
      if (p.action !== 'create' && p.action !== 'update') continue;
      await options.beforeWrite?.(p.record, p.index);
      const data = shared(p.record, ids, p.record.locations);
      if (p.action === 'create') {
        const created = await docs.create({
          locale: 'en',
          data: {
            ...data, ...localized(p.record, 'en'), slug: p.slug, externalId: p.record.externalId,
            listingStatus: 'under_review', publicConsent: false,
            statusNote: `Imported from ${source} (${parsed.format}) on ${now.toISOString().slice(0, 10)}. Review, confirm consent, then publish.`,
          } as never,
        });
        // Non-localized fields go with every locale (a new locale does not inherit the uid).
        await docs.update({ documentId: created.documentId, locale: 'fr', data: { ...data, ...localized(p.record, 'fr'), slug: p.slug, externalId: p.record.externalId } as never });
      } else {
        await docs.update({ documentId: p.documentId!, locale: 'en', data: { ...data, ...localized(p.record, 'en'), slug: p.slug } as never });
        await docs.update({ documentId: p.documentId!, locale: 'fr', data: { ...data, ...localized(p.record, 'fr'), slug: p.slug } as never });
      }
    }
  });
  report.written = true;
  return report;
}

/** The report as the lines the command prints. */
export function reportLines(r: ImportReport): string[] {
  const out: string[] = [];
  const where = (p: ImportProblem) => (p.row === 0 ? 'file' : `${r.format === 'csv' ? 'row' : 'record'} ${p.row}${p.column ? `, ${r.format === 'csv' ? 'column' : 'field'} ${p.column}` : ''}`);
  out.push(`import: ${r.file} (${r.format}, ${r.apply ? 'apply' : 'dry run'})`);
  out.push(`import: ${r.rows} row(s): ${r.accepted} accepted, ${r.rejectedRows} rejected`);
  for (const p of r.problems) out.push(`import: rejected ${where(p)}: ${p.message}`);
  for (const w of r.warnings) out.push(`import: warning ${where(w)}: ${w.message}`);
  if (r.refused) {
    out.push(`import: ${r.refused}`);
    return out;
  }
  const verb = r.written ? '' : 'would ';
  out.push(`import: ${verb}create ${r.created.length} draft(s) (under review, no public consent, unpublished), ${verb}update ${r.updated.length} draft(s), ${r.unchanged.length} unchanged`);
  for (const c of r.created) out.push(`import: ${verb}create ${c.slug} (row ${c.row}, ${c.externalId})`);
  for (const u of r.updated) out.push(`import: ${verb}update ${u.slug} (row ${u.row})${u.replacesEditorChange ? `, replacing changes by ${u.replacesEditorChange}` : ''}`);
  for (const c of r.conflicts) {
    out.push(`import: CONFLICT row ${c.row} (${c.slug}): changed by ${c.editedBy} on ${c.editedAt}, after this file's version (${c.fileModified ?? 'no date in the file'}): `
      + (c.overwritten ? 'OVERWRITTEN (--force)' : 'not overwritten; review it, or run again with --force to overwrite'));
  }
  if (r.newTerms.length) out.push(`import: ${verb}add taxonomy terms: ${r.newTerms.map((t) => `${t.taxonomy} ${t.code}`).join(', ')}`);
  const writes = r.created.length + r.updated.length + r.newTerms.length;
  if (r.written) out.push(writes > 0 ? 'import: written; editors review the drafts in the admin before publishing' : 'import: nothing to write: the directory already holds this content');
  else out.push(writes > 0 ? 'import: dry run: nothing written; run again with --apply to write the drafts' : 'import: dry run: nothing written (nothing would change)');
  return out;
}
