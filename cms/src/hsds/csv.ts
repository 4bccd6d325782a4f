/**
 * RFC 4180 CSV, both ways, for the HSDS tabular package and the import template.
 *
 * Writing: comma-separated, CRLF line ends, a field is quoted when it holds a comma, a quote, CR,
 * LF or leading/trailing spaces, quotes doubled. Values are written as they are (no apostrophe in
 * front of `+1-514-…`): the package is data for machines, and these values come from editors.
 *
 * Reading: the same grammar, tolerant of LF-only line ends and a UTF-8 byte-order mark (what
 * spreadsheets save), strict about quotes. Records are numbered as a spreadsheet numbers its rows
 * (the header is row 1), whatever line breaks quoted cells hold.
 */

import type { Delimiter } from './encoding';

export interface CsvRecord {
  /** Spreadsheet row number: 1 for the header, 2 for the first data row. */
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(readonly row: number, readonly column: number, message: string) {
    super(`row ${row}, column ${column}: ${message}`);
  }
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Parses CSV text into records (`delimiter` between cells, `,` by default). Throws CsvSyntaxError on a malformed quote. */
export function parseCsv(text: string, delimiter: Delimiter = ','): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const out: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let i = 0;
  let row = 1;
  let atFieldStart = true;
  let quoted = false;
  const n = src.length;

  const endField = () => {
    cells.push(field);
    field = '';
    atFieldStart = true;
    quoted = false;
  };
  const endRecord = () => {
    endField();
    // A line with nothing on it at all is not a record (spreadsheets leave trailing blank lines).
    if (!(cells.length === 1 && cells[0] === '')) out.push({ row, cells });
    row++;
    cells = [];
  };

  while (i < n) {
    const c = src[i]!;
    if (atFieldStart && c === '"') {
      quoted = true;
      atFieldStart = false;
      i++;
      // Quoted field: read to the closing quote.
      for (;;) {
        if (i >= n) throw new CsvSyntaxError(row, cells.length + 1, 'a quoted field is not closed');
        const q = src[i]!;
        if (q === '"') {
          if (src[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += q;
        i++;
      }
      const next = src[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(row, cells.length + 1, 'unexpected text after a closing quote');
      }
      continue;
    }
    if (c === delimiter) { endField(); i++; continue; }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '"' && !quoted) throw new CsvSyntaxError(row, cells.length + 1, 'a quote inside an unquoted field (quote the field and double the quote)');
    field += c;
    atFieldStart = false;
    i++;
  }
  if (!atFieldStart || cells.length > 0) endRecord();
  return out;
}

/** Records as objects keyed by the header. Extra cells are an error; missing trailing cells are empty. */
export function csvObjects(text: string, delimiter: Delimiter = ','): { header: string[]; rows: Array<{ row: number; values: Record<string, string>; extra: number }> } {
  const [head, ...body] = parseCsv(text, delimiter);
  if (!head) return { header: [], rows: [] };
  const header = head.cells.map((h) => h.trim());
  const rows = body.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, k) => { values[h] = r.cells[k] ?? ''; });
    return { row: r.row, values, extra: Math.max(0, r.cells.length - header.length) };
  });
  return { header, rows };
}
