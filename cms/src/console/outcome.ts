/**
 * A referral outcome recorded from the console: which organization, which day, how the referral
 * was made and what came of it. The body is checked strictly: these four keys only, so there is
 * no way to send a note or anything else about the caller.
 */
import type { ErrorDetail } from '@referral-directory/sdk';
import { validationError } from '../directory/errors';
import { isRecord } from '../workflow/values';

export const OUTCOME_MODES = ['warm_transfer', 'conference_call', 'phone', 'chat', 'email'] as const;
export const OUTCOMES = ['accepted', 'declined', 'waitlisted', 'no_response', 'referred_elsewhere', 'unknown'] as const;
const KEYS = new Set(['organization', 'date', 'mode', 'outcome']);

export interface OutcomeInput {
  /** The organization's slug (any locale) or document id. */
  organization: string;
  date: string;
  mode: (typeof OUTCOME_MODES)[number];
  outcome: (typeof OUTCOMES)[number];
}

const oneOf = <T extends string>(values: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (values as readonly string[]).includes(v);

export function parseOutcome(body: unknown, today: string): OutcomeInput {
  if (!isRecord(body)) throw validationError([{ path: '', message: 'must be a JSON object' }]);
  const details: ErrorDetail[] = [];
  for (const key of Object.keys(body))
    if (!KEYS.has(key)) details.push({ path: key, message: 'is not a known field (nothing about the caller is recorded)' });
  const { organization, date, mode, outcome } = body;
  if (typeof organization !== 'string' || organization.trim() === '' || organization.length > 200)
    details.push({ path: 'organization', message: 'must name an organization' });
  if (
    date !== undefined &&
    (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)) || date > today)
  ) {
    details.push({ path: 'date', message: 'must be a day (YYYY-MM-DD), not in the future' });
  }
  if (!oneOf(OUTCOME_MODES, mode)) details.push({ path: 'mode', message: `must be one of ${OUTCOME_MODES.join(', ')}` });
  if (!oneOf(OUTCOMES, outcome)) details.push({ path: 'outcome', message: `must be one of ${OUTCOMES.join(', ')}` });
  if (details.length > 0 || typeof organization !== 'string' || !oneOf(OUTCOME_MODES, mode) || !oneOf(OUTCOMES, outcome))
    throw validationError(details);
  return { organization, date: typeof date === 'string' ? date : today, mode, outcome };
}
