/**
 * Backup and hand-off of the directory.
 * - internal/: every stored row (both locales, draft and published, all statuses, all fields) of
 *   organizations and law-enforcement protocols as JSON and CSV; applications, suggestions,
 *   referral outcomes and the audit trail as JSON. Confidential: handle as the staff directory.
 * - public/organizations.csv: the public directory exactly as the public API serves it (the same
 *   in-memory catalog and allowlist mapper), one row per organization and locale.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core, UID } from '@strapi/strapi';
import { LOCALES } from '@referral-directory/sdk';
import { projectionOf } from '../../src/directory/services';
import { attributesOf, populateOf } from '../../src/workflow/audit-diff';
import { toCsv } from '../../src/workflow/csv';
import { isRecord } from '../../src/workflow/values';
import { APPLICATION, AUDIT_ENTRY, ORGANIZATION, PROTOCOL, REFERRAL_OUTCOME, SUGGESTION } from '../../src/content-types';

const PAGE = 500;
const WITH_CSV = [ORGANIZATION, PROTOCOL] as const satisfies readonly UID.ContentType[];
const JSON_ONLY = [APPLICATION, SUGGESTION, REFERRAL_OUTCOME, AUDIT_ENTRY] as const satisfies readonly UID.ContentType[];
const ROW_KEYS = ['documentId', 'locale', 'publishedAt', 'createdAt', 'updatedAt'];

export interface ExportReport {
  dir: string;
  files: Record<string, number>;
}

async function allRows(strapi: Core.Strapi, uid: UID.ContentType): Promise<Record<string, unknown>[]> {
  // Only schema attributes are populated: never createdBy/updatedBy (admin users).
  const populate = populateOf(attributesOf(strapi.getModel(uid)));
  const out: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const rows: unknown[] = await strapi.db
      .query(uid)
      .findMany({ populate, orderBy: [{ documentId: 'asc' }, { id: 'asc' }], offset, limit: PAGE });
    for (const r of rows) if (isRecord(r)) out.push(r);
    if (rows.length < PAGE) return out;
  }
}

/** One CSV row per stored row; relations by code (or documentId), components as JSON. */
function flatRow(row: Record<string, unknown>, attributes: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { version: row.publishedAt ? 'published' : 'draft' };
  for (const key of [...ROW_KEYS, ...attributes]) {
    const v = row[key];
    out[key] =
      Array.isArray(v) && v.every((x) => isRecord(x) && ('code' in x || 'documentId' in x))
        ? v.map((x) => (isRecord(x) ? (x.code ?? x.documentId) : x))
        : v;
  }
  return out;
}

export async function exportDirectory(strapi: Core.Strapi, dir: string): Promise<ExportReport> {
  const files: Record<string, number> = {};
  const write = (name: string, content: string, count: number) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, content, { mode: 0o600 });
    files[name] = count;
  };
  for (const uid of [...WITH_CSV, ...JSON_ONLY]) {
    const name = strapi.getModel(uid).info.pluralName;
    const rows = await allRows(strapi, uid);
    write(`internal/${name}.json`, `${JSON.stringify(rows, null, 2)}\n`, rows.length);
    if ((WITH_CSV as readonly string[]).includes(uid)) {
      const attributes = Object.keys(attributesOf(strapi.getModel(uid)));
      write(
        `internal/${name}.csv`,
        toCsv(
          ['version', ...ROW_KEYS, ...attributes],
          rows.map((r) => flatRow(r, attributes)),
        ),
        rows.length,
      );
    }
  }
  const catalog = await projectionOf(strapi).catalog();
  const records = catalog.entries.flatMap((e) => LOCALES.map((l) => e.records[l]));
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  write(
    'public/organizations.csv',
    toCsv(
      columns,
      records.map((r) => ({ ...r })),
    ),
    records.length,
  );
  write(
    'manifest.json',
    `${JSON.stringify({ exportedAt: new Date().toISOString(), catalogVersion: catalog.version, files }, null, 2)}\n`,
    1,
  );
  return { dir, files };
}
