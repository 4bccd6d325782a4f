/**
 * Unreachable designated contacts. A record whose contact has failed N times (any outcome but
 * `reached`) within the review window, with no `reached` since, is flagged for an editor and,
 * where SUSPEND_UNREACHABLE=true, an active record is suspended (which hides it publicly at once).
 * Nothing is ever deleted. The rule fires on new evidence only, so an editor who clears the flag
 * is not overruled by the same attempts on the next save.
 */
import { addMonths, dayOf } from './dates';
import { isRecord, text } from './values';

export interface Attempt {
  at: string;
  outcome: string;
}

export interface UnreachableVerdict {
  unreachable: boolean;
  /** Failed attempts within the window after the last `reached`. */
  failures: number;
  first: string | null;
  last: string | null;
}

export interface UnreachableOptions {
  today: string;
  windowMonths: number;
  threshold: number;
}

/** Contact attempts from stored rows or from the data of a write (components as plain objects). */
export function attemptsOf(value: unknown): Attempt[] {
  if (!Array.isArray(value)) return [];
  const out: Attempt[] = [];
  for (const a of value) {
    if (!isRecord(a)) continue;
    const at = a.at instanceof Date ? a.at.toISOString() : text(a.at);
    const outcome = text(a.outcome);
    if (at && outcome && !Number.isNaN(Date.parse(at))) out.push({ at, outcome });
  }
  return out;
}

export function unreachableVerdict(attempts: readonly Attempt[], o: UnreachableOptions): UnreachableVerdict {
  const windowStart = addMonths(o.today, -o.windowMonths);
  const lastReached = attempts.filter((a) => a.outcome === 'reached').reduce((max, a) => Math.max(max, Date.parse(a.at)), -Infinity);
  const failed = attempts
    .filter((a) => a.outcome !== 'reached' && Date.parse(a.at) > lastReached && (dayOf(a.at) ?? '') >= windowStart)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    unreachable: failed.length >= o.threshold,
    failures: failed.length,
    first: dayOf(failed[0]?.at) ?? null,
    last: dayOf(failed[failed.length - 1]?.at) ?? null,
  };
}

export interface UnreachableState {
  listingStatus: unknown;
  statusNote: unknown;
}

/** What to write when the latest attempts make the record unreachable (an empty patch otherwise). */
export function unreachablePatch(
  before: UnreachableVerdict | null,
  after: UnreachableVerdict,
  state: UnreachableState,
  o: { today: string; suspend: boolean },
): Record<string, unknown> {
  if (!after.unreachable) return {};
  // Already out of the directory: nothing to flag.
  if (state.listingStatus === 'suspended' || state.listingStatus === 'removed') return {};
  if (before?.unreachable && after.failures <= before.failures) return {};
  const suspend = o.suspend && state.listingStatus === 'active';
  // Both languages: the note is read by English and French editors alike.
  const what = {
    en: `designated contact unreachable after ${after.failures} failed attempts (${after.first} to ${after.last}), none reached since.`,
    fr: `personne-ressource désignée injoignable après ${after.failures} tentatives infructueuses (du ${after.first} au ${after.last}), aucune réussie depuis.`,
  };
  const note = suspend
    ? `Suspended ${o.today}: ${what.en}\nSuspendue le ${o.today} : ${what.fr}`
    : `Needs attention ${o.today}: ${what.en}\nÀ traiter le ${o.today} : ${what.fr}`;
  const previous = text(state.statusNote);
  return {
    needsAttention: true,
    statusNote: previous ? `${note}\n${previous}` : note,
    ...(suspend ? { listingStatus: 'suspended', removalReason: 'unreachable' } : {}),
  };
}
