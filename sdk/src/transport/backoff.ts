/**
 * Wait before retry number `attempt` (0-based): exponential backoff with "full jitter"
 * (a uniform draw in `[0, min(max, base * 2^attempt))`), which spreads a crowd of clients
 * that failed together instead of sending them back in lock-step.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random = Math.random): number {
  return random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
}

/** `Retry-After` in seconds (from delta-seconds or an HTTP date), or `undefined` if absent/invalid. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value?.trim()) return undefined;
  const seconds = Number(value);
  if (!Number.isNaN(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
