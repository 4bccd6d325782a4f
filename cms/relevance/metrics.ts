/**
 * Relevance metrics of one engine over the judged queries (relevance/queries.json), per query kind
 * and overall. For a query with an answer: success@5 (a relevant record in the top 5), precision@5
 * (relevant records in the top 5 over min(5, relevant records), so a perfect ranking scores 1),
 * recall@10, reciprocal rank, and whether it found nothing. For a no-answer query, success means
 * returning nothing, and the zero-result rate is the share that (rightly) returned nothing.
 */
export interface JudgedQuery {
  q: string;
  locale: 'en' | 'fr';
  kind: string;
  relevant: string[];
}

export interface Scores {
  queries: number;
  success5: number;
  precision5: number;
  recall10: number;
  mrr: number;
  zeroRate: number;
}

/** An engine: the slugs it ranks first for a query (at least 10 when it has them). */
export type Ranker = (q: string, locale: 'en' | 'fr') => string[] | Promise<string[]>;

interface One {
  success5: number;
  precision5: number;
  recall10: number;
  rr: number;
  zero: number;
}

export function scoreOne(judged: JudgedQuery, ranked: readonly string[]): One {
  const zero = ranked.length === 0 ? 1 : 0;
  if (judged.relevant.length === 0) return { success5: zero, precision5: zero, recall10: zero, rr: zero, zero };
  const relevant = new Set(judged.relevant);
  const top5 = ranked.slice(0, 5).filter((s) => relevant.has(s)).length;
  const top10 = ranked.slice(0, 10).filter((s) => relevant.has(s)).length;
  const first = ranked.findIndex((s) => relevant.has(s));
  return {
    success5: top5 > 0 ? 1 : 0,
    precision5: top5 / Math.min(5, relevant.size),
    recall10: top10 / relevant.size,
    rr: first >= 0 ? 1 / (first + 1) : 0,
    zero,
  };
}

export function aggregate(rows: ReadonlyArray<One>): Scores {
  const n = rows.length || 1;
  const mean = (f: (r: One) => number) => rows.reduce((s, r) => s + f(r), 0) / n;
  return {
    queries: rows.length,
    success5: mean((r) => r.success5),
    precision5: mean((r) => r.precision5),
    recall10: mean((r) => r.recall10),
    mrr: mean((r) => r.rr),
    zeroRate: mean((r) => r.zero),
  };
}

/** Scores per kind, `answered` (every query with an answer) and `all`. */
export async function evaluate(queries: readonly JudgedQuery[], rank: Ranker): Promise<Map<string, Scores>> {
  const rows: Array<{ kind: string; answered: boolean; one: One }> = [];
  for (const j of queries) rows.push({ kind: j.kind, answered: j.relevant.length > 0, one: scoreOne(j, await rank(j.q, j.locale)) });
  const out = new Map<string, Scores>();
  for (const kind of [...new Set(rows.map((r) => r.kind))]) out.set(kind, aggregate(rows.filter((r) => r.kind === kind).map((r) => r.one)));
  out.set('answered', aggregate(rows.filter((r) => r.answered).map((r) => r.one)));
  return out;
}
