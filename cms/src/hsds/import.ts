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
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import type { Locale } from '@referral-directory/sdk';
import { serviceComponents, toPublicOrganization } from '../directory/mapper';
import { projectionOf } from '../directory/services';
import { ORGANIZATION_POPULATE, type OrganizationRow, type TermRow } from '../directory/rows';
import { hsdsId } from '../hsds/ids';
import { csvObjects, CsvSyntaxError } from '../hsds/csv';
import { decodeFile, detectDelimiter, DELIMITER_NAMES } from '../hsds/encoding';
import {
  contentOf, emptyDefinitions, keepAbsentParts, recordFromPair, replacementCharField,
  type ImportLocation, type ImportProblem, type ImportRecord, type ParsedFile, type TermDefinition,
} from '../hsds/record';
import { parseHsdsDocuments, parseHsdsJson } from '../hsds/reverse';
import { documentsOfTables, tableNameOf, type TableRows } from '../hsds/tabular-read';
import { parseTemplateCsv } from '../hsds/template';
import { HSDS_TAXONOMIES } from '../hsds/vocab';
import { LOCALES } from '../workflow/bilingual';
import { slugify, uniqueSlug } from '../workflow/slug';
import { BulkCreateAudit } from '../workflow/audit-bulk';
import { DocumentCreator } from '../operations/bulk-create';
import { collectGarbage } from '../operations/memory';
import { documentTables } from '../operations/bulk-tables';
import type { Knex } from '../operations/bulk-write';
import { validateOrganization, type OrganizationFixture, type Taxonomies } from '../operations/fixtures';
import { TAXONOMY_UIDS } from '../operations/seed';
import { ORGANIZATION } from '../content-types';
import { documentInput } from '../document-input';

const ORG = ORGANIZATION;
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
  /** Where record n came from (`labels[n - 1]`), for a tabular package. */
  labels: string[] | null;
  /** How long reading, checking and writing took (wall and CPU), and the process's peak memory (resident set), for the report. */
  figures: { ms: number; cpuMs: number; peakMb: number } | null;
}

type Codes = Record<TaxonomyKey, Map<string, { id: number | null; documentId: string | null; labelEn: string; labelFr: string }>>;

async function loadCodes(strapi: Core.Strapi): Promise<Codes> {
  const out = {} as Codes;
  for (const key of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const rows = (await strapi.db.query(TAXONOMY_UIDS[key]).findMany({})) as TermRow[];
    out[key] = new Map(rows.map((r) => [r.code, { id: r.id, documentId: r.documentId, labelEn: r.labelEn, labelFr: r.labelFr }]));
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

const fileProblem = (format: ParsedFile['format'], message: string, row = 0, column = ''): ParsedFile =>
  ({ format, records: [], fileProblems: [{ row, column, message }], definitions: emptyDefinitions() });

/** A CSV file's records as objects, after finding its encoding and separator (warnings say what was assumed). */
function readCsv(file: string, warnings: ImportProblem[]): { rows: ReturnType<typeof csvObjects> | null; problem: ImportProblem | null } {
  const decoded = decodeFile(fs.readFileSync(file), 'csv');
  const name = path.basename(file);
  if (decoded.problem) return { rows: null, problem: { row: 0, column: '', message: `${name}: ${decoded.problem}` } };
  if (decoded.warning) warnings.push({ row: 0, column: '', message: `${name}: ${decoded.warning}` });
  const delimiter = detectDelimiter(decoded.text);
  if (delimiter !== ',') {
    warnings.push({ row: 0, column: '', message: `${name}: columns are separated by ${DELIMITER_NAMES[delimiter]}s (as Excel saves CSV in French locales): read that way` });
  }
  try {
    return { rows: csvObjects(decoded.text, delimiter), problem: null };
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: null, problem: { row: e.row, column: `column ${e.column}`, message: e.message.replace(/^row \d+, column \d+: /, '') } };
    throw e;
  }
}

/** An HSDS tabular package: a folder of HSDS CSV files, or its datapackage.json. */
function readTabular(target: string, codes: Codes): ParsedFile {
  const dir = fs.statSync(target).isDirectory() ? target : path.dirname(target);
  const warnings: ImportProblem[] = [];
  let files: string[] = [];
  const descriptor = path.join(dir, 'datapackage.json');
  try {
    const pkg = JSON.parse(fs.readFileSync(descriptor, 'utf8')) as { resources?: Array<{ path?: unknown; name?: unknown }> };
    files = (pkg.resources ?? []).map((r) => (typeof r.path === 'string' ? r.path : '')).filter(Boolean);
  } catch {
    // No descriptor (or not JSON): the folder's CSV files, by their HSDS names.
    files = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.csv'));
    if (fs.existsSync(descriptor)) warnings.push({ row: 0, column: '', message: 'datapackage.json is not JSON: the HSDS tables of the folder were read by their file names' });
  }
  const tables = new Map<string, TableRows>();
  for (const f of files) {
    const full = path.resolve(dir, f);
    // A descriptor names files inside its own folder only.
    if (path.relative(dir, full).startsWith('..') || path.isAbsolute(path.relative(dir, full))) return fileProblem('hsds-tabular', `datapackage.json names a file outside its folder: ${f}`);
    const table = tableNameOf(f);
    if (!table) { warnings.push({ row: 0, column: '', message: `${f}: not a table the directory imports: ignored` }); continue; }
    if (!fs.existsSync(full)) return fileProblem('hsds-tabular', `${f} is listed in datapackage.json but missing`);
    const { rows, problem } = readCsv(full, warnings);
    if (problem) return { ...fileProblem('hsds-tabular', problem.message, problem.row, problem.column ? `${f} ${problem.column}` : f), fileWarnings: warnings };
    tables.set(table, rows!.rows.map((r) => ({ row: r.row, values: r.values })));
  }
  if (!tables.has('service') && !tables.has('organization')) {
    return fileProblem('hsds-tabular', 'the package has neither services.csv nor organizations.csv: nothing to import');
  }
  const { documents, labels } = documentsOfTables(tables);
  const parsed = parseHsdsDocuments(documents, knownTermIds(codes), 'hsds-tabular');
  return { ...parsed, fileWarnings: [...warnings, ...(parsed.fileWarnings ?? [])], labels };
}

function readParsed(file: string, codes: Codes): ParsedFile {
  const ext = path.extname(file).toLowerCase();
  if (fs.statSync(file).isDirectory() || path.basename(file).toLowerCase() === 'datapackage.json') return readTabular(file, codes);
  const bytes = fs.readFileSync(file);
  const head = bytes.subarray(0, 64).toString('latin1').replace(/^\u00EF\u00BB\u00BF/, '').trimStart();
  const json = ext === '.json' || ext === '.ndjson' || (ext !== '.csv' && /^[[{]/.test(head));
  if (json) {
    const decoded = decodeFile(bytes, 'json');
    if (decoded.problem) return fileProblem('hsds-json', decoded.problem);
    return parseHsdsJson(decoded.text, knownTermIds(codes));
  }
  const warnings: ImportProblem[] = [];
  const { rows, problem } = readCsv(file, warnings);
  if (problem) return { ...fileProblem('csv', problem.message, problem.row, problem.column), fileWarnings: warnings };
  if (rows!.header.includes('id') && !rows!.header.includes('external_id')) {
    return fileProblem('csv', 'this looks like one table of an HSDS tabular package (it has an id column, not external_id): import the package\'s folder or its datapackage.json', 1, 'id');
  }
  const parsed = parseTemplateCsv(rows!);
  return { ...parsed, fileWarnings: [...warnings, ...(parsed.fileWarnings ?? [])] };
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

const IN_CHUNK = 200;

/** Every organization's keys, in one query: by external id, slug and the HSDS ids derived from the slug. */
async function existingOrganizations(strapi: Core.Strapi) {
  const rows = (await strapi.db.query(ORG).findMany({ select: ['documentId', 'slug', 'externalId', 'locale'] })) as Array<{ documentId: string; slug: string | null; externalId: string | null; locale: string }>;
  const byExternalId = new Map<string, { documentId: string; slug: string }>();
  const bySlug = new Map<string, { documentId: string; slug: string }>();
  const byHsdsId = new Map<string, { documentId: string; slug: string }>();
  const slugs = new Set<string>();
  for (const r of rows) {
    if (!r.slug) continue;
    const hit = { documentId: r.documentId, slug: r.slug };
    slugs.add(r.slug);
    if (r.externalId && !byExternalId.has(r.externalId)) byExternalId.set(r.externalId, hit);
    if (!bySlug.has(r.slug)) {
      bySlug.set(r.slug, hit);
      byHsdsId.set(hsdsId.organization(r.slug), hit);
      byHsdsId.set(hsdsId.service(r.slug), hit);
    }
  }
  return { byExternalId, bySlug, byHsdsId, slugs };
}

/** The draft rows (every locale, populated) of the given documents, by document id. */
async function draftRowsOf(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, OrganizationRow[]>> {
  const out = new Map<string, OrganizationRow[]>();
  for (let i = 0; i < documentIds.length; i += IN_CHUNK) {
    const rows = (await strapi.db.query(ORG).findMany({
      where: { documentId: { $in: documentIds.slice(i, i + IN_CHUNK) }, publishedAt: null }, populate: ORGANIZATION_POPULATE,
    })) as OrganizationRow[];
    for (const r of rows) (out.get(r.documentId) ?? out.set(r.documentId, []).get(r.documentId)!).push(r);
  }
  return out;
}

/** The latest change by an editor (admin or API token, not a script) of each given document. */
async function latestEditorChanges(strapi: Core.Strapi, documentIds: string[]): Promise<Map<string, { at: string; by: string }>> {
  const out = new Map<string, { at: string; by: string }>();
  for (let i = 0; i < documentIds.length; i += IN_CHUNK) {
    const rows = (await strapi.db.query(AUDIT).findMany({
      where: { targetDocumentId: { $in: documentIds.slice(i, i + IN_CHUNK) }, actorType: { $ne: 'system' } },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      select: ['targetDocumentId', 'occurredAt', 'actorName', 'actorType'],
    })) as Array<{ targetDocumentId: string; occurredAt: string | Date; actorName: string | null; actorType: string }>;
    for (const r of rows) {
      if (!out.has(r.targetDocumentId)) out.set(r.targetDocumentId, { at: new Date(r.occurredAt).toISOString(), by: r.actorName ?? r.actorType });
    }
  }
  return out;
}

function localized(r: ImportRecord, locale: Locale) {
  const t = r[locale];
  return {
    name: t.name, otherNames: t.otherNames.join('\n'), description: t.description, eligibility: t.eligibility,
    fees: t.fees, hoursNotes: t.hoursNotes, accessibility: t.accessibility,
  };
}

/** Public, shared (non-localized) fields only: internal fields and state are never written here. */
function shared(r: ImportRecord, ids: (key: TaxonomyKey, codes: string[]) => unknown[], locations: ImportLocation[]) {
  return {
    kind: r.kind, role: r.role,
    focusAreas: ids('focusAreas', r.focusAreas), services: ids('services', r.services),
    populations: ids('populations', r.populations), languages: ids('languages', r.languages),
    ...serviceComponents(r),
    ageMin: r.ageMin, ageMax: r.ageMax, national: r.national,
    serviceAreas: r.serviceAreas.map((a) => ({ province: a.province, regions: a.regions.join('\n'), regionsFr: a.regionsFr.join('\n') })),
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

/** The terms the file defines that the directory lacks, after the last of each vocabulary. */
async function addTerms(strapi: Core.Strapi, codes: Codes, newTerms: Array<{ key: TaxonomyKey; def: TermDefinition }>): Promise<void> {
  for (const k of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const terms = newTerms.filter((x) => x.key === k);
    if (terms.length === 0) continue;
    let order = Math.max(-1, ...((await strapi.db.query(TAXONOMY_UIDS[k]).findMany({ select: ['sortOrder'] })) as Array<{ sortOrder: number | null }>).map((r) => r.sortOrder ?? 0));
    for (const t of terms) {
      const doc = await strapi.documents(TAXONOMY_UIDS[k]).create({ data: { code: t.def.code, labelEn: t.def.labelEn, labelFr: t.def.labelFr, sortOrder: ++order } });
      codes[k].set(t.def.code, { id: typeof doc.id === 'number' ? doc.id : null, documentId: doc.documentId, labelEn: t.def.labelEn, labelFr: t.def.labelFr });
    }
  }
}

/** The organization's fields for one locale, with its terms as the Document Service takes them (document ids), the bulk writer (row ids) or the audit reads them (codes). */
function draftData(p: Plan, codes: Codes, locale: Locale, by: 'documentId' | 'id' | 'code'): Record<string, unknown> {
  const ids = (key: TaxonomyKey, list: string[]): unknown[] => (by === 'code'
    ? list.filter((c) => codes[key].has(c)).map((code) => ({ code }))
    : list.map((c) => codes[key].get(c)?.[by]).filter((x) => x != null));
  return { ...shared(p.record, ids, p.record.locations), ...localized(p.record, locale), slug: p.slug };
}

const CREATE_CHUNK = 250;
/** A full garbage collection after every GC_EVERY groups (src/operations/memory.ts says why). */
const GC_EVERY = 4;

/**
 * New organizations in bulk SQL (a few statements per 250 records, not ~10 Document Service
 * calls each), both locales, with the audit entries the Document Service path would record,
 * a group at a time. The workflow middlewares add nothing to a new under-review draft without
 * consent (no verification, consent or contact stamp applies), so nothing is skipped.
 */
async function createDrafts(
  strapi: Core.Strapi, trx: Knex, plans: Plan[], codes: Codes, statusNote: string, beforeWrite: ImportOptions['beforeWrite'],
): Promise<string[]> {
  const creator = new DocumentCreator(trx, documentTables(strapi, ORG));
  const audit = new BulkCreateAudit(strapi, trx);
  const documentIds: string[] = [];
  const state = { listingStatus: 'under_review', publicConsent: false, statusNote };
  for (let c = 0; c < plans.length; c += CREATE_CHUNK) {
    const chunk = plans.slice(c, c + CREATE_CHUNK);
    for (const p of chunk) await beforeWrite?.(p.record, p.index);
    const fields = (p: Plan, locale: Locale, by: 'id' | 'code') => ({ ...draftData(p, codes, locale, by), ...state, externalId: p.record.externalId });
    const created = await creator.create(chunk.map((p) => ({ rows: LOCALES.map((locale) => ({ locale, attributes: fields(p, locale, 'id') })) })));
    await audit.created(chunk.map((p, i) => ({
      documentId: created.documentIds[i]!, versions: new Map(LOCALES.map((locale) => [locale, fields(p, locale, 'code')])),
    })));
    if ((c / CREATE_CHUNK) % GC_EVERY === GC_EVERY - 1) collectGarbage();
    documentIds.push(...created.documentIds);
  }
  return documentIds;
}

/** Existing organizations get a new draft through the Document Service (workflow rules, audit diff). */
async function updateDrafts(strapi: Core.Strapi, plans: Plan[], codes: Codes, beforeWrite: ImportOptions['beforeWrite']): Promise<void> {
  const docs = strapi.documents(ORG);
  for (const p of plans) {
    await beforeWrite?.(p.record, p.index);
    for (const locale of LOCALES) await docs.update({ documentId: p.documentId!, locale, data: documentInput(ORG, draftData(p, codes, locale, 'documentId')) });
  }
}

type Valid = Array<{ row: number; record: ImportRecord }>;

function emptyReport(file: string, apply: boolean): ImportReport {
  return {
    file, format: 'unknown', apply, rows: 0, accepted: 0, rejectedRows: 0, problems: [], warnings: [],
    created: [], updated: [], unchanged: [], conflicts: [], newTerms: [], written: false, refused: null, labels: null, figures: null,
  };
}

/** Wall and CPU time since now, and the process's peak memory, when called. */
function stopwatch(): () => NonNullable<ImportReport['figures']> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: (used.user + used.system) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 };
  };
}

/** Every record checked (syntax problems from the parser, then the directory's rules); problems go to the report. */
function validateRecords(parsed: ParsedFile, codes: Codes, report: ImportReport): Valid {
  const taxonomies = taxonomiesFor(codes, parsed.definitions);
  const seenIds = new Map<string, number>();
  const seenSlugs = new Map<string, number>();
  const valid: Valid = [];
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
      const damaged = replacementCharField(r);
      if (damaged) rowProblems.push({ row: p.row, column: p.columnOf(damaged), message: 'holds the replacement character U+FFFD (\uFFFD): the text was damaged by a wrong conversion; fix it in the source file' });
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
  return valid;
}

/** The terms the file defines that the directory lacks, in an order every record's own list agrees with (HSDS JSON only). */
function newTermsOf(valid: Valid, codes: Codes, parsed: ParsedFile, report: ImportReport): Array<{ key: TaxonomyKey; def: TermDefinition }> {
  const newTerms: Array<{ key: TaxonomyKey; def: TermDefinition }> = [];
  for (const k of Object.keys(TAXONOMY_UIDS) as TaxonomyKey[]) {
    const lists = valid.map((v) => v.record[k].filter((c) => !codes[k].has(c) && parsed.definitions[k].has(c)));
    for (const code of agreedOrder(lists)) {
      newTerms.push({ key: k, def: parsed.definitions[k].get(code)! });
      report.newTerms.push({ taxonomy: TAXONOMY_NAME[k], code });
    }
  }
  return newTerms;
}

/** Each record matched to an existing organization (or a new slug), compared, and checked for newer editor changes. */
async function planRecords(strapi: Core.Strapi, valid: Valid, report: ImportReport, options: ImportOptions): Promise<Plan[] | null> {
  // Everything is looked up in a few queries for the whole file, not per record.
  const existing = await existingOrganizations(strapi);
  const plans: Plan[] = [];
  const slugTaken = async (s: string) => existing.slugs.has(s);
  const matched: Array<{ index: number; row: number; record: ImportRecord; documentId: string; slug: string }> = [];
  for (const [index, { row, record }] of valid.entries()) {
    const hit = existing.byExternalId.get(record.externalId)
      ?? (record.slug ? existing.bySlug.get(record.slug) : undefined)
      ?? (record.matchIds ?? []).map((id) => existing.byHsdsId.get(id)).find(Boolean);
    if (!hit) {
      const base = record.slug && !existing.slugs.has(record.slug) ? record.slug : slugify(record.en.name);
      const slug = await uniqueSlug(base, slugTaken);
      existing.slugs.add(slug);
      plans.push({ row, index, record, action: 'create', documentId: null, slug, editor: null });
      continue;
    }
    matched.push({ index, row, record, documentId: hit.documentId, slug: hit.slug });
  }
  const seenDocs = new Map<string, number>();
  for (const m of matched) {
    const other = seenDocs.get(m.documentId);
    if (other !== undefined) {
      report.problems.push({ row: m.row, column: '', message: `is the organization ${m.slug} already given by ${other === m.row ? 'this row' : `row/record ${other}`}: give each organization once` });
      report.rejectedRows++;
    }
    seenDocs.set(m.documentId, m.row);
  }
  if (report.problems.length > 0) {
    report.accepted -= report.rejectedRows;
    report.refused = `${report.rejectedRows} row(s) rejected: nothing is written`;
    return null;
  }
  const stored = await draftRowsOf(strapi, matched.map((m) => m.documentId));
  const editors = await latestEditorChanges(strapi, matched.map((m) => m.documentId));
  for (const { index, row, record, documentId, slug } of matched) {
    const rows = stored.get(documentId) ?? [];
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
    // What the file does not describe at all (a list-shaped record) stays as stored.
    keepAbsentParts(record, current);
    record.locations = keepConfidentialDetails(record.locations, storedLocations);
    const plan: Plan = { row, index, record, action: 'unchanged', documentId, slug, editor: null };
    if (!isDeepStrictEqual(contentOf(current), contentOf(record))) {
      plan.editor = editors.get(documentId) ?? null;
      const newer = plan.editor && (!record.lastModified || Date.parse(plan.editor.at) > Date.parse(record.lastModified) + CLOCK_SLACK_MS);
      plan.action = newer ? 'conflict' : 'update';
      if (newer) {
        report.conflicts.push({
          row, externalId: record.externalId, slug, editedAt: plan.editor!.at, editedBy: plan.editor!.by,
          fileModified: record.lastModified, overwritten: options.force === true,
        });
        if (options.force) plan.action = 'update';
      }
    }
    plans.push(plan);
  }
  plans.sort((a, b) => a.index - b.index);
  return plans;
}

function reportPlans(plans: Plan[], report: ImportReport): void {
  for (const p of plans) {
    const entry = { row: p.row, externalId: p.record.externalId, slug: p.slug };
    if (p.action === 'create') report.created.push(entry);
    else if (p.action === 'update') report.updated.push({ ...entry, replacesEditorChange: p.editor ? `${p.editor.by} on ${p.editor.at}` : null });
    else if (p.action === 'unchanged') report.unchanged.push(entry);
  }
}

/** Reads, checks and plans the file; with `apply`, writes it in one transaction. */
export async function importFile(strapi: Core.Strapi, file: string, options: ImportOptions): Promise<ImportReport> {
  const report = emptyReport(file, options.apply);
  const figures = stopwatch();
  const codes = await loadCodes(strapi);
  const parsed = readParsed(file, codes);
  report.format = parsed.format;
  report.labels = parsed.labels ?? null;
  report.problems.push(...parsed.fileProblems);
  report.warnings.push(...(parsed.fileWarnings ?? []));
  report.rows = parsed.records.length;

  const valid = validateRecords(parsed, codes, report);
  report.accepted = valid.length;
  if (report.problems.length > 0) {
    report.refused = `${report.rejectedRows} row(s) rejected${parsed.fileProblems.length ? ' and the file has problems' : ''}: nothing is written`;
    return report;
  }
  const newTerms = newTermsOf(valid, codes, parsed, report);
  const plans = await planRecords(strapi, valid, report, options);
  if (!plans) return report;
  reportPlans(plans, report);
  if (!options.apply) {
    report.figures = figures();
    return report;
  }

  // Apply: everything in one transaction.
  const now = options.now ?? new Date();
  const statusNote = `Imported from ${path.basename(file)} (${parsed.format}) on ${now.toISOString().slice(0, 10)}. Review, confirm consent, then publish.`;
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    await addTerms(strapi, codes, newTerms);
    const created = await createDrafts(strapi, trx, plans.filter((p) => p.action === 'create'), codes, statusNote, options.beforeWrite);
    // The bulk writes bypass the Document Service middleware that tells the catalog (src/index.ts):
    // tell it here, once the rows are committed (the staff view lists drafts at once; other
    // instances see the new row count at their next poll).
    onCommit(() => { for (const id of created) projectionOf(strapi).invalidate(ORG, id); });
    await updateDrafts(strapi, plans.filter((p) => p.action === 'update'), codes, options.beforeWrite);
  });
  report.written = true;
  report.figures = figures();
  return report;
}

/** The report as the lines the command prints. */
export function reportLines(r: ImportReport): string[] {
  const out: string[] = [];
  const csv = r.format === 'csv';
  const at = (row: number) => (csv ? `row ${row}` : r.labels?.[row - 1] ? `record ${row} (${r.labels[row - 1]})` : `record ${row}`);
  const where = (p: ImportProblem) => (p.row === 0 ? `file${p.column ? `, ${p.column}` : ''}` : `${at(p.row)}${p.column ? `, ${csv ? 'column' : 'field'} ${p.column}` : ''}`);
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
  if (r.figures) {
    const seconds = r.figures.ms / 1000;
    out.push(`import: ${r.rows} row(s) in ${seconds.toFixed(1)} s (${(r.rows / Math.max(seconds, 0.001)).toFixed(0)} rows/s; ${(r.figures.cpuMs / 1000).toFixed(1)} s of CPU), peak memory ${r.figures.peakMb.toFixed(0)} MB`);
  }
  const writes = r.created.length + r.updated.length + r.newTerms.length;
  if (r.written) out.push(writes > 0 ? 'import: written; editors review the drafts in the admin before publishing' : 'import: nothing to write: the directory already holds this content');

  else out.push(writes > 0 ? 'import: dry run: nothing written; run again with --apply to write the drafts' : 'import: dry run: nothing written (nothing would change)');
  return out;
}
