/**
 * "Mark as verified on save": a transient flag editors tick in the admin. Saving it stamps the
 * verification (day, editor, next review) and clears the flag, so it is never stored as true.
 */
import { addMonths } from './dates';

export interface VerificationContext {
  today: string;
  intervalMonths: number;
  actorName: string;
}

export function verificationPatch(markVerified: unknown, ctx: VerificationContext): Record<string, unknown> {
  if (markVerified !== true) return {};
  return {
    lastVerifiedAt: ctx.today,
    lastVerifiedBy: ctx.actorName,
    nextReviewDue: addMonths(ctx.today, ctx.intervalMonths),
    markVerified: false,
  };
}
