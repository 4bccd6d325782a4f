/**
 * The engines compared on the same public records: this catalog (through the public API's own
 * query parser and search), and two in-process peers configured as their documentation suggests
 * for this kind of data — MiniSearch (prefix + fuzzy 0.2, name boosted) and Orama (Snowball
 * stemming for the query's language, typo tolerance 1, name boosted). The peers get the same
 * accent folding and the same fields (both locales), so only the engines differ.
 */
import MiniSearch from 'minisearch';
import { create, insertMultiple, search } from '@orama/orama';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import type { Locale, PublicOrganization } from '@referral-directory/sdk';
import type { Catalog } from '../src/catalog/catalog';
import { fold } from '../src/catalog/normalize';
import { PROVINCE_LABELS } from '../src/directory/labels';
import { parseDirectoryQuery } from '../src/directory/query';
import type { Ranker } from './metrics';

const DEPTH = 10;

/** This catalog, exactly as `GET /api/directory/organizations?q=…&locale=…` ranks. */
export function catalogRanker(catalog: Catalog): Ranker {
  return (q, locale) => {
    const parsed = parseDirectoryQuery(new URLSearchParams({ q, locale, pageSize: String(DEPTH) }), catalog.vocabulary, 'list');
    return catalog.search(parsed).page.map((e) => e.slug);
  };
}

interface Doc {
  id: string;
  name: string;
  text: string;
  labels: string;
  places: string;
}

/** The searchable text of a public record in both locales, as plain fields. */
export function peerDocument(en: PublicOrganization, fr: PublicOrganization): Doc {
  const both = (f: (r: PublicOrganization) => string) => `${f(en)} ${f(fr)}`;
  const labels = (r: PublicOrganization) =>
    [...r.services, ...r.focusAreas, ...r.populations, ...r.languages].map((t) => t.label).join(' ');
  return {
    id: en.slug,
    name: both((r) => [r.name, ...r.otherNames].join(' ')),
    text: both((r) => [r.description, r.eligibility ?? '', r.fees ?? ''].join(' ')),
    labels: both(labels),
    places: [
      ...en.provinces.flatMap((p) => [p, PROVINCE_LABELS[p].en, PROVINCE_LABELS[p].fr]),
      ...en.serviceAreas.flatMap((a) => a.regions),
      ...en.locations.map((l) => l.city),
    ].join(' '),
  };
}

const documents = (catalog: Catalog): Doc[] => catalog.entries.map((e) => peerDocument(e.records.en, e.records.fr));
const FIELDS = ['name', 'text', 'labels', 'places'] as const;

export function miniSearchRanker(catalog: Catalog): Ranker {
  const ms = new MiniSearch<Doc>({
    fields: [...FIELDS],
    idField: 'id',
    processTerm: (term) => fold(term) || null,
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { name: 3, labels: 1.5, places: 1.5 } },
  });
  ms.addAll(documents(catalog));
  return (q) =>
    ms
      .search(q)
      .slice(0, DEPTH)
      .map((r) => String(r.id));
}

const ORAMA_SCHEMA = { id: 'string', name: 'string', text: 'string', labels: 'string', places: 'string' } as const;

async function oramaDb(docs: Doc[], stemmer: (w: string) => string) {
  const db = create({
    schema: ORAMA_SCHEMA,
    components: { tokenizer: { stemming: true, stemmer, stemmerSkipProperties: ['id'], tokenizeSkipProperties: ['id'] } },
  });
  // Orama folds case but not accents: give it folded text, like the other engines.
  await insertMultiple(
    db,
    docs.map((d) => ({ id: d.id, name: fold(d.name), text: fold(d.text), labels: fold(d.labels), places: fold(d.places) })),
  );
  return db;
}

export async function oramaRanker(catalog: Catalog): Promise<Ranker> {
  const docs = documents(catalog);
  const dbs: Record<Locale, Awaited<ReturnType<typeof oramaDb>>> = { en: await oramaDb(docs, english), fr: await oramaDb(docs, french) };
  return async (q, locale) => {
    const res = await search(dbs[locale], {
      term: fold(q),
      properties: ['name', 'text', 'labels', 'places'],
      tolerance: 1,
      limit: DEPTH,
      boost: { name: 3, labels: 1.5, places: 1.5 },
    });
    return res.hits.map((h) => String(h.document.id));
  };
}
