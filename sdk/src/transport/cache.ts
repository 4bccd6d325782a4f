/** What the conditional-request cache keeps per URL: the validator and the raw body text. */
export interface CacheEntry {
  etag: string | null;
  /** Kept as text, parsed on every use, so callers never share (and mutate) one object. */
  text: string;
}

/** A least-recently-used map of at most `max` entries (a `Map` keeps insertion order). */
export interface Lru<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
}

export function createLru<V>(max: number): Lru<V> {
  const map = new Map<string, V>();
  const lru: Lru<V> = {
    get(key) {
      const value = map.get(key);
      if (value !== undefined) lru.set(key, value); // now the most recently used
      return value;
    },
    set(key, value) {
      map.delete(key);
      map.set(key, value);
      for (const oldest of map.keys()) if (map.size > max) map.delete(oldest);
    },
  };
  return lru;
}
