// Query strings are built by hand rather than with URLSearchParams so that spaces become %20
// (not `+`, which some proxies and caches keep literal) and keys come out sorted: the same
// filters always give the same URL, which is what the ETag cache and a CDN key on.

/** A value the query builder accepts; arrays become repeated keys (OR on the server). */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/**
 * Serialise parameters to `?a=1&b=x&b=y` (or `''`), sorted by key, skipping `undefined`,
 * `null`, blank strings and empty arrays, percent-encoding everything else as UTF-8.
 */
export function toQuery(params: { [key: string]: QueryValue }): string {
  const parts: string[] = [];
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item != null && String(item).trim() !== '') {
        parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(item)}`);
      }
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}
