/** Small guards for the untyped data that reaches Document Service middlewares. */

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string with something in it, trimmed; otherwise null. */
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** A document's id as the Document Service params or results carry it. */
export const documentIdOf = (v: unknown): string | null => (isRecord(v) && typeof v.documentId === 'string' ? v.documentId : null);

/** The value `data` sets for `key`, or the stored one when `data` leaves it alone. */
export const effective = (data: Record<string, unknown>, before: Record<string, unknown> | null, key: string): unknown =>
  key in data ? data[key] : before?.[key];
