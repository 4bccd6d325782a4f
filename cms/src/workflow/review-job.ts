/**
 * The daily review job (config/cron-tasks.ts, on the one instance where CRON_ENABLED=true):
 * lists the organizations and protocols due or overdue for review and mails the digest to the
 * directory editors (REVIEW_NOTIFY_EMAILS overrides the list). Exported for tests and manual runs.
 */
import type { Core } from '@strapi/strapi';
import { dayOf, isoDay } from './dates';
import { emailSender, type SendEmail } from './email';
import { reviewDigest, selectDue, type DueRecord, type ReviewCandidate } from './review-due';
import { workflowSettings } from './settings';
import { isRecord, text } from './values';
import { ORGANIZATION as ORG, PROTOCOL } from '../content-types';

export const EDITOR_ROLE_CODE = 'directory-editor';

export interface ReviewJobOptions {
  /** The day to review as of (YYYY-MM-DD). @default today in DIRECTORY_TIME_ZONE */
  today?: string;
  /** @default the email plugin, or a log line when EMAIL_PROVIDER is unset */
  send?: SendEmail;
  /** @default REVIEW_NOTIFY_EMAILS, else every active admin with the Directory editor role */
  recipients?: string[];
}

export interface ReviewJobResult {
  today: string;
  due: DueRecord[];
  recipients: string[];
  sent: boolean;
}

async function candidates(strapi: Core.Strapi): Promise<ReviewCandidate[]> {
  const out = new Map<string, ReviewCandidate>();
  // The latest (draft) version says when the next review is due; review dates are shared by both locales.
  const rows: unknown[] = await strapi.db.query(ORG).findMany({
    where: { publishedAt: null },
    select: ['documentId', 'locale', 'name', 'listingStatus', 'nextReviewDue'],
  });
  for (const r of rows) {
    if (!isRecord(r) || typeof r.documentId !== 'string') continue;
    if (out.has(r.documentId) && r.locale !== 'en') continue;
    out.set(r.documentId, {
      type: 'organization',
      documentId: r.documentId,
      label: text(r.name) ?? r.documentId,
      listingStatus: text(r.listingStatus),
      nextReviewDue: dayOf(r.nextReviewDue),
    });
  }
  const protocols: unknown[] = await strapi.db.query(PROTOCOL).findMany({ select: ['documentId', 'agency', 'nextReviewDue'] });
  for (const p of protocols) {
    if (!isRecord(p) || typeof p.documentId !== 'string') continue;
    out.set(p.documentId, {
      type: 'law_enforcement_protocol',
      documentId: p.documentId,
      label: text(p.agency) ?? p.documentId,
      listingStatus: null,
      nextReviewDue: dayOf(p.nextReviewDue),
    });
  }
  return [...out.values()];
}

async function editorEmails(strapi: Core.Strapi): Promise<string[]> {
  const configured = (process.env.REVIEW_NOTIFY_EMAILS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (configured.length > 0) return configured;
  const users: unknown[] = await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { code: EDITOR_ROLE_CODE } },
    select: ['email'],
  });
  return [...new Set(users.map((u) => (isRecord(u) ? text(u.email) : null)).filter((e): e is string => e !== null))].sort();
}

export async function runReviewJob(strapi: Core.Strapi, options: ReviewJobOptions = {}): Promise<ReviewJobResult> {
  const today = options.today ?? isoDay(new Date(), workflowSettings().timeZone);
  const due = selectDue(await candidates(strapi), today);
  const recipients = options.recipients ?? (await editorEmails(strapi));
  let sent = false;
  if (due.length > 0 && recipients.length > 0) {
    const base = (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 1337}`).replace(/\/$/, '');
    const { subject, text: body } = reviewDigest(due, today, `${base}/admin`);
    await (options.send ?? emailSender(strapi))({ to: recipients, subject, text: body });
    sent = true;
  }
  strapi.log.info(
    `review job ${today}: ${due.length} record(s) due, ${sent ? `digest sent to ${recipients.length} editor(s)` : 'no digest sent'}`,
  );
  return { today, due, recipients, sent };
}
