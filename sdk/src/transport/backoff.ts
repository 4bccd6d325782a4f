/**
 * Wait before retry number `attempt` (0-based): exponential backoff with "full jitter"
 * (a uniform draw in `[0, min(max, base * 2^attempt))`), which spreads a crowd of clients
 * that failed together instead of sending them back in lock-step.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

/**
 * `Retry-After` in seconds, or `undefined` if absent or not delta-seconds. The directory API and
 * its nginx send seconds; the HTTP-date form is not worth its bytes in every partner page.
 */
export function parseRetryAfter(value: string | null): number | undefined {
  const seconds = Number(value || NaN); // not Number(''), which is 0 (Headers trim values)
  return Number.isNaN(seconds) ? undefined : Math.max(0, seconds);
}
