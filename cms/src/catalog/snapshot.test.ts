/**
 * The catalogs' snapshot: what a boot reads back is the load that was written — the same entries
 * (records, JSON, names, filter values, words), sharing in memory what they shared, and catalogs
 * that answer the same — and a snapshot of other code, other reference data or cut short is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFixtures } from '../operations/fixtures';
import { generateOrganizations } from '../../scripts/lib/generate';
import { rowsOf, termIndex, vocabularyOf } from '../../bench/lib/fixture-catalog';
import type { OrganizationRow } from '../directory/rows';
import { parseDirectoryQuery } from '../directory/query';
import { Catalog, type Entry, type Named } from './catalog';
import { INTERNAL_FILTER_NAMES, type InternalEntry } from './row-entries';
import { buildSegment, runNow } from './segment';
import { readSnapshot, snapshotFrames, writeSnapshot } from './snapshot';
import { type LoadState, emptyLoad, loadDocument } from './full-load';

const fixtures = readFixtures();
const terms = termIndex(fixtures.taxonomies);
const vocabulary = vocabularyOf(fixtures.taxonomies);
const KEY = 'code-key';
const REFERENCE = '3|2026-06-01T00:00:00.000Z|3';

/** A load of `n` generated organizations; every third has a draft saved since, with a changed description. */
function load(n: number): { state: LoadState; entries: Map<string, Entry>; internal: Map<string, InternalEntry> } {
  const state = emptyLoad(REFERENCE);
  const entries = new Map<string, Entry>();
  const internal = new Map<string, InternalEntry>();
  generateOrganizations(n, fixtures.taxonomies).forEach((o, i) => {
    const published = rowsOf(o, i + 1, terms);
    const drafts: OrganizationRow[] =
      i % 3 === 0 ? published.map((r) => ({ ...r, id: r.id + 100_000, publishedAt: null, description: `${r.description} redrafted` })) : [];
    loadDocument(state, entries, internal, `doc-${i}`, [...published, ...drafts]);
  });
  return { state, entries, internal };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rd-snapshot-'));

async function roundTrip(state: LoadState, key = KEY, reference = REFERENCE) {
  const file = path.join(tmp(), 'catalog');
  const bytes = await writeSnapshot(file, snapshotFrames(state, KEY), () => false);
  assert.equal(fs.statSync(file).size, bytes);
  return { file, read: await readSnapshot(file, key, reference) };
}

const sameEntries = (a: readonly Entry<Named, string>[], b: readonly Entry<Named, string>[]) => {
  assert.equal(b.length, a.length);
  a.forEach((x, i) => {
    const y = b[i]!;
    for (const locale of ['en', 'fr'] as const) {
      assert.equal(y.json[locale], x.json[locale]);
      assert.equal(y.name(locale), x.name(locale));
      assert.equal(y.slugIn(locale), x.slugIn(locale));
      assert.deepEqual(y.records[locale], x.records[locale]);
    }
    assert.equal(y.slug, x.slug);
    assert.equal(y.lastVerified, x.lastVerified);
    assert.deepEqual(y.values, x.values);
    assert.deepEqual(y.searchText(), x.searchText());
  });
};

test('a snapshot reads back as the load it was made of: the same entries, words and documents', async () => {
  const { state } = load(150);
  const { file, read } = await roundTrip(state);
  assert.equal((fs.statSync(file).mode & 0o777).toString(8), '600', 'readable by its owner only: it holds confidential fields');
  assert.ok('state' in read, JSON.stringify(read));
  const back = read.state;
  assert.deepEqual(back.publicIds, state.publicIds);
  assert.deepEqual(back.internalIds, state.internalIds);
  assert.deepEqual([...back.signatures], [...state.signatures]);
  assert.ok(state.internalIds.length > state.publicIds.length, 'some documents are not public (the generator makes some)');
  sameEntries(state.loads.public.entries, back.loads.public.entries);
  sameEntries(state.loads.internal.entries, back.loads.internal.entries);
  // The confidential words are the staff entries' alone.
  const staffWords = back.loads.internal.entries[0]!.searchText().map(([field]) => field);
  assert.ok(staffWords.includes('internal'));
  assert.ok(!back.loads.public.entries[0]!.searchText().some(([field]) => field === 'internal'));
  for (const kind of ['public', 'internal'] as const) {
    const segment = (s: LoadState) => {
      const t = runNow(buildSegment(s.loads[kind].words));
      return { words: t.words, offsets: [...t.offsets], docs: [...t.docs], tf: [...t.tf], lengths: [...t.lengths], total: t.totalLength };
    };
    // Built from a copy read again: a build renumbers its pass 1's word ids in place.
    const again = await readSnapshot(file, KEY, REFERENCE);
    assert.ok('state' in again);
    assert.deepEqual(segment(again.state), segment(state));
  }
});

test('the catalogs built from a snapshot answer as those built from the rows', async () => {
  const { state } = load(150);
  const staffVocabulary = { ...vocabulary, status: [] };
  // Built before the snapshot is written, as a boot does (a build renumbers its pass 1's word ids in place).
  const fromRows = [
    new Catalog(state.loads.public, vocabulary, 'v'),
    new Catalog(state.loads.internal, staffVocabulary, 'v', INTERNAL_FILTER_NAMES),
  ];
  const { read } = await roundTrip(state);
  assert.ok('state' in read);
  const catalogs = [
    [fromRows[0]!, new Catalog(read.state.loads.public, vocabulary, 'v')],
    [fromRows[1]!, new Catalog(read.state.loads.internal, staffVocabulary, 'v', INTERNAL_FILTER_NAMES)],
  ] as const;
  const run = (c: Catalog<Named, string>, q: string) => {
    const r = c.search(parseDirectoryQuery(new URLSearchParams(q), c.vocabulary, 'list', c.filterNames));
    return { total: r.total, slugs: r.page.map((e) => e.slug) };
  };
  for (const q of ['', 'q=shelter', 'q=legal aid montreal', 'q=hébergements&locale=fr', 'q=survivrs', 'province=QC&q=aide']) {
    for (const [fromRows, fromSnapshot] of catalogs) {
      const expected = run(fromRows, q);
      assert.deepEqual(run(fromSnapshot, q), expected, q);
    }
  }
  assert.ok(run(catalogs[1][1], 'q=redrafted').total > 0, 'the drafts’ words');
  assert.equal(run(catalogs[0][1], 'q=redrafted').total, 0, 'never the public catalog’s');
});

test('the records read back share their values as they did in memory', async () => {
  const { state } = load(60);
  const { read } = await roundTrip(state);
  assert.ok('state' in read);
  let shared = 0;
  state.loads.public.entries.forEach((e, i) => {
    const back = read.state.loads.public.entries[i]!;
    for (const k of Object.keys(e.records.en) as Array<keyof typeof e.records.en>) {
      const v = e.records.en[k];
      if (typeof v !== 'object' || v === null || v !== e.records.fr[k]) continue;
      assert.equal(back.records.en[k], back.records.fr[k], `${String(k)}: one object for both locales`);
      shared++;
    }
  });
  assert.ok(shared > 0);
});

test('a snapshot of other code, of other reference data, cut short or missing is not used', async () => {
  const { state } = load(20);
  assert.match(JSON.stringify((await roundTrip(state, 'another-key')).read), /another version/);
  assert.match(JSON.stringify((await roundTrip(state, KEY, 'another reference')).read), /other reference data/);
  const { file } = await roundTrip(state);
  const whole = fs.readFileSync(file);
  fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.8)));
  const cut = await readSnapshot(file, KEY, REFERENCE);
  assert.ok('reason' in cut && /cut short|unreadable/.test(cut.reason), JSON.stringify(cut));
  assert.deepEqual(await readSnapshot(path.join(tmp(), 'none'), KEY, REFERENCE), { reason: 'none' });
});

test('a write stopped half-way leaves no file behind', async () => {
  const { state } = load(600);
  const dir = tmp();
  const file = path.join(dir, 'catalog');
  let turns = 0;
  const bytes = await writeSnapshot(file, snapshotFrames(state, KEY), () => ++turns > 2, 0);
  assert.equal(bytes, 0);
  assert.deepEqual(fs.readdirSync(dir), []);
});
