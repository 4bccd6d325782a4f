/**
 * The question the benchmark asks, in the three forms it is measured in: the public directory
 * list (a), its facets (b), and the same question through Strapi's stock REST route for
 * organizations (c), with the filters that make it the same set of public records.
 */

export interface BenchQuery {
  province: string;
  focus: string;
  /** Free text, as a person would type it (the directory folds case and accents itself). */
  q: string;
  pageSize: number;
  locale: 'en' | 'fr';
}

/** (a) GET /api/directory/organizations */
export function directoryListPath(b: BenchQuery, page = 1, pageSize = b.pageSize): string {
  const p = new URLSearchParams({ province: b.province, focus: b.focus, q: b.q, pageSize: String(pageSize), locale: b.locale });
  if (page !== 1) p.set('page', String(page));
  return `/api/directory/organizations?${p}`;
}

/** (b) GET /api/directory/facets (facets take the filters, q and locale; no paging). */
export function directoryFacetsPath(b: BenchQuery): string {
  return `/api/directory/facets?${new URLSearchParams({ province: b.province, focus: b.focus, q: b.q, locale: b.locale })}`;
}

/** Scalar fields of an organization that the public record is made of (nothing internal). */
const PUBLIC_FIELDS = [
  'slug',
  'name',
  'otherNames',
  'description',
  'eligibility',
  'fees',
  'hoursNotes',
  'accessibility',
  'kind',
  'role',
  'ageMin',
  'ageMax',
  'national',
  'email',
  'website',
  'open24x7',
  'lastVerifiedAt',
  'updatedAt',
  'publishedAt',
];
const TERM_FIELDS = ['code', 'labelEn', 'labelFr', 'sortOrder'];

/**
 * (c) The stock REST query: same province (a service area in it, or national), same focus area,
 * every word of q somewhere in the text the directory searches (name, other names, description,
 * service labels, regions, cities; `$containsi`), only active + consenting + published records,
 * with the populate the public record needs (taxonomy terms and public components only).
 */
export function stockQuery(b: BenchQuery, page = 1, pageSize = b.pageSize): Record<string, unknown> {
  const words = b.q.split(/\s+/).filter(Boolean);
  const textMatch = (w: string) => ({
    $or: [
      { name: { $containsi: w } },
      { otherNames: { $containsi: w } },
      { description: { $containsi: w } },
      { serviceAreas: { regions: { $containsi: w } } },
      { locations: { city: { $containsi: w } } },
      { services: { labelEn: { $containsi: w } } },
      { services: { labelFr: { $containsi: w } } },
    ],
  });
  const termPopulate = { fields: TERM_FIELDS };
  return {
    filters: {
      $and: [{ $or: [{ serviceAreas: { province: { $eq: b.province } } }, { national: { $eq: true } }] }, ...words.map(textMatch)],
      focusAreas: { code: { $eq: b.focus } },
      listingStatus: { $eq: 'active' },
      publicConsent: { $eq: true },
    },
    fields: PUBLIC_FIELDS,
    populate: {
      focusAreas: termPopulate,
      services: termPopulate,
      populations: termPopulate,
      languages: termPopulate,
      directServices: true,
      indirectOfferings: true,
      serviceAreas: true,
      locations: true,
      phones: true,
      openingHours: true,
    },
    sort: ['name:asc'],
    pagination: { page, pageSize },
    locale: b.locale,
    status: 'published',
  };
}

/** Strapi's bracket query-string encoding (what `qs.stringify(obj, { encodeValuesOnly: true })` gives). */
export function encodeStrapiQuery(value: unknown, prefix = ''): string {
  const parts: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}[${k}]` : k);
    else parts.push(`${key}=${encodeURIComponent(String(v))}`);
  };
  walk(value, prefix);
  return parts.join('&');
}

export function stockPath(b: BenchQuery, page = 1, pageSize = b.pageSize): string {
  return `/api/organizations?${encodeStrapiQuery(stockQuery(b, page, pageSize))}`;
}
