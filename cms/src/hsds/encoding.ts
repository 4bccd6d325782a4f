/**
 * Reading an import file's bytes as text the way spreadsheets save it. French-locale Excel saves
 * "CSV" with `;` between columns (the comma is the decimal separator) and, on Windows, in
 * Windows-1252 rather than UTF-8. Both are recognised (and said in the report) instead of being
 * misread; a file that is neither UTF-8 nor Windows-1252, or that already holds U+FFFD (text
 * damaged by an earlier wrong conversion), is refused: replacement characters are never stored.
 */

export type Delimiter = ',' | ';' | '\t';

export interface DecodedFile {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
  /** Something the report should say (the encoding that was assumed). */
  warning: string | null;
  /** Why the file cannot be read, or null. */
  problem: string | null;
}

/**
 * Windows-1252 bytes 0x80–0x9F (the rest is ISO-8859-1); null where the code page defines none.
 * Spelled out because Node 20's TextDecoder('windows-1252') decodes these bytes as C1 controls.
 */
const CP1252_HIGH: ReadonlyArray<number | null> = [
  0x20ac,
  null,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  null,
  0x017d,
  null,
  null,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  null,
  0x017e,
  0x0178,
];

/** Windows-1252 text, or null when a byte has no character in that code page. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk: number[] = [];
    for (const b of bytes.subarray(i, i + 8192)) {
      const c = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
      if (c === null || c === undefined) return null;
      chunk.push(c);
    }
    out.push(String.fromCharCode(...chunk));
  }
  return out.join('');
}

const SAVE_AS_UTF8 =
  'save it again as "CSV UTF-8 (comma delimited) (*.csv)" (Excel: File › Save As; LibreOffice: Character set "Unicode (UTF-8)") / ' +
  'enregistrez-le de nouveau en « CSV UTF-8 (délimité par des virgules) »';

/** The 1-based line of the first U+FFFD, or null. */
export function replacementLine(text: string): number | null {
  const at = text.indexOf('\uFFFD');
  if (at < 0) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function decodeFile(bytes: Uint8Array, kind: 'csv' | 'json'): DecodedFile {
  let text: string;
  let encoding: DecodedFile['encoding'] = 'utf-8';
  let warning: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    if (kind === 'json') {
      return {
        text: '',
        encoding,
        warning: null,
        problem: 'the file is not UTF-8: JSON must be UTF-8 (RFC 8259); save or export it as UTF-8',
      };
    }
    const cp1252 = decodeWindows1252(bytes);
    encoding = 'windows-1252';
    if (cp1252 === null) {
      return { text: '', encoding, warning: null, problem: `the file is neither UTF-8 nor Windows-1252 text: ${SAVE_AS_UTF8}` };
    }
    text = cp1252;
    warning = `the file is not UTF-8: it was read as Windows-1252 (what Excel saves as "CSV" on Windows); check accented letters in the report, or ${SAVE_AS_UTF8}`;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const line = replacementLine(text);
  if (line !== null) {
    return {
      text: '',
      encoding,
      warning,
      problem: `line ${line} holds the replacement character U+FFFD (\uFFFD): the text was damaged by an earlier conversion; export it again from the original and ${SAVE_AS_UTF8}`,
    };
  }
  return { text, encoding, warning, problem: null };
}

/** The column separator of a CSV: whichever of `,` `;` and tab splits the header line most (outside quotes). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0]!;
  return counts[best] > 0 ? best : ',';
}

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
