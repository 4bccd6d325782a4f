import type { PageMeta } from './types.js';

/**
 * Yield every record of a paged list, loading page after page until `meta.pageCount`
 * (or an empty page, so a server that miscounts cannot loop us forever).
 */
export async function* paginate<T>(load: (page: number) => Promise<{ data: T[]; meta: PageMeta }>): AsyncGenerator<T, void, undefined> {
  for (let page = 1; ; page++) {
    const { data, meta } = await load(page);
    yield* data;
    if (page >= meta.pageCount || data.length === 0) return;
  }
}
