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
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Core } from '@strapi/strapi';
import type { Locale } from '@referral-directory/sdk';
import { toPublicOrganization } from '../directory/mapper';
import type { OrganizationRow } from '../directory/rows';
import { projectionOf } from '../directory/services';
import { contentOf, keepAbsentParts, recordFromPair, type ImportRecord } from './record';
import { slugify, uniqueSlug } from '../workflow/slug';
import { ORGANIZATION } from '../content-types';
import { emptyReport, stopwatch, type ImportOptions, type ImportReport } from './import-report';
import { loadCodes, newTermsOf, readParsed, validateRecords, type Valid } from './import-read';
import {
  addTerms,
  createDrafts,
  draftRowsOf,
  existingOrganizations,
  keepConfidentialDetails,
  latestEditorChanges,
  updateDrafts,
  type Plan,
} from './import-write';

export { reportLines, type Conflict, type ImportOptions, type ImportReport } from './import-report';

const ORG = ORGANIZATION;
/** An editor change this close to the file's own timestamp is the same change (publishing stamps both). */
const CLOCK_SLACK_MS = 5000;

type Existing = Awaited<ReturnType<typeof existingOrganizations>>;
type Match = { index: number; row: number; record: ImportRecord; documentId: string; slug: string };

/** Each record matched to an organization already here; the others planned for creation under a new slug. */
async function matchRecords(valid: Valid, existing: Existing, plans: Plan[]): Promise<Match[]> {
  const slugTaken = async (s: string) => existing.slugs.has(s);
  const matched: Match[] = [];
  for (const [index, { row, record }] of valid.entries()) {
    const hit =
      existing.byExternalId.get(record.externalId) ??
      (record.slug ? existing.bySlug.get(record.slug) : undefined) ??
      (record.matchIds ?? []).map((id) => existing.byHsdsId.get(id)).find(Boolean);
    if (!hit) {
      const base = record.slug && !existing.slugs.has(record.slug) ? record.slug : slugify(record.en.name);
      const slug = await uniqueSlug(base, slugTaken);
      existing.slugs.add(slug);
      plans.push({ row, index, record, action: 'create', documentId: null, slug, editor: null });
      continue;
    }
    matched.push({ index, row, record, documentId: hit.documentId, slug: hit.slug });
  }
  return matched;
}

/** Two records of the file matching the same organization: each is a problem of the report. */
function reportRepeats(matched: Match[], report: ImportReport): void {
  const seenDocs = new Map<string, number>();
  for (const m of matched) {
    const other = seenDocs.get(m.documentId);
    if (other !== undefined) {
      report.problems.push({
        row: m.row,
        column: '',
        message: `is the organization ${m.slug} already given by ${other === m.row ? 'this row' : `row/record ${other}`}: give each organization once`,
      });
      report.rejectedRows++;
    }
    seenDocs.set(m.documentId, m.row);
  }
}

/** A matched record compared with the stored draft: unchanged, an update, or a conflict with a newer editor change. */
function planMatch(
  { index, row, record, documentId, slug }: Match,
  rows: OrganizationRow[],
  editor: { at: string; by: string } | null,
  report: ImportReport,
  options: ImportOptions,
): Plan {
  const row0 = (l: Locale) => rows.find((x) => x.locale === l) ?? rows[0]!;
  const current = recordFromPair({
    en: { ...toPublicOrganization(row0('en'), 'en'), locale: 'en' },
    fr: { ...toPublicOrganization(row0('fr'), 'fr'), locale: 'fr' },
  });
  // The hotline's own verification date is kept when it is more recent than the file's.
  if (current.lastVerified && (!record.lastVerified || current.lastVerified > record.lastVerified))
    record.lastVerified = current.lastVerified;
  // Sites compare as stored (the public view hides a confidential street); a confidential site
  // the file gives by city only keeps its stored details.
  const storedLocations = (row0('en').locations ?? []).map((l) => ({
    name: l.name ?? null,
    street: l.street ?? null,
    city: l.city,
    province: l.province,
    postalCode: l.postalCode ?? null,
    confidential: l.confidential === true,
  }));
  current.locations = storedLocations;
  // What the file does not describe at all (a list-shaped record) stays as stored.
  keepAbsentParts(record, current);
  record.locations = keepConfidentialDetails(record.locations, storedLocations);
  const plan: Plan = { row, index, record, action: 'unchanged', documentId, slug, editor: null };
  if (isDeepStrictEqual(contentOf(current), contentOf(record))) return plan;
  plan.editor = editor;
  const newer = editor && (!record.lastModified || Date.parse(editor.at) > Date.parse(record.lastModified) + CLOCK_SLACK_MS);
  plan.action = newer ? 'conflict' : 'update';
  if (newer) {
    report.conflicts.push({
      row,
      externalId: record.externalId,
      slug,
      editedAt: editor.at,
      editedBy: editor.by,
      fileModified: record.lastModified,
      overwritten: options.force === true,
    });
    if (options.force) plan.action = 'update';
  }
  return plan;
}

/** Each record matched to an existing organization (or a new slug), compared, and checked for newer editor changes. */
async function planRecords(strapi: Core.Strapi, valid: Valid, report: ImportReport, options: ImportOptions): Promise<Plan[] | null> {
  // Everything is looked up in a few queries for the whole file, not per record.
  const existing = await existingOrganizations(strapi);
  const plans: Plan[] = [];
  const matched = await matchRecords(valid, existing, plans);
  reportRepeats(matched, report);
  if (report.problems.length > 0) {
    report.accepted -= report.rejectedRows;
    report.refused = `${report.rejectedRows} row(s) rejected: nothing is written`;
    return null;
  }
  const stored = await draftRowsOf(
    strapi,
    matched.map((m) => m.documentId),
  );
  const editors = await latestEditorChanges(
    strapi,
    matched.map((m) => m.documentId),
  );
  for (const m of matched) plans.push(planMatch(m, stored.get(m.documentId) ?? [], editors.get(m.documentId) ?? null, report, options));
  plans.sort((a, b) => a.index - b.index);
  return plans;
}

function reportPlans(plans: Plan[], report: ImportReport): void {
  for (const p of plans) {
    const entry = { row: p.row, externalId: p.record.externalId, slug: p.slug };
    if (p.action === 'create') report.created.push(entry);
    else if (p.action === 'update')
      report.updated.push({ ...entry, replacesEditorChange: p.editor ? `${p.editor.by} on ${p.editor.at}` : null });
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
    const created = await createDrafts(
      strapi,
      trx,
      plans.filter((p) => p.action === 'create'),
      codes,
      statusNote,
      options.beforeWrite,
    );
    // The bulk writes bypass the Document Service middleware that tells the catalog (src/index.ts):
    // tell it here, once the rows are committed (the staff view lists drafts at once; other
    // instances see the new row count at their next poll).
    onCommit(() => {
      for (const id of created) projectionOf(strapi).invalidate(ORG, id);
    });
    await updateDrafts(
      strapi,
      plans.filter((p) => p.action === 'update'),
      codes,
      options.beforeWrite,
    );
  });
  report.written = true;
  report.figures = figures();
  return report;
}
