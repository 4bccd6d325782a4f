/**
 * Text folding for search: case- and accent-insensitive in English and French, identical on
 * SQLite and PostgreSQL because it runs here, not in the database.
 * `Montréal` → `montreal`, `SANTÉ` → `sante`, `aînés` → `aines`, `Œuvre` → `oeuvre`.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd' };

// eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
const ASCII = /^[\x00-\x7f]*$/;

export function fold(text: string): string {
  // Most text is plain ASCII: no accents to strip, so skip Unicode normalization (same result).
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßøłđ]/g, (c) => LIGATURES[c] ?? c)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The search terms of a query: folded words, duplicates removed. */
export function terms(query: string): string[] {
  return [...new Set(fold(query).split(' ').filter(Boolean))];
}
