/**
 * Text folding for search: case- and accent-insensitive in English and French, identical on
 * SQLite and PostgreSQL because it runs here, not in the database.
 * `Montréal` → `montreal`, `SANTÉ` → `sante`, `aînés` → `aines`, `Œuvre` → `oeuvre`.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const ASCII = /^[\x00-\x7f]*$/;

/** Folding in full, by Unicode normalization: what `fold` does, in every script. */
export function foldUnicode(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Latin text (English and French, accents included) is folded a character at a time from a table
 * made by folding each character alone with foldUnicode — the same result, without normalizing
 * and matching the whole text with Unicode regular expressions (a catalog build folds every
 * record's text). A text with any character past the table goes the full way.
 */
const TABLE_END = 0x250; // Latin-1 and Latin Extended-A and -B
/** Per character: 0 a separator (a run of them is one space), SEVERAL a string in SEVERAL_OF, else the folded character. */
const FOLDED = new Uint16Array(TABLE_END);
const SEVERAL = 0xffff;
/** Folded to several characters (`œ` → `oe`), or to none. */
const SEVERAL_OF = new Map<number, string>();
for (let c = 0; c < TABLE_END; c++) {
  // Between two letters: `a b` for a separator, else `a` + what the character folds to + `b`.
  const f = foldUnicode(`a${String.fromCharCode(c)}b`);
  const own = f.slice(1, -1);
  if (f === 'a b') FOLDED[c] = 0;
  else if (own.length === 1 && own !== ' ') FOLDED[c] = own.charCodeAt(0);
  else {
    // Any other outcome (none seen in this range) would need care with spaces: checked once here.
    if (own.includes(' ') || !f.startsWith('a') || !f.endsWith('b')) throw new Error(`fold table: U+${c.toString(16)} folds to "${f}"`);
    FOLDED[c] = SEVERAL;
    SEVERAL_OF.set(c, own);
  }
}

/** The folded characters of the text being folded (reused: folding is synchronous). */
const codes: number[] = [];
/** Character codes per String.fromCharCode call (its arguments go on the stack). */
const CHUNK = 8192;

/** foldUnicode of a text whose characters are all in the table, else null. */
function foldLatin(text: string): string | null {
  codes.length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= TABLE_END) return null;
    const f = FOLDED[c]!;
    if (f === 0) {
      space = codes.length > 0;
      continue;
    }
    const several = f === SEVERAL ? SEVERAL_OF.get(c)! : null;
    if (several === '') continue;
    if (space) {
      codes.push(32);
      space = false;
    }
    if (several === null) codes.push(f);
    else for (let k = 0; k < several.length; k++) codes.push(several.charCodeAt(k));
  }
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let k = 0; k < codes.length; k += CHUNK) out += String.fromCharCode.apply(null, codes.slice(k, k + CHUNK));
  return out;
}

export function fold(text: string): string {
  // Most text is plain ASCII: no accents to strip, so skip Unicode normalization (same result).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return foldLatin(text) ?? foldUnicode(text);
}

/** The search terms of a query: folded words, duplicates removed. */
export function terms(query: string): string[] {
  return [...new Set(fold(query).split(' ').filter(Boolean))];
}
