/**
 * `@referral-directory/sdk`: a typed, dependency-free client for the Referral Directory APIs.
 * This file is the whole public surface; anything not exported here is internal.
 *
 * @packageDocumentation
 */

// ---------------------------------------------------------------------------
// Public directory client (browsers, Node ≥ 18, Deno, Workers)
// ---------------------------------------------------------------------------
export { createDirectoryClient } from './directory-client.js';
export type { DirectoryClient, DirectoryClientOptions, SubmitOptions } from './directory-client.js';

// ---------------------------------------------------------------------------
// Internal staff client (servers only: it carries an API token)
// ---------------------------------------------------------------------------
export { createInternalClient } from './internal-client.js';
export type { InternalClient, InternalClientOptions, ProtocolListOptions } from './internal-client.js';

// ---------------------------------------------------------------------------
// Options shared by both clients
// ---------------------------------------------------------------------------
export type { ClientOptions, ListOptions, PaginateOptions, RequestOptions, RetryOptions, StaleEvent } from './options.js';

// ---------------------------------------------------------------------------
// Errors: one base class, its subclasses, and guards that work across bundle copies
// ---------------------------------------------------------------------------
export { DirectoryError } from './errors/directory-error.js';
export type { DirectoryErrorName, HttpErrorName, RequestTarget } from './errors/directory-error.js';
export { HttpError } from './errors/http-error.js';
export { NotFoundError } from './errors/not-found-error.js';
export { ValidationError } from './errors/validation-error.js';
export { RateLimitError } from './errors/rate-limit-error.js';
export { NetworkError } from './errors/network-error.js';
export { TimeoutError } from './errors/timeout-error.js';
export { MalformedResponseError } from './errors/malformed-response-error.js';
export {
  isDirectoryError,
  isHttpError,
  isMalformedResponseError,
  isNetworkError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isValidationError,
} from './errors/guards.js';

// ---------------------------------------------------------------------------
// Wire contract: vocabularies (values) and record, filter, form and response types
// ---------------------------------------------------------------------------
export {
  CRITERIA,
  FILTER_NAMES,
  INDIRECT_OFFERINGS,
  LISTING_STATUSES,
  LOCALES,
  MAX_PAGE_SIZE,
  NEEDS,
  ORGANIZATION_KINDS,
  PHONE_TYPES,
  PROVIDER_ROLES,
  PROVINCES,
  REMOVAL_REASONS,
  SORTS,
  TIMEFRAMES,
  WEEKDAYS,
} from './types.js';
export type {
  // vocabularies
  Criterion,
  FilterInput,
  FilterName,
  FilterValues,
  IndirectOffering,
  ListingStatus,
  Locale,
  Need,
  OrganizationKind,
  PhoneType,
  ProviderRole,
  Province,
  RemovalReason,
  Sort,
  Timeframe,
  Weekday,
  // editor-extensible taxonomies: known codes, open to new ones
  FocusAreaCode,
  KnownFocusArea,
  KnownLanguage,
  KnownPopulation,
  KnownService,
  LanguageCode,
  PopulationCode,
  ServiceCode,
  // public records and responses
  FacetsResponse,
  FacetValue,
  NearFields,
  NearMeta,
  OpenState,
  OpeningHours,
  OrganizationFilters,
  OrganizationList,
  OrganizationResponse,
  PageMeta,
  PublicLocation,
  PublicOrganization,
  PublicPhone,
  SearchMatch,
  SearchMeta,
  ServiceArea,
  SettingsResponse,
  DirectorySettings,
  TaxonomyTerm,
  // forms
  ApplicationInput,
  SubmissionReceipt,
  SuggestionInput,
  // errors on the wire
  ErrorBody,
  ErrorDetail,
  // internal (staff) records
  ContactAttempt,
  InternalLocation,
  InternalOrganization,
  InternalOrganizationFilters,
  InternalOrganizationList,
  InternalOrganizationResponse,
  LawEnforcementProtocol,
  Person,
  PoliceContact,
  ProtocolList,
  ReferralProtocol,
} from './types.js';
