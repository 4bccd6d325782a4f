/**
 * Applications and suggestions keep their state in an attribute named `status`, which the
 * Strapi 5 content manager cannot show or edit on a type without draft & publish: it reads
 * `status` as the draft/published parameter and refuses any other value ("Invalid status",
 * strapi/strapi#25018, closed as will-not-fix). Editors therefore work on a mirror,
 * `reviewStatus`, kept equal to `status` on every write: whichever of the two a write changes
 * wins (`status` when both change), so the public forms, the API and scripts keep using `status`.
 */

export function mirroredStatus(
  data: Record<string, unknown>, before: Record<string, unknown> | null, allowed: readonly string[], fallback: string,
): Record<string, unknown> {
  const valid = (v: unknown): v is string => typeof v === 'string' && allowed.includes(v);
  const status = valid(data.status) ? data.status : null;
  const mirror = valid(data.reviewStatus) ? data.reviewStatus : null;
  let next: string | null;
  if (status !== null && status !== before?.status) next = status;
  else if (mirror !== null && mirror !== before?.reviewStatus) next = mirror;
  else next = (valid(before?.status) ? before.status : null) ?? status ?? mirror ?? fallback;
  const patch: Record<string, unknown> = {};
  if (next !== before?.status || 'status' in data) patch.status = next;
  if (next !== before?.reviewStatus || 'reviewStatus' in data) patch.reviewStatus = next;
  return patch;
}
