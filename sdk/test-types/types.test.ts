// Type tests: this file passes when it compiles (`tsc -p test-types`). Each `@ts-expect-error`
// is a line that must NOT compile; tsc fails if one does.
import {
  createDirectoryClient,
  createInternalClient,
  isHttpError,
  isNetworkError,
  NotFoundError,
  type DirectoryErrorName,
  type FacetsResponse,
  type OrganizationFilters,
  type PublicOrganization,
  type RequestOptions,
  type ServiceCode,
} from '@referral-directory/sdk';

declare const facets: FacetsResponse;
declare const maybeSignal: AbortSignal | undefined;
declare const maybeLocale: 'en' | 'fr' | undefined;
declare const error: unknown;
declare const org: PublicOrganization;

const client = createDirectoryClient({ baseUrl: 'https://directory.example.ca', locale: maybeLocale, timeoutMs: undefined });

// A facet value feeds back into a filter without a cast.
const province = facets.data.province[0]?.value;
if (province) void client.organizations.list({ province, service: facets.data.service.map((f) => f.value) });

// Optional options accept `undefined` under exactOptionalPropertyTypes.
const options: RequestOptions = { signal: maybeSignal, locale: maybeLocale };
void client.settings(options);
void client.organizations.list({ q: undefined }, { page: undefined, signal: maybeSignal });
void createInternalClient({ baseUrl: 'https://directory.example.ca', token: 't', dangerouslyAllowBrowser: undefined });

// Known codes are literals (autocomplete), and editor-added codes still fit.
const known: ServiceCode = 'emergency_shelter';
const added: ServiceCode = 'peer_navigation';
const filters: OrganizationFilters = { service: [known, added], focus: 'trafficking', language: 'fr' };
void filters;
const code: ServiceCode | undefined = org.services[0]?.code;
void code;
// @ts-expect-error a province is one of the 13 codes
void client.organizations.list({ province: 'XX' });

// Error names are literal types; `cause` is typed even with a pre-ES2022 lib.
const name: 'NotFoundError' = new NotFoundError(404, { method: 'GET', url: 'x' }).name;
const names: DirectoryErrorName = name;
void names;
if (isNetworkError(error)) {
  const cause: unknown = error.cause;
  void cause;
}
// A guard for one status (401 or 403 from the internal API) narrows to it.
if (isHttpError(error, 401)) {
  const status: 401 = error.status;
  void status;
}
