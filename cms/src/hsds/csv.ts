/**
 * CSV, both ways, for the whole CMS (the HSDS tabular package, the import template, the editors'
 * exports), on csv-parse and csv-stringify rather than a grammar of our own.
 *
 * Writing: comma-separated, CRLF line ends, a field is quoted when it holds a comma, a quote, CR,
 * LF or leading/trailing spaces, quotes doubled. With `formulaGuard` (exports that editors open in
 * a spreadsheet), a cell starting with = + - @, tab or CR gets an apostrophe in front, so data
 * from public forms never runs as a formula. The HSDS package is data for machines: no guard.
 *
 * Reading: the same grammar with `,` `;` or tab between cells (encoding.ts finds which, and the
 * text encoding), tolerant of LF-only line ends and a UTF-8 byte-order mark (what spreadsheets
 * save), strict about quotes. Records are numbered as a spreadsheet numbers its rows (the header
 * is row 1), whatever line breaks quoted cells hold; an error says its row and column.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Delimiter } from './encoding';

export interface CsvRecord {
  /** Spreadsheet row number: 1 for the header, 2 for the first data row. */
  row: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly row: number,
    readonly column: number,
    message: string,
  ) {
    super(`row ${row}, column ${column}: ${message}`);
  }
}

export interface WriteOptions {
  /** Prefix cells a spreadsheet would run as formulas with an apostrophe. */
  formulaGuard?: boolean;
}

/** A line break anywhere, or a space at either end, is quoted too (the library quotes CRLF only). */
const QUOTE_ALSO = [/[\r\n]/, /^\s|\s$/];

export function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>, options: WriteOptions = {}): string {
  return stringify([header, ...rows] as string[][], {
    record_delimiter: '\r\n',
    quoted_match: QUOTE_ALSO,
    escape_formulas: options.formulaGuard === true,
  });
}

/** One cell as CSV text (quoted when it must be). */
export function csvField(value: string, options: WriteOptions = {}): string {
  return writeCsv([value], [], options).slice(0, -2);
}

/** What went wrong, in the words of the old hand-written reader (the library's codes are not for editors). */
const MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'unexpected text after a closing quote',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the field and double the quote)',
};

/** Parses CSV text into records (`delimiter` between cells, `,` by default). Throws CsvSyntaxError on a malformed quote. */
export function parseCsv(text: string, delimiter: Delimiter = ','): CsvRecord[] {
  let cells: string[][];
  try {
    cells = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // `records` counts the rows before the bad one (blank ones too); `index` the cells before it in its row.
    const row = Number(Reflect.get(error, 'records') ?? 0) + 1;
    const column = Number(Reflect.get(error, 'index') ?? 0) + 1;
    throw new CsvSyntaxError(row, column, MESSAGES[error.code] ?? error.message);
  }
  const out: CsvRecord[] = [];
  cells.forEach((c, i) => {
    // A line with nothing on it at all is not a record (spreadsheets leave trailing blank lines).
    if (!(c.length === 1 && c[0] === '')) out.push({ row: i + 1, cells: c });
  });
  return out;
}

/** Records as objects keyed by the header. Extra cells are an error; missing trailing cells are empty. */
export function csvObjects(
  text: string,
  delimiter: Delimiter = ',',
): { header: string[]; rows: Array<{ row: number; values: Record<string, string>; extra: number }> } {
  const [head, ...body] = parseCsv(text, delimiter);
  if (!head) return { header: [], rows: [] };
  const header = head.cells.map((h) => h.trim());
  const rows = body.map((r) => {
    const values: Record<string, string> = {};
    header.forEach((h, k) => {
      values[h] = r.cells[k] ?? '';
    });
    return { row: r.row, values, extra: Math.max(0, r.cells.length - header.length) };
  });
  return { header, rows };
}
