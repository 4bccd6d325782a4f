/**
 * How text becomes search words, the same for records and queries: folding (case, accents,
 * ligatures), French elision (`l'aide` → `aide`), stop words, and the English and French Snowball
 * stemmers (from @orama/stemmers). A record's words are stemmed in both languages, and so is a
 * query's, because people type in either language whatever the page's locale.
 */
import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { fold } from './normalize';

/** Words that carry no meaning for a search: articles, prepositions, and "near"/"help"-type filler. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // English
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'i',
  'in',
  'into',
  'is',
  'it',
  'me',
  'my',
  'near',
  'nearby',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'where',
  'who',
  'can',
  'get',
  'need',
  'want',
  'some',
  'any',
  'find',
  'looking',
  'around',
  'close',
  'help',
  'please',
  'our',
  'your',
  'we',
  'you',
  // French (folded), including the elided articles and pronouns left alone by folding (l', d', qu'…)
  'au',
  'aux',
  'avec',
  'ce',
  'ces',
  'dans',
  'de',
  'des',
  'du',
  'en',
  'et',
  'il',
  'je',
  'la',
  'le',
  'les',
  'leur',
  'ma',
  'mes',
  'mon',
  'ou',
  'par',
  'pour',
  'pres',
  'proche',
  'qui',
  'que',
  'sa',
  'se',
  'ses',
  'son',
  'sur',
  'ta',
  'te',
  'tu',
  'un',
  'une',
  'vers',
  'vos',
  'votre',
  'nous',
  'vous',
  'cherche',
  'besoin',
  'trouver',
  'aidez',
  'moi',
  'l',
  'd',
  'j',
  'qu',
  'n',
  's',
  'c',
  'm',
  't',
  'y',
]);

/** Short texts (labels, names of places) recur in thousands of records: fold each once. */
const shortTexts = new Map<string, readonly string[]>();
const SHORT = 64;

/**
 * Longer texts folded last, and their words: a record's staff entry is made right after its public
 * one, from the same name and description (its draft's, equal unless being edited). Found here,
 * they are not folded again, and their words are the same strings, whose hashes the word tables
 * then have already worked out (~1 s of a boot at 100,000 organizations).
 */
const RECENT = 16;
const recentTexts: string[] = [];
const recentWords: Array<readonly string[]> = [];
let nextRecent = 0;

/**
 * The folded words of a text, in order (with repeats): the unit records are indexed in. `recurs`:
 * the text is one that many records hold (a label, a city, a fee), folded once and kept; a
 * record's own text (its name, its description) is not, so as not to crowd the others out. Never
 * change the list given: it may be given again.
 */
export function words(text: string, recurs = true): readonly string[] {
  const memo = recurs && text.length <= SHORT;
  if (memo) {
    const known = shortTexts.get(text);
    if (known) return known;
  } else {
    for (let k = 0; k < recentTexts.length; k++) if (recentTexts[k] === text) return recentWords[k]!;
  }
  const f = fold(text);
  const out = f === '' ? [] : f.split(' ');
  if (memo) {
    if (shortTexts.size >= MAX_MEMO) shortTexts.clear();
    // Frozen: shared by every record holding the text (see eachWord).
    shortTexts.set(text, Object.freeze(out));
  } else {
    recentTexts[nextRecent] = text;
    recentWords[nextRecent] = out;
    nextRecent = (nextRecent + 1) % RECENT;
  }
  return out;
}

/** The words of a query worth searching: stop words dropped, unless nothing else is left. */
export function meaningful(terms: readonly string[]): string[] {
  const kept = terms.filter((t) => !STOP_WORDS.has(t));
  return kept.length > 0 ? kept : [...terms];
}

const stems = new Map<string, readonly [string, string]>();
const MAX_MEMO = 200_000;

/**
 * The English and French stems of a folded word. Memoized: a catalog rebuild stems each distinct
 * word once, not each occurrence (bounded, so odd queries cannot grow it without end).
 */
export function stemsOf(word: string): readonly [string, string] {
  let s = stems.get(word);
  if (!s) {
    // Numbers and single letters have no inflection to remove.
    s = word.length < 3 || /^[0-9]+$/.test(word) ? [word, word] : [stemEnglish(word), stemFrench(word)];
    if (stems.size >= MAX_MEMO) stems.clear();
    stems.set(word, s);
  }
  return s;
}
