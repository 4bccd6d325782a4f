/**
 * The editorial rules, enforced on every create and update through the Document Service (admin,
 * API or script alike): each reads the stored version and the write's data, may refuse the write
 * with a field error (nothing is written), and may add fields to it. The rules themselves are pure
 * functions, one file per concern; this module only reads state and applies their patches.
 */
import type { Core, UID } from '@strapi/strapi';
import { currentActor, inRequest } from './actor';
import {
  applicationProblems,
  draftOrganizationFrom,
  isApproval,
  linkedAfterWrite,
  provincesProblems,
  type ApplicationRecord,
} from './applications';
import { isoDay } from './dates';
import { currentLanguage } from './language';
import { assertNoProblems } from './problems';
import { protocolPatch } from './protocols';
import { listingStatusRules } from './removal';
import { workflowSettings } from './settings';
import { slugify, uniqueSlug } from './slug';
import { attemptSummary, hoursSummary, policeContactSummary, withSummaries } from './component-titles';
import { attemptsTimed, consentPatch } from './stamps';
import { suggestionProblems } from './suggestions';
import { attemptsOf, unreachablePatch, unreachableVerdict } from './unreachable';
import { verificationPatch } from './verification';
import { documentIdOf, effective, isRecord } from './values';
import { APPLICATION, ORGANIZATION as ORG, PROTOCOL, SUGGESTION } from '../content-types';
import { documentInput } from '../document-input';

type Row = Record<string, unknown>;
type Write = { documentId: string | null; locale: unknown; data: Row };

/** The params of a create or update, with the data as a plain object. */
function writeOf(params: unknown): Write | null {
  if (!isRecord(params) || !isRecord(params.data)) return null;
  return { documentId: documentIdOf(params), locale: params.locale, data: params.data };
}

function setData(params: unknown, data: Row): void {
  if (isRecord(params)) params.data = data;
}

async function storedRow(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | null,
  locale: unknown,
  populate: Record<string, true>,
): Promise<Row | null> {
  if (!documentId) return null;
  const draftAndPublish = strapi.getModel(uid).options?.draftAndPublish === true;
  const where: Row = { documentId, ...(draftAndPublish ? { publishedAt: null } : {}) };
  const exact: unknown =
    typeof locale === 'string' && locale !== '*' ? await strapi.db.query(uid).findOne({ where: { ...where, locale }, populate }) : null;
  // A new locale of an existing document shares its non-localized fields with the others.
  const row: unknown = exact ?? (await strapi.db.query(uid).findOne({ where, populate }));
  return isRecord(row) ? row : null;
}

function clock(strapi: Core.Strapi) {
  const settings = workflowSettings();
  const now = new Date();
  return { settings, now: now.toISOString(), today: isoDay(now, settings.timeZone), actor: currentActor(strapi) };
}

async function organizationRules(strapi: Core.Strapi, w: Write, isCreate: boolean): Promise<Row> {
  const { settings, now, today, actor } = clock(strapi);
  const before = isCreate ? null : await storedRow(strapi, ORG, w.documentId, w.locale, { contactAttempts: true });
  const data = {
    ...w.data,
    ...verificationPatch(w.data.markVerified, { today, intervalMonths: settings.reviewIntervalMonths, actorName: actor.name }),
  };
  // An editor giving consent in the admin (scripts and imports carry their own record of it).
  if (inRequest(strapi))
    Object.assign(
      data,
      consentPatch(
        before?.publicConsent,
        {
          publicConsent: effective(data, before, 'publicConsent'),
          consentAt: effective(data, before, 'consentAt'),
          consentBy: effective(data, before, 'consentBy'),
        },
        { now, actorName: actor.name },
      ),
    );
  const timed = attemptsTimed(data.contactAttempts, now);
  if (timed) data.contactAttempts = timed;
  const hours = withSummaries(data.openingHours, hoursSummary);
  if (hours) data.openingHours = hours;
  const attempts = withSummaries(data.contactAttempts, (a) => attemptSummary(a, settings.timeZone));
  if (attempts) data.contactAttempts = attempts;

  const o = { today, windowMonths: settings.reviewIntervalMonths, threshold: settings.unreachableAttempts };
  const attemptsBefore = before ? unreachableVerdict(attemptsOf(before.contactAttempts), o) : null;
  const attemptsAfter = unreachableVerdict(attemptsOf(effective(data, before, 'contactAttempts')), o);
  Object.assign(
    data,
    unreachablePatch(
      attemptsBefore,
      attemptsAfter,
      {
        listingStatus: effective(data, before, 'listingStatus'),
        statusNote: effective(data, before, 'statusNote'),
      },
      { today, suspend: settings.suspendUnreachable },
    ),
  );

  const status = listingStatusRules(
    before?.listingStatus,
    {
      listingStatus: effective(data, before, 'listingStatus'),
      removalReason: effective(data, before, 'removalReason'),
      removedAt: effective(data, before, 'removedAt'),
      statusNote: effective(data, before, 'statusNote'),
    },
    { now, today },
  );
  assertNoProblems(status.problems, currentLanguage(strapi));
  return { ...data, ...status.patch };
}

async function protocolRules(strapi: Core.Strapi, w: Write, isCreate: boolean): Promise<Row> {
  const { settings, today } = clock(strapi);
  const before = isCreate ? null : await storedRow(strapi, PROTOCOL, w.documentId, undefined, { contacts: true });
  if (!isCreate && !before) return w.data;
  const patch = protocolPatch(before ? { protocol: before.protocol, contacts: before.contacts, version: before.version } : null, w.data, {
    today,
    intervalMonths: settings.reviewIntervalMonths,
  });
  const contacts = withSummaries(w.data.contacts, policeContactSummary);
  return { ...w.data, ...patch, ...(contacts ? { contacts } : {}) };
}

async function suggestionRules(strapi: Core.Strapi, w: Write, isCreate: boolean): Promise<Row> {
  const before = isCreate ? null : await storedRow(strapi, SUGGESTION, w.documentId, undefined, {});
  assertNoProblems(
    suggestionProblems(effective(w.data, before, 'reviewStatus'), effective(w.data, before, 'resolutionNote')),
    currentLanguage(strapi),
  );
  return w.data;
}

/** Creates the draft organization of an approved application, in both locales; returns its documentId. */
async function createDraftOrganization(strapi: Core.Strapi, app: ApplicationRecord): Promise<string> {
  const { today } = clock(strapi);
  const name = typeof app.organizationName === 'string' ? app.organizationName : '';
  const slug = await uniqueSlug(slugify(name), async (s) => (await strapi.db.query(ORG).count({ where: { slug: s } })) > 0);
  const draft = draftOrganizationFrom(app, { slug, today });
  const docs = strapi.documents(ORG);
  // The draft is built from an application's untyped fields, validated by the workflow rules on write (see documentInput).
  const created = await docs.create({ locale: draft.locale, data: documentInput(ORG, { ...draft.shared, ...draft.localized }) });
  await docs.update({ documentId: created.documentId, locale: draft.otherLocale, data: documentInput(ORG, { ...draft.localized }) });
  return created.documentId;
}

async function applicationRules(strapi: Core.Strapi, w: Write, isCreate: boolean): Promise<Row> {
  const populate = { organization: true, contact: true, attestations: true } as const;
  const before = isCreate ? null : await storedRow(strapi, APPLICATION, w.documentId, undefined, populate);
  const data = w.data;
  const reviewStatus = effective(data, before, 'reviewStatus');
  assertNoProblems(
    [
      ...applicationProblems(reviewStatus, effective(data, before, 'declineReason')),
      ...('provinces' in data ? provincesProblems(data.provinces) : []),
    ],
    currentLanguage(strapi),
  );
  if (isCreate || !before || !isApproval(before.reviewStatus, reviewStatus)) return data;
  if (linkedAfterWrite(data.organization, 'organization' in data, isRecord(before.organization))) return data;
  const merged: ApplicationRecord = { ...before, ...data };
  // The admin sends components with ids and may omit unchanged ones: read them from the stored row then.
  if (!isRecord(data.contact)) merged.contact = before.contact;
  if (!isRecord(data.attestations)) merged.attestations = before.attestations;
  const organization = await createDraftOrganization(strapi, merged);
  return { ...data, organization };
}

const RULES: Readonly<Record<string, (strapi: Core.Strapi, w: Write, isCreate: boolean) => Promise<Row>>> = {
  [ORG]: organizationRules,
  [PROTOCOL]: protocolRules,
  [SUGGESTION]: suggestionRules,
  [APPLICATION]: applicationRules,
};

export function rulesMiddleware(strapi: Core.Strapi): Parameters<Core.Strapi['documents']['use']>[0] {
  return async (context, next) => {
    const rules = RULES[context.uid];
    if (!rules || (context.action !== 'create' && context.action !== 'update')) return next();
    const write = writeOf(context.params);
    if (!write) return next();
    const isCreate = context.action === 'create';
    // One transaction: an approval's new organization exists only if the application is saved.
    return strapi.db.transaction(async () => {
      setData(context.params, await rules(strapi, write, isCreate));
      return next();
    });
  };
}
