/**
 * What the editor should not have to type: giving public consent records when and by whom (unless
 * entered), and a contact attempt logged without a time happened now.
 */
import { isRecord, text } from './values';

export interface StampContext {
  now: string;
  actorName: string;
}

/** On the way from no consent to consent: the date and person, where the editor left them empty. */
export function consentPatch(
  consentBefore: unknown,
  next: { publicConsent: unknown; consentAt: unknown; consentBy: unknown },
  ctx: StampContext,
): Record<string, unknown> {
  if (next.publicConsent !== true || consentBefore === true) return {};
  return {
    ...(next.consentAt ? {} : { consentAt: ctx.now }),
    ...(text(next.consentBy) ? {} : { consentBy: ctx.actorName }),
  };
}

/** The attempts with `at` set to now where it is missing; null when none is missing. */
export function attemptsTimed(attempts: unknown, now: string): unknown[] | null {
  if (!Array.isArray(attempts) || !attempts.some((a) => isRecord(a) && !a.at)) return null;
  return attempts.map((a) => (isRecord(a) && !a.at ? { ...a, at: now } : a));
}
