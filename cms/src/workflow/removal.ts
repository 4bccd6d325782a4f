/**
 * Listing status rules. Removal is recorded, never silent: `removed` needs a reason and gets a
 * date; a suspension needs a reason too and is dated (a structured `suspendedAt` and a dated line in the status note).
 * An organization's own request is the reason `organization_request`.
 */
import { requiredField, type FieldProblem } from './problems';
import { text } from './values';
import { ORGANIZATION as ORG } from '../content-types';

const ASK_REASON = { en: 'Indicate the reason', fr: 'Indiquez le motif' };

export interface StatusState {
  listingStatus: unknown;
  removalReason: unknown;
  removedAt: unknown;
  statusNote: unknown;
}
export interface StatusContext {
  now: string;
  today: string;
}

export function listingStatusRules(
  previousStatus: unknown,
  next: StatusState,
  ctx: StatusContext,
): { patch: Record<string, unknown>; problems: FieldProblem[] } {
  const patch: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  if (next.listingStatus === 'removed') {
    if (!text(next.removalReason))
      problems.push(requiredField(ORG, 'removalReason', ASK_REASON, { en: 'to remove a listing', fr: 'pour retirer une fiche' }));
    if (next.removedAt == null || next.removedAt === '') patch.removedAt = ctx.now;
  }
  if (next.listingStatus === 'suspended' && previousStatus !== 'suspended') {
    if (!text(next.removalReason))
      problems.push(requiredField(ORG, 'removalReason', ASK_REASON, { en: 'to suspend a listing', fr: 'pour suspendre une fiche' }));
    patch.suspendedAt = ctx.now;
    // In both languages; a note the unreachable rule dated today (also "Suspended <today>") is kept.
    const stamp = `Suspended ${ctx.today}`;
    const both = `${stamp} / Suspendue le ${ctx.today}`;
    const note = text(next.statusNote);
    if (!note) patch.statusNote = `${both}.`;
    else if (!note.startsWith(stamp)) patch.statusNote = `${both}: ${note}`;
  }
  return { patch, problems };
}
