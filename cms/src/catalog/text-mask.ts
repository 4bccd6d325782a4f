/**
 * A query's hits and scores with every record scored (SearchIndex.match's arrays): the path taken
 * when clause-top.ts's bit counts and max-score do not pay (a page deep into the hits by relevance,
 * near-search's whole list, a query of stop words only). clause-top.ts keeps and ranks exactly the same.
 */
import type { TextMatch } from './search-index';
import { byteScratch, floatScratch } from './scratch';

const masks = byteScratch();
const summedScores = floatScratch();

/**
 * Per record (of `n` slots), how many query clauses it matches and its score, and whether the search had to be
 * relaxed. Kept: the entries with every clause — and, for queries of three clauses or more,
 * those missing only one, ranked after — when some entry passing `passes` has every clause;
 * otherwise (relaxed) every entry with at least one.
 */
export function textMask(
  match: TextMatch,
  n: number,
  passes: (i: number) => boolean,
): { mask: Uint8Array; score: Float32Array; relaxed: boolean } {
  const all = match.scores.length;
  const mask = masks.zeroed(0, n);
  if (all === 1) {
    // One clause (the usual query): its scores are the counts, in one pass and no copy.
    const score = match.scores[0]!;
    const adjacency = match.adjacency;
    for (let i = 0; i < n; i++) {
      if (score[i]! > 0) {
        mask[i] = 1;
        score[i]! += 1000 + adjacency[i]!;
      }
    }
    return { mask, score, relaxed: false };
  }
  const count = masks.zeroed(1, n);
  const score = summedScores.zeroed(0, n);
  for (const s of match.scores) {
    for (let i = 0; i < n; i++)
      if (s[i]! > 0) {
        count[i]!++;
        score[i]! += s[i]!;
      }
  }
  let strict = false;
  for (let i = 0; i < n && !strict; i++) if (count[i] === all && passes(i)) strict = true;
  const least = !strict ? 1 : all >= 3 ? all - 1 : all;
  for (let i = 0; i < n; i++) {
    if (count[i]! < least) continue;
    mask[i] = 1;
    // The more clauses an entry has, the higher it ranks, whatever its score; then words side by side count.
    score[i]! += 1000 * count[i]! + match.adjacency[i]!;
  }
  return { mask, score, relaxed: !strict && all > 1 };
}
