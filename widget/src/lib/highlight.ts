/**
 * Search highlights: the API says where each hit matched (`match`, UTF-16 ranges into its name
 * and description); these helpers read that defensively (a record from an older API has none)
 * and render the text with the matched words in `<mark part="mark">`, as text, never as HTML.
 */
import { html, type TemplateResult } from 'lit';
import type { PublicOrganization } from '@referral-directory/sdk';

export type Range = readonly [start: number, end: number];

const isRange = (v: unknown): v is Range =>
  Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1]) && v[0] >= 0 && v[0] < v[1];

/** The valid, ordered, non-overlapping ranges of a hit's `match` for one field. */
export function matchRanges(o: PublicOrganization, field: 'name' | 'description'): Range[] {
  const match: unknown = 'match' in o ? o.match : undefined;
  if (typeof match !== 'object' || match === null || !(field in match)) return [];
  const raw: unknown = (match as Record<string, unknown>)[field];
  if (!Array.isArray(raw)) return [];
  const text = o[field];
  let last = 0;
  const out: Range[] = [];
  for (const r of raw.filter(isRange).sort((a, b) => a[0] - b[0])) {
    if (r[0] >= last && r[1] <= text.length) {
      out.push(r);
      last = r[1];
    }
  }
  return out;
}

/** The text with its ranges marked; plain text when there are none. */
export function highlighted(text: string, ranges: readonly Range[]): TemplateResult | string {
  if (ranges.length === 0) return text;
  const parts: Array<TemplateResult | string> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start), html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(text.slice(at));
  return html`${parts}`;
}
