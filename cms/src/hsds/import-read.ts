/**
 * Reading and checking an import file (see import.ts): the CSV template, HSDS JSON or a tabular
 * HSDS package, each record checked by the directory's rules, and the new terms the file defines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { type TermRow } from '../directory/rows';
import { hsdsId } from './ids';
import { csvObjects, CsvSyntaxError } from './csv';
import { decodeFile, detectDelimiter, DELIMITER_NAMES } from './encoding';
import {
  emptyDefinitions,
  replacementCharField,
  type ImportProblem,
  type ImportRecord,
  type ParsedFile,
  type TermDefinition,
} from './record';
import { parseHsdsDocuments, parseHsdsJson } from './reverse';
import { documentsOfTables, tableNameOf, type TableRows } from './tabular-read';
import { parseTemplateCsv } from './template';
import { HSDS_TAXONOMIES } from './vocab';
import { validateOrganization, type OrganizationFixture, type Taxonomies } from '../operations/fixtures';
import { TAXONOMY_UIDS } from '../operations/seed';
import type { ImportReport } from './import-report';

export type TaxonomyKey = keyof typeof TAXONOMY_UIDS;
const TAXONOMY_NAME: Record<TaxonomyKey, string> = {
  focusAreas: 'focus_area',
  services: 'service_category',
  populations: 'population',
  languages: 'language',
};
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export type Codes = Record<TaxonomyKey, Map<string, { id: number | null; documentId: string | null; labelEn: string; labelFr: string }>>;

export async function loadCodes(strapi: Core.Strapi): Promise<Codes> {
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
  for (const t of HSDS_TAXONOMIES)
    for (const code of codes[t.rowKey].keys()) m.set(hsdsId.taxonomyTerm(t.name, code), { key: t.rowKey, code });
  return m;
}

/** The record as a seed fixture, to reuse the seed's validation (same rules as every other write path). */
function asFixture(r: ImportRecord): OrganizationFixture {
  return {
    externalId: r.externalId,
    slug: r.slug ?? 'placeholder',
    kind: r.kind,
    role: r.role,
    en: r.en,
    fr: r.fr,
    focusAreas: r.focusAreas,
    services: r.services,
    populations: r.populations,
    languages: r.languages,
    timeframes: r.timeframes,
    needs: r.needs,
    indirectOfferings: r.indirectOfferings,
    ageMin: r.ageMin,
    ageMax: r.ageMax,
    national: r.national,
    serviceAreas: r.serviceAreas,
    locations: r.locations,
    phones: r.phones,
    email: r.email,
    website: r.website,
    open24x7: r.open24x7,
    openingHours: r.openingHours,
    internal: {
      designatedContact: null,
      keyStaff: [],
      internalPhones: [],
      internalEmail: null,
      referralProtocol: null,
      capacityNotes: null,
      safetyNotes: null,
      internalNotes: null,
    },
    state: {
      listingStatus: 'under_review',
      published: false,
      publicConsent: false,
      consentAt: null,
      consentBy: null,
      removalReason: null,
      removedAt: null,
      statusNote: null,
      attestations: null,
      lastVerifiedAt: r.lastVerified,
      lastVerifiedBy: null,
      nextReviewDue: null,
      contactAttempts: [],
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
  for (const l of ['en', 'fr'] as const)
    if (r[l].name.length > 200) out.push({ field: `${l}.name`, message: 'must be at most 200 characters' });
  if (r.website && r.website.length > 500) out.push({ field: 'website', message: 'must be at most 500 characters' });
  if (r.slug != null && !SLUG.test(r.slug)) out.push({ field: 'slug', message: 'must be lowercase kebab-case (a-z, 0-9, hyphens)' });
  if (r.lastVerified != null && !/^\d{4}-\d{2}-\d{2}$/.test(r.lastVerified))
    out.push({ field: 'lastVerified', message: 'must be a date YYYY-MM-DD' });
  return out;
}

const fileProblem = (format: ParsedFile['format'], message: string, row = 0, column = ''): ParsedFile => ({
  format,
  records: [],
  fileProblems: [{ row, column, message }],
  definitions: emptyDefinitions(),
});

/** A CSV file's records as objects, after finding its encoding and separator (warnings say what was assumed). */
function readCsv(file: string, warnings: ImportProblem[]): { rows: ReturnType<typeof csvObjects> | null; problem: ImportProblem | null } {
  const decoded = decodeFile(fs.readFileSync(file), 'csv');
  const name = path.basename(file);
  if (decoded.problem) return { rows: null, problem: { row: 0, column: '', message: `${name}: ${decoded.problem}` } };
  if (decoded.warning) warnings.push({ row: 0, column: '', message: `${name}: ${decoded.warning}` });
  const delimiter = detectDelimiter(decoded.text);
  if (delimiter !== ',') {
    warnings.push({
      row: 0,
      column: '',
      message: `${name}: columns are separated by ${DELIMITER_NAMES[delimiter]}s (as Excel saves CSV in French locales): read that way`,
    });
  }
  try {
    return { rows: csvObjects(decoded.text, delimiter), problem: null };
  } catch (e) {
    if (e instanceof CsvSyntaxError)
      return {
        rows: null,
        problem: { row: e.row, column: `column ${e.column}`, message: e.message.replace(/^row \d+, column \d+: /, '') },
      };
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
    if (fs.existsSync(descriptor))
      warnings.push({
        row: 0,
        column: '',
        message: 'datapackage.json is not JSON: the HSDS tables of the folder were read by their file names',
      });
  }
  const tables = new Map<string, TableRows>();
  for (const f of files) {
    const full = path.resolve(dir, f);
    // A descriptor names files inside its own folder only.
    if (path.relative(dir, full).startsWith('..') || path.isAbsolute(path.relative(dir, full)))
      return fileProblem('hsds-tabular', `datapackage.json names a file outside its folder: ${f}`);
    const table = tableNameOf(f);
    if (!table) {
      warnings.push({ row: 0, column: '', message: `${f}: not a table the directory imports: ignored` });
      continue;
    }
    if (!fs.existsSync(full)) return fileProblem('hsds-tabular', `${f} is listed in datapackage.json but missing`);
    const { rows, problem } = readCsv(full, warnings);
    if (problem)
      return {
        ...fileProblem('hsds-tabular', problem.message, problem.row, problem.column ? `${f} ${problem.column}` : f),
        fileWarnings: warnings,
      };
    tables.set(
      table,
      rows!.rows.map((r) => ({ row: r.row, values: r.values })),
    );
  }
  if (!tables.has('service') && !tables.has('organization')) {
    return fileProblem('hsds-tabular', 'the package has neither services.csv nor organizations.csv: nothing to import');
  }
  const { documents, labels } = documentsOfTables(tables);
  const parsed = parseHsdsDocuments(documents, knownTermIds(codes), 'hsds-tabular');
  return { ...parsed, fileWarnings: [...warnings, ...(parsed.fileWarnings ?? [])], labels };
}

export function readParsed(file: string, codes: Codes): ParsedFile {
  const ext = path.extname(file).toLowerCase();
  if (fs.statSync(file).isDirectory() || path.basename(file).toLowerCase() === 'datapackage.json') return readTabular(file, codes);
  const bytes = fs.readFileSync(file);
  const head = bytes
    .subarray(0, 64)
    .toString('latin1')
    .replace(/^\u00EF\u00BB\u00BF/, '')
    .trimStart();
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
    return fileProblem(
      'csv',
      "this looks like one table of an HSDS tabular package (it has an id column, not external_id): import the package's folder or its datapackage.json",
      1,
      'id',
    );
  }
  const parsed = parseTemplateCsv(rows!);
  return { ...parsed, fileWarnings: [...warnings, ...(parsed.fileWarnings ?? [])] };
}

export type Valid = Array<{ row: number; record: ImportRecord }>;

/** The codes of several ordered lists in one order consistent with each (ties: first seen first). */
export function agreedOrder(lists: string[][]): string[] {
  const seen: string[] = [];
  const after = new Map<string, Set<string>>();
  const before = new Map<string, number>();
  for (const l of lists) {
    l.forEach((c, i) => {
      if (!after.has(c)) {
        after.set(c, new Set());
        before.set(c, 0);
        seen.push(c);
      }
      const prev = l[i - 1];
      if (prev !== undefined && prev !== c && !after.get(prev)!.has(c)) {
        after.get(prev)!.add(c);
        before.set(c, before.get(c)! + 1);
      }
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

/** Every record checked (syntax problems from the parser, then the directory's rules); problems go to the report. */
export function validateRecords(parsed: ParsedFile, codes: Codes, report: ImportReport): Valid {
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
      if (r.externalId && dupId !== undefined)
        rowProblems.push({ row: p.row, column: p.columnOf('externalId'), message: `repeats the external id of row ${dupId}` });
      else if (r.externalId) seenIds.set(r.externalId, p.row);
      const damaged = replacementCharField(r);
      if (damaged)
        rowProblems.push({
          row: p.row,
          column: p.columnOf(damaged),
          message: 'holds the replacement character U+FFFD (\uFFFD): the text was damaged by a wrong conversion; fix it in the source file',
        });
      const dupSlug = r.slug ? seenSlugs.get(r.slug) : undefined;
      if (r.slug && dupSlug !== undefined)
        rowProblems.push({ row: p.row, column: p.columnOf('slug'), message: `repeats the slug of row ${dupSlug}` });
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
export function newTermsOf(
  valid: Valid,
  codes: Codes,
  parsed: ParsedFile,
  report: ImportReport,
): Array<{ key: TaxonomyKey; def: TermDefinition }> {
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
