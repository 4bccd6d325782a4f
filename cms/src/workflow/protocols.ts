/**
 * Law-enforcement protocols are living documents: whoever receives the hotline's communications
 * must be current. A change to the protocol text or the contact list bumps the version and dates
 * the review, keeping the text it replaces; a new protocol starts reviewed today unless its dates are given.
 */
import { addMonths } from './dates';
import { isRecord } from './values';

export interface ProtocolState {
  protocol: unknown;
  contacts: unknown;
  version: unknown;
  lastReviewedAt?: unknown;
  nextReviewDue?: unknown;
}
export interface ProtocolContext {
  today: string;
  intervalMonths: number;
}

const CONTACT_FIELDS = ['name', 'rank', 'unit', 'phone', 'email', 'role'] as const;

/** A contact list reduced to what it says (no ids), for comparison. */
export function contactsKey(value: unknown): string {
  if (!Array.isArray(value)) return '[]';
  return JSON.stringify(
    value
      .filter(isRecord)
      .map((c) => [...CONTACT_FIELDS.map((f) => (typeof c[f] === 'string' && c[f] !== '' ? c[f] : null)), c.active !== false]),
  );
}

const protocolText = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : '');
const versionOf = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 1);

export function protocolPatch(before: ProtocolState | null, data: Record<string, unknown>, ctx: ProtocolContext): Record<string, unknown> {
  const due = addMonths(ctx.today, ctx.intervalMonths);
  if (!before) {
    const lastReviewedAt = typeof data.lastReviewedAt === 'string' && data.lastReviewedAt ? data.lastReviewedAt : ctx.today;
    return {
      ...(data.lastReviewedAt ? {} : { lastReviewedAt }),
      ...(data.nextReviewDue ? {} : { nextReviewDue: addMonths(lastReviewedAt, ctx.intervalMonths) }),
    };
  }
  const textChanged = 'protocol' in data && protocolText(data.protocol) !== protocolText(before.protocol);
  const contactsChanged = 'contacts' in data && contactsKey(data.contacts) !== contactsKey(before.contacts);
  if (!textChanged && !contactsChanged) return {};
  const bumped = versionOf(before.version) + 1;
  const asked = 'version' in data ? versionOf(data.version) : 0;
  // The text it replaces stays on the record (confidential like it) for comparison.
  return {
    version: Math.max(bumped, asked),
    lastReviewedAt: ctx.today,
    nextReviewDue: due,
    ...(textChanged ? { previousProtocol: typeof before.protocol === 'string' ? before.protocol : null } : {}),
  };
}
