/**
 * The Document Service side of bilingual.ts, for organizations: fills a new locale's slug and
 * relations from the other, copies them to the other locale after every write, keeps the
 * translation state (translation-status.ts) by what each write did to the text, and makes publish
 * and unpublish act on both locales (refusing to publish a half-translated record; a locale whose
 * draft has not changed since it was published is not published again).
 */
import type { Core } from '@strapi/strapi';
import { FIELD_LABELS } from './field-labels';
import { currentLanguage } from './language';
import { assertNoProblems } from './problems';
import {
  LOCALES,
  SHARED_RELATIONS,
  type Locale,
  isLocale,
  linksOf,
  linksPatch,
  otherLocale,
  publishProblems,
  setsRelation,
  textHash,
} from './bilingual';
import { nextBases, translationState } from './translation-status';
import { documentIdOf, isRecord, text } from './values';
import { ORGANIZATION as ORG } from '../content-types';
import { type DocumentReader, documentReader } from '../operations/bulk-read';
import { readInTransaction } from '../operations/sqlite-reader';

type Row = Record<string, unknown>;

/**
 * A document's drafts by locale, with their shared relations, read within the write's transaction
 * by the bulk reader (as the audit reads its versions): through Strapi's query engine, these reads
 * were 15 of an admin Publish's queries.
 */
function draftsOf(strapi: Core.Strapi): (documentId: string) => Promise<Map<Locale, Row>> {
  let reader: DocumentReader | undefined;
  return async (documentId) => {
    reader ??= documentReader(strapi, ORG, SHARED_RELATIONS);
    const byLocale = new Map<Locale, Row>();
    for (const r of await readInTransaction(strapi, reader, [documentId]))
      if (r.publishedAt == null && isLocale(r.locale)) byLocale.set(r.locale, r);
    return byLocale;
  };
}

/** Before a locale is first written: the slug and relations it does not set come from the other. */
function fillNewLocale(data: Row, from: Row): void {
  if (!data.slug && typeof from.slug === 'string') data.slug = from.slug;
  for (const key of SHARED_RELATIONS) {
    if (setsRelation(data[key])) continue;
    const list = Array.isArray(from[key]) ? from[key] : [];
    data[key] = { set: list.flatMap((t) => (isRecord(t) && typeof t.documentId === 'string' ? [{ documentId: t.documentId }] : [])) };
  }
}

/**
 * After a write to `locale` (`before` and `drafts`: the drafts before and after it): the other
 * locale's draft gets its slug and relations, and both get their translation basis and the
 * record's translation state.
 */
async function afterWrite(
  strapi: Core.Strapi,
  drafts: ReadonlyMap<Locale, Row>,
  locale: Locale,
  before: ReadonlyMap<Locale, Row>,
): Promise<void> {
  const source = drafts.get(locale);
  const other = drafts.get(otherLocale(locale));
  if (!source || !other) return;
  const patch = linksPatch(linksOf(source), linksOf(other));
  const previous = before.get(locale);
  const bases = nextBases(
    { before: previous ? textHash(previous) : null, after: textHash(source), basis: text(source.translationBasis) },
    { hash: textHash(other), basis: text(other.translationBasis) },
  );
  const written = { hash: textHash(source), basis: bases.written };
  const unwritten = { hash: textHash(other), basis: bases.other };
  const state = translationState(locale === 'en' ? { en: written, fr: unwritten } : { en: unwritten, fr: written });
  const sourceTrack = { translationBasis: bases.written, translationState: state };
  const otherTrack = { translationBasis: bases.other, translationState: state };
  if (source.translationBasis !== bases.written || source.translationState !== state) {
    await strapi.db.query(ORG).update({ where: { id: source.id }, data: sourceTrack });
  }
  if (Object.keys(patch).length > 0 || other.translationBasis !== bases.other || other.translationState !== state) {
    await strapi.db.query(ORG).update({ where: { id: other.id }, data: { ...patch, ...otherTrack } });
  }
}

const time = (v: unknown): number => (typeof v === 'string' || typeof v === 'number' || v instanceof Date ? new Date(v).getTime() : NaN);

/**
 * Whether the locale other than `requested` is published and its draft not changed since (Strapi's
 * own test for "Modified": the draft updated after the published version). Then publishing
 * `requested` alone keeps both in step, and spares Strapi the other's republish (it deletes the
 * published row with its components and clones the draft: half of a Publish's queries). Every write
 * that reaches the other locale's draft (a non-localized field, a shared relation, the translation
 * state) updates it, so it is published whenever it changed.
 */
async function otherLocaleInStep(
  strapi: Core.Strapi,
  documentId: string,
  requested: unknown,
  drafts: ReadonlyMap<Locale, Row>,
): Promise<boolean> {
  if (!isLocale(requested)) return false;
  const other = otherLocale(requested);
  const published: unknown = await strapi.db
    .query(ORG)
    .findOne({ where: { documentId, locale: other, publishedAt: { $notNull: true } }, select: ['updatedAt'] });
  const draft = drafts.get(other);
  return isRecord(published) && !!draft && time(draft.updatedAt) <= time(published.updatedAt);
}

/** Puts the entry the editor is looking at first among a both-locale publish's (the admin shows entry 0). */
function requestedFirst(result: unknown, locale: unknown): void {
  if (!isRecord(result) || !Array.isArray(result.entries)) return;
  result.entries.sort((a: unknown, b: unknown) => Number(isRecord(b) && b.locale === locale) - Number(isRecord(a) && a.locale === locale));
}

export function bilingualMiddleware(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  const draftRows = draftsOf(strapi);
  return async (context, next) => {
    const params: unknown = context.params;
    if (context.uid !== ORG || !isRecord(params)) return next();
    const documentId = documentIdOf(params);
    const requested = params.locale;

    if (context.action === 'publish' || context.action === 'unpublish') {
      if (!documentId) return next();
      if (context.action === 'publish') {
        const drafts = await draftRows(documentId);
        assertNoProblems(publishProblems(drafts, FIELD_LABELS[ORG] ?? {}), currentLanguage(strapi));
        params.locale = (await otherLocaleInStep(strapi, documentId, requested, drafts)) ? requested : '*';
      } else params.locale = '*';
      const published = await next();
      requestedFirst(published, requested);
      return published;
    }

    const data = params.data;
    if ((context.action !== 'create' && context.action !== 'update') || !isLocale(requested) || !isRecord(data)) return next();
    const before = documentId ? await draftRows(documentId) : new Map<Locale, Row>();
    const from = LOCALES.map((l) => before.get(l)).find((r) => r && r.locale !== requested);
    if (!before.has(requested) && from) fillNewLocale(data, from);
    // The workflow's bookkeeping, whatever a form sends back.
    delete data.translationBasis;
    delete data.translationState;
    const result = await next();
    const written = documentId ?? documentIdOf(result);
    if (written) await afterWrite(strapi, await draftRows(written), requested, before);
    return result;
  };
}
