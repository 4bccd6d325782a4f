// The staff client carries an API token that reads confidential records (safety notes,
// police protocols). It is meant for servers only: in a browser page the token would be
// readable by any script on the page, so creating one there is refused unless the caller
// says, explicitly, that they know.
import type { ClientOptions, ListOptions, PaginateOptions, RequestOptions } from './options.js';
import { organizationsApi } from './organizations.js';
import { paginate } from './paginate.js';
import { createTransport } from './transport/request.js';
import { listOf, oneOf } from './transport/validate.js';
import type {
  InternalOrganization,
  InternalOrganizationFilters,
  InternalOrganizationList,
  InternalOrganizationResponse,
  LawEnforcementProtocol,
  ProtocolList,
} from './types.js';

/** Options of `createInternalClient`. */
export interface InternalClientOptions extends ClientOptions {
  /**
   * A Strapi API token with access to the internal API. Sent as `Authorization: Bearer …`;
   * never written to errors, logs or the client object.
   * @example process.env.DIRECTORY_API_TOKEN
   */
  token: string;
  /**
   * Allow creating the client in a browser page (`window` and `document` present), which
   * exposes the token to every script on the page. Only for trusted, non-public tools.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Options of one page of protocols (they have no sort and no locale). */
export type ProtocolListOptions = Omit<ListOptions, 'sort' | 'locale'>;

/** The internal staff API, as returned by {@link createInternalClient}. */
export interface InternalClient {
  organizations: {
    /**
     * One page of full records, including non-public ones; `status` filters by listing status.
     * @example
     * ```ts
     * const { data } = await staff.organizations.list({ status: ['applicant', 'under_review'] });
     * ```
     * @throws {HttpError} 401/403 when the token is missing, wrong or lacks the permission.
     */
    list(filters?: InternalOrganizationFilters, options?: ListOptions): Promise<InternalOrganizationList>;
    /**
     * One full record by slug.
     * @example
     * ```ts
     * const { data } = await staff.organizations.get('maison-aurore');
     * console.log(data.referralProtocol?.warmTransfer);
     * ```
     * @throws {NotFoundError} when no record has this slug.
     */
    get(slug: string, options?: RequestOptions): Promise<InternalOrganizationResponse>;
    /**
     * Every full record matching `filters`, page after page.
     * @example
     * ```ts
     * for await (const org of staff.organizations.all({ status: 'active' })) audit(org);
     * ```
     */
    all(filters?: InternalOrganizationFilters, options?: PaginateOptions): AsyncGenerator<InternalOrganization, void, undefined>;
  };
  protocols: {
    /**
     * One page of law-enforcement referral protocols.
     * @example
     * ```ts
     * const { data } = await staff.protocols.list({ pageSize: 100 });
     * ```
     */
    list(options?: ProtocolListOptions): Promise<ProtocolList>;
    /**
     * Every protocol, page after page.
     * @example
     * ```ts
     * for await (const p of staff.protocols.all()) console.log(p.agency, p.province);
     * ```
     */
    all(options?: Omit<ProtocolListOptions, 'page'>): AsyncGenerator<LawEnforcementProtocol, void, undefined>;
  };
}

/**
 * A client for the internal staff API (full records and police protocols), for servers.
 *
 * @example
 * ```ts
 * import { createInternalClient } from '@referral-directory/sdk';
 *
 * const staff = createInternalClient({
 *   baseUrl: 'https://directory.example.ca',
 *   token: process.env.DIRECTORY_API_TOKEN ?? '', // an empty token throws at once
 * });
 * const { data } = await staff.organizations.get('maison-aurore');
 * ```
 * @throws {Error} when run in a browser page without `dangerouslyAllowBrowser: true`,
 * or when `token` is empty.
 */
export function createInternalClient({ token, dangerouslyAllowBrowser, ...options }: InternalClientOptions): InternalClient {
  if (typeof window !== 'undefined' && typeof document !== 'undefined' && !dangerouslyAllowBrowser) {
    throw new Error(
      'createInternalClient() refuses to run in a browser page: its API token would be readable by any ' +
        'script on the page. Call the internal API from a server, or pass dangerouslyAllowBrowser: true ' +
        'for a trusted, non-public tool.',
    );
  }
  if (typeof token !== 'string' || !token.trim()) throw new Error('createInternalClient(): token is required');
  const request = createTransport(options, { authorization: `Bearer ${token}` });
  const base = '/api/internal/';

  // Built here rather than at module level, so that bundlers drop them from public-only pages.
  const checkProtocols = listOf<ProtocolList>(['documentId', 'agency']);
  const protocols = ({ page, pageSize, ...call }: ProtocolListOptions = {}) =>
    request({ method: 'GET', path: `${base}protocols`, query: { page, pageSize }, check: checkProtocols, options: call });

  return {
    organizations: organizationsApi<
      InternalOrganizationFilters,
      InternalOrganization,
      InternalOrganizationList,
      InternalOrganizationResponse
    >(request, base, {
      list: listOf<InternalOrganizationList>(['slug', 'name', 'documentId']),
      one: oneOf<InternalOrganizationResponse>(['slug', 'name', 'documentId']),
    }),
    protocols: {
      list: protocols,
      all: (options) => paginate((page) => protocols({ ...options, page })),
    },
  };
}
