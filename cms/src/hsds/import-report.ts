/**
 * The options and the report of an import (see import.ts), and the report as the lines the command prints.
 */
import type { ImportProblem, ImportRecord, ParsedFile } from './record';

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

export function emptyReport(file: string, apply: boolean): ImportReport {
  return {
    file,
    format: 'unknown',
    apply,
    rows: 0,
    accepted: 0,
    rejectedRows: 0,
    problems: [],
    warnings: [],
    created: [],
    updated: [],
    unchanged: [],
    conflicts: [],
    newTerms: [],
    written: false,
    refused: null,
    labels: null,
    figures: null,
  };
}

/** Wall and CPU time since now, and the process's peak memory, when called. */
export function stopwatch(): () => NonNullable<ImportReport['figures']> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return {
      ms: Number(process.hrtime.bigint() - started) / 1e6,
      cpuMs: (used.user + used.system) / 1000,
      peakMb: process.resourceUsage().maxRSS / 1024,
    };
  };
}

/** The report as the lines the command prints. */
export function reportLines(r: ImportReport): string[] {
  const out: string[] = [];
  const csv = r.format === 'csv';
  const at = (row: number) => (csv ? `row ${row}` : r.labels?.[row - 1] ? `record ${row} (${r.labels[row - 1]})` : `record ${row}`);
  const where = (p: ImportProblem) =>
    p.row === 0 ? `file${p.column ? `, ${p.column}` : ''}` : `${at(p.row)}${p.column ? `, ${csv ? 'column' : 'field'} ${p.column}` : ''}`;
  out.push(`import: ${r.file} (${r.format}, ${r.apply ? 'apply' : 'dry run'})`);
  out.push(`import: ${r.rows} row(s): ${r.accepted} accepted, ${r.rejectedRows} rejected`);
  for (const p of r.problems) out.push(`import: rejected ${where(p)}: ${p.message}`);
  for (const w of r.warnings) out.push(`import: warning ${where(w)}: ${w.message}`);
  if (r.refused) {
    out.push(`import: ${r.refused}`);
    return out;
  }
  const verb = r.written ? '' : 'would ';
  out.push(
    `import: ${verb}create ${r.created.length} draft(s) (under review, no public consent, unpublished), ${verb}update ${r.updated.length} draft(s), ${r.unchanged.length} unchanged`,
  );
  for (const c of r.created) out.push(`import: ${verb}create ${c.slug} (row ${c.row}, ${c.externalId})`);
  for (const u of r.updated)
    out.push(
      `import: ${verb}update ${u.slug} (row ${u.row})${u.replacesEditorChange ? `, replacing changes by ${u.replacesEditorChange}` : ''}`,
    );
  for (const c of r.conflicts) {
    out.push(
      `import: CONFLICT row ${c.row} (${c.slug}): changed by ${c.editedBy} on ${c.editedAt}, after this file's version (${c.fileModified ?? 'no date in the file'}): ` +
        (c.overwritten ? 'OVERWRITTEN (--force)' : 'not overwritten; review it, or run again with --force to overwrite'),
    );
  }
  if (r.newTerms.length) out.push(`import: ${verb}add taxonomy terms: ${r.newTerms.map((t) => `${t.taxonomy} ${t.code}`).join(', ')}`);
  if (r.figures) {
    const seconds = r.figures.ms / 1000;
    out.push(
      `import: ${r.rows} row(s) in ${seconds.toFixed(1)} s (${(r.rows / Math.max(seconds, 0.001)).toFixed(0)} rows/s; ${(r.figures.cpuMs / 1000).toFixed(1)} s of CPU), peak memory ${r.figures.peakMb.toFixed(0)} MB`,
    );
  }
  const writes = r.created.length + r.updated.length + r.newTerms.length;
  if (r.written)
    out.push(
      writes > 0
        ? 'import: written; editors review the drafts in the admin before publishing'
        : 'import: nothing to write: the directory already holds this content',
    );
  else
    out.push(
      writes > 0
        ? 'import: dry run: nothing written; run again with --apply to write the drafts'
        : 'import: dry run: nothing written (nothing would change)',
    );
  return out;
}
