/**
 * The relevance floor: the judged queries of relevance/queries.json against the demo data's public
 * catalog, as `npm run relevance` measures them. A ranking or matching change that loses relevance
 * fails here; the peers' figures are printed by the script, not tested.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogRanker } from '../relevance/engines';
import { evaluate } from '../relevance/metrics';
import { QUERIES, demoCatalog } from '../relevance/run';

const catalog = demoCatalog();

test('the judged set is large, covers every kind in both languages, and names only public records', () => {
  assert.ok(QUERIES.length >= 150, `${QUERIES.length} queries`);
  for (const kind of ['exact', 'plural', 'typo', 'synonym', 'multi-word', 'place', 'no-answer']) {
    assert.ok(
      QUERIES.some((q) => q.kind === kind),
      kind,
    );
  }
  for (const locale of ['en', 'fr']) assert.ok(QUERIES.filter((q) => q.locale === locale).length >= 30, locale);
  for (const q of QUERIES) for (const slug of q.relevant) assert.ok(catalog.bySlug.has(slug), `${q.q}: ${slug} is public`);
});

test('relevance stays above its floor on the queries that have an answer', async () => {
  const scores = (await evaluate(QUERIES, catalogRanker(catalog))).get('answered')!;
  assert.ok(scores.success5 >= 0.97, `success@5 ${scores.success5}`);
  assert.ok(scores.precision5 >= 0.95, `precision@5 ${scores.precision5}`);
  assert.ok(scores.recall10 >= 0.94, `recall@10 ${scores.recall10}`);
  assert.ok(scores.mrr >= 0.95, `MRR ${scores.mrr}`);
  assert.ok(scores.zeroRate <= 0.03, `zero-result rate ${scores.zeroRate}`);
});

test('every kind of query keeps a relevant record in the top five at least nine times in ten', async () => {
  for (const [kind, s] of await evaluate(QUERIES, catalogRanker(catalog))) {
    if (kind !== 'no-answer') assert.ok(s.success5 >= 0.9, `${kind}: success@5 ${s.success5}`);
  }
});
