/**
 * CSV for exports that editors open in a spreadsheet: values as readable cell text, written by the
 * one CSV module (src/hsds/csv.ts) with its formula guard (a cell starting with = + - @, tab or
 * carriage return gets an apostrophe in front): exported data comes from public forms and must
 * not run in an editor's spreadsheet.
 */
import { csvField, writeCsv } from '../hsds/csv';
import { isRecord } from './values';

/** A value as cell text: arrays of terms by label, other arrays joined by "; ", objects as JSON. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join('; ');
    if (value.every((v) => isRecord(v) && typeof v.label === 'string'))
      return value.map((v) => (isRecord(v) ? String(v.label) : '')).join('; ');
    return JSON.stringify(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function csvCell(value: unknown): string {
  return csvField(cellText(value), { formulaGuard: true });
}

export function toCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const body = [...rows].map((row) => columns.map((c) => cellText(row[c])));
  return writeCsv(columns, body, { formulaGuard: true });
}
