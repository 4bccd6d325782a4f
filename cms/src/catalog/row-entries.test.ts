/**
 * A document's two entries from its rows, as a full load makes them: the staff entry takes its
 * public entry's records, members and counted words where its latest version reads the same as the
 * published one, and must come out exactly as if made on its own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixtures } from '../operations/fixtures';
import { generateOrganizations } from '../../scripts/lib/generate';
import { rowsOf, termIndex } from '../../bench/lib/fixture-catalog';
import type { OrganizationRow } from '../directory/rows';
import { EntriesLoad, type Entry } from './catalog';
import { type InternalEntry, internalEntryFromRows, putDocument } from './row-entries';
import { Postings, runNow, buildSegment } from './segment';

const fixtures = readFixtures();
const terms = termIndex(fixtures.taxonomies);

/** A component or list copied as a draft copies it: the same values under ids of its own. */
const copied = <T>(v: T, id: number): T =>
  Array.isArray(v) ? (v.map((x: unknown, i) => copied(x, id * 10 + i)) as T) : v && typeof v === 'object' ? { ...v, id } : v;

/** A document's rows as Strapi keeps them: each locale published, and its draft (`change` edits the draft). */
function documentRows(published: OrganizationRow[], change?: (draft: OrganizationRow) => void): OrganizationRow[] {
  const withIds = (row: OrganizationRow, base: number) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, ['locations', 'phones', 'openingHours', 'serviceAreas'].includes(k) ? copied(v, base) : v]),
    ) as unknown as OrganizationRow;
  const drafts = published.map((r) => {
    const draft = withIds({ ...r, id: r.id + 100_000, publishedAt: null }, r.id * 1000 + 7);
    change?.(draft);
    return draft;
  });
  return [...published.map((r) => withIds(r, r.id * 1000)), ...drafts];
}

/** Every word the index holds for the entries, counted anew from their records (no words shared). */
const segmentOf = (words: Postings) => {
  const s = runNow(buildSegment(words));
  return { words: s.words, offsets: [...s.offsets], docs: [...s.docs], tf: [...s.tf], lengths: [...s.lengths], total: s.totalLength };
};
const recounted = (entries: readonly InternalEntry[]) => {
  const p = new Postings();
  for (const e of entries) p.record(e.searchText());
  return segmentOf(p);
};

test('a full load counts a staff entry from its public one: the same entry and the same index as on its own', () => {
  const organizations = generateOrganizations(120, fixtures.taxonomies);
  const loads = { public: new EntriesLoad(), internal: new EntriesLoad() } as Parameters<typeof putDocument>[4] & object;
  const entries = new Map<string, Entry>();
  const internal = new Map<string, InternalEntry>();
  const alone: InternalEntry[] = [];
  organizations.forEach((o, i) => {
    const published = rowsOf(o, i + 1, terms);
    if (published.length === 0) return;
    // Every fourth document has a draft saved since, with a changed description.
    const rows = documentRows(published, i % 4 === 0 ? (d) => (d.description = `${d.description} redraftedword`) : undefined);
    putDocument(entries, internal, `doc-${i}`, rows, loads);
    alone.push(internalEntryFromRows(rows)!);
  });
  assert.ok(loads.public.entries.length > 60 && loads.internal.entries.length === alone.length);
  assert.deepEqual(
    loads.internal.entries.map((e) => [e.json.en, e.json.fr]),
    alone.map((e) => [e.json.en, e.json.fr]),
  );
  assert.ok(loads.internal.entries.some((e) => e.json.en.includes('redraftedword')));
  assert.ok(!loads.public.entries.some((e) => e.json.en.includes('redraftedword')), 'the public entry stays the published one');
  assert.deepEqual(segmentOf(loads.internal.words), recounted(loads.internal.entries));
});

test('a draft that differs from the published version in any public field: the staff entry is the draft', () => {
  const [o] = generateOrganizations(1, fixtures.taxonomies);
  const published = rowsOf(o!, 1, terms);
  const otherTerm = [...terms.services.values()].find((t) => !published[0]!.services!.some((s) => s.code === t.code))!;
  const changes: Record<string, (d: OrganizationRow) => void> = {
    name: (d) => (d.name = `${d.name} Nouveau`),
    description: (d) => (d.description = 'A draft description'),
    services: (d) => (d.services = [...(d.services ?? []), otherTerm]),
    phones: (d) => (d.phones = [{ type: 'voice', number: '555-0199', extension: null, labelEn: null, labelFr: null }]),
    locations: (d) => (d.locations = (d.locations ?? []).map((l) => ({ ...l, city: 'Drafttown' }))),
    openingHours: (d) => (d.openingHours = []),
    national: (d) => (d.national = !d.national),
  };
  for (const [field, change] of Object.entries(changes)) {
    const rows = documentRows(published, (d) => d.locale === 'en' && change(d));
    const entries = new Map<string, Entry>();
    const internal = new Map<string, InternalEntry>();
    const loads = { public: new EntriesLoad(), internal: new EntriesLoad() } as Parameters<typeof putDocument>[4] & object;
    putDocument(entries, internal, 'doc', rows, loads);
    const staff = internal.get('doc')!;
    const unchanged = internalEntryFromRows(documentRows(published))!;
    assert.notEqual(staff.json.en, unchanged.json.en, `${field}: the draft's change shows`);
    assert.equal(staff.json.en, internalEntryFromRows(rows)!.json.en, field);
    assert.equal(staff.json.fr, unchanged.json.fr, `${field}: the French version is unchanged`);
    assert.deepEqual(segmentOf(loads.internal.words), recounted([staff]), field);
  }
});

test("a pass 1 adds another's last record by its ids: the same postings as adding its words", () => {
  const a = new Postings();
  const b = new Postings();
  const c = new Postings();
  const first = [
    ['name', ['maison', 'refuge']],
    ['text', ['refuge', 'montreal', 'aide']],
  ] as const;
  const own = [['internal', ['aide', 'notes', 'refuge']]] as const;
  a.record([['text', ['other', 'words']]]);
  a.record(first);
  b.record([['text', ['unrelated']]]);
  b.record(own, a);
  c.record([['text', ['unrelated']]]);
  c.record([...first, ...own]);
  assert.deepEqual(segmentOf(b), segmentOf(c));
});
