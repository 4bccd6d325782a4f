/**
 * What a hotline advocate must know before referring anyone to an organization, most serious
 * first: it is out of the directory or not yet in it, its contact cannot be reached, safety and
 * capacity notes, and a verification that is out of date. The kinds alone are safe to list in
 * search results; the texts are confidential and only shown on the record (an access-logged read).
 */
import type { InternalOrganization } from '@referral-directory/sdk';
import { unreachableVerdict } from '../workflow/unreachable';
import type { WorkflowSettings } from '../workflow/settings';

export const WARNING_KINDS = ['status', 'unreachable', 'safety', 'capacity', 'verification'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export interface ConsoleWarning {
  kind: WarningKind;
  /** The confidential note or the fact behind the warning (status code, dates). */
  detail: string | null;
}

/** What the warnings read from a record. */
export type WarningFacts = Pick<
  InternalOrganization,
  'status' | 'removalReason' | 'contactAttempts' | 'safetyNotes' | 'capacityNotes' | 'nextReviewDue' | 'lastVerified'
>;

export function warningsOf(
  org: WarningFacts,
  today: string,
  settings: Pick<WorkflowSettings, 'reviewIntervalMonths' | 'unreachableAttempts'>,
): ConsoleWarning[] {
  const out: ConsoleWarning[] = [];
  if (org.status !== 'active') out.push({ kind: 'status', detail: org.removalReason ? `${org.status}: ${org.removalReason}` : org.status });
  const verdict = unreachableVerdict(org.contactAttempts, {
    today,
    windowMonths: settings.reviewIntervalMonths,
    threshold: settings.unreachableAttempts,
  });
  if (verdict.unreachable || org.removalReason === 'unreachable') {
    out.push({
      kind: 'unreachable',
      detail: verdict.unreachable ? `${verdict.failures} failed attempts (${verdict.first} – ${verdict.last})` : null,
    });
  }
  if (org.safetyNotes) out.push({ kind: 'safety', detail: org.safetyNotes });
  if (org.capacityNotes) out.push({ kind: 'capacity', detail: org.capacityNotes });
  if (org.nextReviewDue !== null && org.nextReviewDue < today)
    out.push({ kind: 'verification', detail: `review due ${org.nextReviewDue}; last verified ${org.lastVerified ?? 'never'}` });
  else if (org.lastVerified === null) out.push({ kind: 'verification', detail: 'never verified' });
  return out;
}
