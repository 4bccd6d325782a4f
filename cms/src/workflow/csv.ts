/**
 * CSV for exports (RFC 4180: comma-separated, CRLF, quotes doubled). A cell that a spreadsheet
 * would read as a formula (starting with = + - @, tab or carriage return) is prefixed with an
 * apostrophe: exported data comes from public forms and must not run in an editor's spreadsheet.
 */
import { isRecord } from './values';

const FORMULA = /^[=+\-@\t\r]/;

/** A value as cell text: arrays of terms by label, other arrays joined by "; ", objects as JSON. */
export function cellText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join('; ');
    if (value.every((v) => isRecord(v) && typeof v.label === 'string')) return value.map((v) => (isRecord(v) ? String(v.label) : '')).join('; ');
    return JSON.stringify(value);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function csvCell(value: unknown): string {
  let text = cellText(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
