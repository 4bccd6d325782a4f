/**
 * A record's history as an editor reads it on the record (the admin's History panel): each audit
 * entry with its action, who, and every change as "field: before → after", labelled in the admin's
 * language. Values are the ones the entry holds (public fields only, see audit-diff.ts); a change
 * of the listing status shows its before and after from the entry's own status columns; any
 * other confidential change is named without values. Plain data, bundled into the admin.
 */
import { FIELD_LABELS, type Label } from './field-labels';
import { VALUE_LABELS } from './value-labels';
import { isRecord } from './values';

type Language = keyof Label;

export interface HistoryChange {
  field: string;
  label: string;
  locale: string | null;
  from: string | null;
  to: string | null;
}
export interface HistoryItem {
  id: string;
  at: string;
  action: string;
  actor: string;
  changes: HistoryChange[];
}

const EMPTY = '—';
/** Fields of the public components, in the order a person reads them (others follow). */
const READING_ORDER = [
  'day',
  'opens',
  'closes',
  'name',
  'street',
  'city',
  'province',
  'postalCode',
  'regions',
  'type',
  'number',
  'extension',
];
const YES_NO: Readonly<Record<Language, [string, string]>> = { en: ['Yes', 'No'], fr: ['Oui', 'Non'] };

/** One stored value (a scalar, a list, a component) as words. */
export function displayValue(v: unknown, language: Language): string {
  if (v === null || v === undefined || v === '') return EMPTY;
  if (typeof v === 'boolean') return YES_NO[language][v ? 0 : 1];
  if (typeof v === 'string') return VALUE_LABELS[v]?.[language] ?? v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? EMPTY : v.map((x) => displayValue(x, language)).join(isRecord(v[0]) ? '; ' : ', ');
  if (isRecord(v)) {
    // A component (stored with its keys sorted): its values in reading order, without the empty ones.
    const rank = (k: string) => {
      const i = READING_ORDER.indexOf(k);
      return i < 0 ? READING_ORDER.length : i;
    };
    const parts = Object.entries(v)
      .filter(([k, x]) => k !== 'summary' && x !== null && x !== '' && x !== false)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([, x]) => displayValue(x, language));
    return parts.length === 0 ? EMPTY : parts.join(' ');
  }
  return EMPTY;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The entries of the content manager's list of audit entries (newest first) as history items. */
export function historyItems(entries: unknown, language: Language): HistoryItem[] {
  if (!Array.isArray(entries)) return [];
  return entries.filter(isRecord).map((e) => {
    const labels = FIELD_LABELS[str(e.targetUid) ?? ''] ?? {};
    const changes = (Array.isArray(e.changes) ? e.changes : []).filter(isRecord).map((c): HistoryChange => {
      const field = str(c.field) ?? '';
      const status = field === 'listingStatus';
      const shown = c.confidential !== true || status;
      return {
        field,
        label: labels[field]?.[language] ?? field,
        locale: str(c.locale),
        from: shown ? displayValue(status ? e.statusFrom : c.from, language) : null,
        to: shown ? displayValue(status ? e.statusTo : c.to, language) : null,
      };
    });
    const action = str(e.action) ?? '';
    return {
      id: String(e.documentId ?? e.id ?? ''),
      at: str(e.occurredAt) ?? '',
      action: VALUE_LABELS[action]?.[language] ?? action,
      actor: str(e.actorName) ?? displayValue(e.actorType, language),
      changes,
    };
  });
}

/** How many entries the panel shows, newest first. */
export const HISTORY_SIZE = 8;

/** The content manager's list of a record's audit entries, newest first (the editor's read permission applies). */
export function historyApiPath(documentId: string, size = HISTORY_SIZE): string {
  const q = new URLSearchParams({
    'filters[$and][0][targetDocumentId][$eq]': documentId,
    sort: 'occurredAt:DESC',
    page: '1',
    pageSize: String(size),
  });
  return `/content-manager/collection-types/api::audit-entry.audit-entry?${q.toString()}`;
}

/** The whole trail in the audit list, filtered to the record. */
export function historyListPath(documentId: string): string {
  const q = new URLSearchParams({ 'filters[$and][0][targetDocumentId][$eq]': documentId, sort: 'occurredAt:DESC', page: '1' });
  return `/content-manager/collection-types/api::audit-entry.audit-entry?${q.toString()}`;
}
