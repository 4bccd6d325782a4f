/** Which records are due for their periodic review, and the digest that tells editors. */
import { ORGANIZATION, PROTOCOL } from '../content-types';

export interface ReviewCandidate {
  type: 'organization' | 'law_enforcement_protocol';
  documentId: string;
  label: string;
  /** Organizations only. */
  listingStatus: string | null;
  nextReviewDue: string | null;
}

export interface DueRecord extends ReviewCandidate {
  overdue: boolean;
}

/**
 * Due when the review date is today or past. A removed organization is never due; a listed one,
 * and any protocol, without a review date is due (it was never scheduled).
 */
export function isDue(c: ReviewCandidate, today: string): boolean {
  if (c.type === 'organization' && c.listingStatus === 'removed') return false;
  if (c.nextReviewDue == null) return c.type === 'law_enforcement_protocol' || c.listingStatus === 'active';
  return c.nextReviewDue <= today;
}

export function selectDue(candidates: readonly ReviewCandidate[], today: string): DueRecord[] {
  return candidates
    .filter((c) => isDue(c, today))
    .map((c) => ({ ...c, overdue: c.nextReviewDue == null || c.nextReviewDue < today }))
    .sort((a, b) => (a.nextReviewDue ?? '').localeCompare(b.nextReviewDue ?? '') || a.label.localeCompare(b.label));
}

const ADMIN_PATHS = {
  organization: ORGANIZATION,
  law_enforcement_protocol: PROTOCOL,
} as const;

export function reviewDigest(due: readonly DueRecord[], today: string, adminUrl: string): { subject: string; text: string } {
  const line = (d: DueRecord) => {
    const when = d.nextReviewDue ? `${d.overdue ? 'overdue since' : 'due'} ${d.nextReviewDue}` : 'never scheduled';
    const status = d.listingStatus ? ` [${d.listingStatus}]` : '';
    return `- ${d.label}${status}: ${when}\n  ${adminUrl}/content-manager/collection-types/${ADMIN_PATHS[d.type]}/${d.documentId}`;
  };
  const orgs = due.filter((d) => d.type === 'organization');
  const protocols = due.filter((d) => d.type === 'law_enforcement_protocol');
  const sections = [
    `Records due for review on ${today} / Fiches à réviser au ${today}`,
    orgs.length ? `\nOrganizations / Organismes (${orgs.length}):\n${orgs.map(line).join('\n')}` : '',
    protocols.length ? `\nLaw-enforcement protocols / Protocoles policiers (${protocols.length}):\n${protocols.map(line).join('\n')}` : '',
  ];
  return {
    subject: `Directory: ${due.length} record(s) due for review / Répertoire : ${due.length} fiche(s) à réviser`,
    text: sections.filter(Boolean).join('\n'),
  };
}
