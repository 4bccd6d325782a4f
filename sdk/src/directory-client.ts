import type { ClientOptions, ListOptions, PaginateOptions, RequestOptions } from './options.js';
import { organizationsApi } from './organizations.js';
import { createTransport } from './transport/request.js';
import { assertFacets, assertOrganization, assertOrganizationList, assertReceipt, assertSettings } from './transport/validate.js';
import type {
  ApplicationInput,
  FacetsResponse,
  OrganizationFilters,
  OrganizationList,
  OrganizationResponse,
  PublicOrganization,
  SettingsResponse,
  SubmissionReceipt,
  SuggestionInput,
} from './types.js';

/** Options of `createDirectoryClient`. */
export type DirectoryClientOptions = ClientOptions;

/** Options of a form submission: POSTs are never retried nor cached. */
export type SubmitOptions = Pick<RequestOptions, 'signal'>;

/** The public directory API, as returned by {@link createDirectoryClient}. */
export interface DirectoryClient {
  organizations: {
    /**
     * One page of public organizations matching `filters` (arrays mean OR).
     * @example
     * ```ts
     * const { data, meta } = await client.organizations.list({ province: ['ON', 'QC'], need: 'legal' }, { page: 2 });
     * ```
     * @throws {ValidationError} on an invalid filter value or page size (400).
     * @throws {RateLimitError} on 429 when retries did not help.
     * @throws {HttpError} | {NetworkError} | {TimeoutError} | {MalformedResponseError}
     */
    list(filters?: OrganizationFilters, options?: ListOptions): Promise<OrganizationList>;
    /**
     * One public organization by slug.
     * @example
     * ```ts
     * const { data: org } = await client.organizations.get('maison-aurore');
     * ```
     * @throws {NotFoundError} when the record does not exist or is not public.
     */
    get(slug: string, options?: RequestOptions): Promise<OrganizationResponse>;
    /**
     * Every public organization matching `filters`, loading the pages one after another.
     * @example
     * ```ts
     * for await (const org of client.organizations.all({ province: 'NS' })) console.log(org.name);
     * ```
     * @throws the same errors as `list`, from the page that failed.
     */
    all(filters?: OrganizationFilters, options?: PaginateOptions): AsyncGenerator<PublicOrganization, void, undefined>;
  };
  /**
   * Counts per filter value for the current filters, with labels in the locale.
   * @example
   * ```ts
   * const { data } = await client.facets({ province: 'ON' });
   * data.need.forEach((f) => console.log(f.label, f.count));
   * ```
   * @throws {ValidationError} on an invalid filter value.
   */
  facets(filters?: OrganizationFilters, options?: RequestOptions): Promise<FacetsResponse>;
  /**
   * Hotline number and hours, quick-exit URL and disclaimer, in the locale.
   * @example
   * ```ts
   * const { data } = await client.settings({ locale: 'fr' });
   * call(data.hotline.phone);
   * ```
   */
  settings(options?: RequestOptions): Promise<SettingsResponse>;
  applications: {
    /**
     * Send the service-provider application form (never retried).
     * @example
     * ```ts
     * const { data } = await client.applications.submit(form);
     * show(`Reference ${data.reference}`);
     * ```
     * @throws {ValidationError} with `details` per field (400).
     * @throws {RateLimitError} on 429.
     */
    submit(input: ApplicationInput, options?: SubmitOptions): Promise<SubmissionReceipt>;
  };
  suggestions: {
    /**
     * Send a "suggest an update" message about a public record (never retried).
     * @example
     * ```ts
     * await client.suggestions.submit({ locale: 'en', organization: slug, message: 'New phone: …' });
     * ```
     * @throws {ValidationError} with `details` per field (400).
     */
    submit(input: SuggestionInput, options?: SubmitOptions): Promise<SubmissionReceipt>;
  };
}

/**
 * A client for the public directory API. Works in browsers, Node ≥ 18, Deno and Workers;
 * holds no secret and sends no cookies.
 *
 * @example
 * ```ts
 * import { createDirectoryClient } from '@referral-directory/sdk';
 *
 * const client = createDirectoryClient({ baseUrl: 'https://directory.example.ca', locale: 'fr' });
 * const { data, meta } = await client.organizations.list({ q: 'hébergement', province: 'QC' });
 * ```
 * `organizations.get` rejects with a `TypeError` when `slug` is empty.
 */
export function createDirectoryClient(options: DirectoryClientOptions): DirectoryClient {
  const request = createTransport(options);
  const base = '/api/directory/';

  const submit =
    <I>(path: string) =>
    (input: I, options?: SubmitOptions) =>
      request({ method: 'POST', path: base + path, body: input, check: assertReceipt, options });

  return {
    organizations: organizationsApi<OrganizationFilters, PublicOrganization, OrganizationList, OrganizationResponse>(request, base, {
      list: assertOrganizationList,
      one: assertOrganization,
    }),
    facets: (filters, options) =>
      request({ method: 'GET', path: `${base}facets`, query: { ...filters }, localized: true, check: assertFacets, options }),
    settings: (options) => request({ method: 'GET', path: `${base}settings`, localized: true, check: assertSettings, options }),
    applications: { submit: submit<ApplicationInput>('applications') },
    suggestions: { submit: submit<SuggestionInput>('suggestions') },
  };
}
