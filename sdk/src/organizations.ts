import type { ListOptions, PaginateOptions, RequestOptions } from './options.js';
import { paginate } from './paginate.js';
import type { QueryValue } from './transport/query.js';
import type { Transport } from './transport/request.js';
import type { Assert } from './transport/validate.js';
import type { PageMeta } from './types.js';

/** `list`, `get` and `all` over `<base>organizations`: the same shape for the public and the staff API. */
export interface OrganizationsApi<Filters, Org, List extends { data: Org[]; meta: PageMeta }, One> {
  list(filters?: Filters, options?: ListOptions): Promise<List>;
  get(slug: string, options?: RequestOptions): Promise<One>;
  all(filters?: Filters, options?: PaginateOptions): AsyncGenerator<Org, void, undefined>;
}

export function organizationsApi<Filters extends object, Org, List extends { data: Org[]; meta: PageMeta }, One>(
  request: Transport,
  base: string,
  checks: { list: Assert<List>; one: Assert<One> },
): OrganizationsApi<Filters, Org, List, One> {
  const list = (filters?: Filters, { page, pageSize, sort, ...call }: ListOptions = {}) =>
    request({
      method: 'GET',
      path: `${base}organizations`,
      query: { ...filters, page, pageSize, sort } as { [key: string]: QueryValue },
      localized: true,
      check: checks.list,
      options: call,
    });
  return {
    list,
    get: async (slug, options) => {
      if (!slug) throw new TypeError('slug is required');
      return request({
        method: 'GET',
        path: `${base}organizations/${encodeURIComponent(slug)}`,
        localized: true,
        check: checks.one,
        options,
      });
    },
    all: (filters, options) => paginate((page) => list(filters, { ...options, page })),
  };
}
