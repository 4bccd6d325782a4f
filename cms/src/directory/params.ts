/** The one reading of a whole-number query parameter (page, pageSize, per_page) across the APIs. */
import type { ErrorDetail } from '@referral-directory/sdk';

/**
 * `raw` as a whole number from 1 to `max`; absent gives `fallback`. Anything else adds a detail
 * naming `path` (the caller answers 400 with all of them) and gives `fallback`.
 */
export function wholeNumberParam(
  raw: string | null | undefined,
  path: string,
  fallback: number,
  max: number,
  details: ErrorDetail[],
): number {
  if (raw == null) return fallback;
  if (!/^[0-9]{1,6}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    details.push({ path, message: `must be a whole number from 1 to ${max}` });
    return fallback;
  }
  return Number(raw);
}
