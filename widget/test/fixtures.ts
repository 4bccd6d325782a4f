/**
 * Fictional, bilingual directory data for the browser tests: organizations, taxonomy labels and
 * settings as the public API would return them in `en` and `fr`. Phone numbers use the 555
 * fiction range and sites live under example.org.
 */
import type { DirectorySettings, Locale, PublicOrganization, TaxonomyTerm } from '@referral-directory/sdk';

type Bilingual = Record<Locale, string>;

const TERMS: Record<'focus' | 'service' | 'population' | 'language', Record<string, Bilingual>> = {
  focus: {
    trafficking: { en: 'Human trafficking', fr: 'Traite des personnes' },
    labour_rights: { en: 'Labour rights', fr: 'Droits du travail' },
    sexual_assault: { en: 'Sexual assault', fr: 'Agression sexuelle' },
    homeless_youth: { en: 'Homeless youth', fr: 'Jeunes sans abri' },
    immigrant_refugee: { en: 'Immigrant and refugee support', fr: 'Soutien aux personnes immigrantes et réfugiées' },
  },
  service: {
    emergency_shelter: { en: 'Emergency shelter', fr: "Hébergement d'urgence" },
    counselling: { en: 'Counselling', fr: 'Soutien psychosocial' },
    legal_aid: { en: 'Legal aid', fr: 'Aide juridique' },
    immigration_help: { en: 'Immigration help', fr: 'Aide en immigration' },
    outreach: { en: 'Street outreach', fr: 'Intervention de rue' },
    awareness: { en: 'Awareness workshops', fr: 'Ateliers de sensibilisation' },
  },
  population: {
    women: { en: 'Women', fr: 'Femmes' },
    youth: { en: 'Youth', fr: 'Jeunes' },
    migrant_workers: { en: 'Migrant workers', fr: 'Travailleuses et travailleurs migrants' },
    indigenous_peoples: { en: 'Indigenous peoples', fr: 'Peuples autochtones' },
  },
  language: {
    en: { en: 'English', fr: 'Anglais' },
    fr: { en: 'French', fr: 'Français' },
    es: { en: 'Spanish', fr: 'Espagnol' },
    oj: { en: 'Ojibwe', fr: 'Ojibwé' },
    tl: { en: 'Tagalog', fr: 'Tagalog' },
    pa: { en: 'Punjabi', fr: 'Pendjabi' },
  },
};

/** Labels the facets API gives to fixed vocabularies. */
export const FIXED_LABELS: Record<string, Bilingual> = {
  AB: { en: 'Alberta', fr: 'Alberta' },
  BC: { en: 'British Columbia', fr: 'Colombie-Britannique' },
  MB: { en: 'Manitoba', fr: 'Manitoba' },
  NB: { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
  NL: { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
  NS: { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
  NT: { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
  NU: { en: 'Nunavut', fr: 'Nunavut' },
  ON: { en: 'Ontario', fr: 'Ontario' },
  PE: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
  QC: { en: 'Quebec', fr: 'Québec' },
  SK: { en: 'Saskatchewan', fr: 'Saskatchewan' },
  YT: { en: 'Yukon', fr: 'Yukon' },
  emergency: { en: 'Emergency', fr: 'Urgence' },
  transitional: { en: 'Transitional', fr: 'Transition' },
  long_term: { en: 'Long-term', fr: 'Long terme' },
  social: { en: 'Social', fr: 'Social' },
  legal: { en: 'Legal', fr: 'Juridique' },
  direct: { en: 'Direct services', fr: 'Services directs' },
  indirect: { en: 'Indirect services', fr: 'Services indirects' },
  ngo: { en: 'Non-profit', fr: 'OSBL' },
  law_enforcement: { en: 'Police', fr: 'Police' },
  government_agency: { en: 'Government', fr: 'Gouvernement' },
  coalition: { en: 'Coalition', fr: 'Coalition' },
  network: { en: 'Network', fr: 'Réseau' },
  other_allied: { en: 'Allied', fr: 'Allié' },
};

export function termLabel(kind: keyof typeof TERMS, code: string, locale: Locale): string {
  return TERMS[kind][code]?.[locale] ?? FIXED_LABELS[code]?.[locale] ?? code;
}

const terms = (kind: keyof typeof TERMS, codes: string[], locale: Locale): TaxonomyTerm[] =>
  codes.map((code) => ({ code, label: termLabel(kind, code, locale) }));

const ALL = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;

/** A record in both languages; `pick` chooses the text of one. */
function organization(
  locale: Locale,
  pick: (b: Bilingual) => string,
  o: {
    slug: string;
    name: Bilingual;
    description: Bilingual;
    kind: PublicOrganization['kind'];
    role: PublicOrganization['role'];
    focus: string[];
    services: string[];
    populations?: string[];
    languages: string[];
    provinces: PublicOrganization['provinces'];
    national?: boolean;
    timeframes?: PublicOrganization['timeframes'];
    needs?: PublicOrganization['needs'];
    offerings?: PublicOrganization['indirectOfferings'];
    open24x7?: boolean;
    phones?: PublicOrganization['phones'];
    email?: string;
    website?: string;
    lastVerified?: string;
    accessibility?: Bilingual;
    eligibility?: Bilingual;
    city?: string;
    confidential?: boolean;
    schedule?: PublicOrganization['hours']['schedule'];
    regions?: string[];
    ages?: [number | null, number | null];
  },
): PublicOrganization {
  return {
    slug: o.slug,
    locale,
    name: pick(o.name),
    otherNames: [],
    description: pick(o.description),
    eligibility: o.eligibility ? pick(o.eligibility) : null,
    fees: null,
    kind: o.kind,
    role: o.role,
    focusAreas: terms('focus', o.focus, locale),
    services: terms('service', o.services, locale),
    timeframes: o.timeframes ?? [],
    needs: o.needs ?? [],
    indirectOfferings: o.offerings ?? [],
    populations: terms('population', o.populations ?? [], locale),
    ageRange: { min: o.ages?.[0] ?? null, max: o.ages?.[1] ?? null },
    national: o.national ?? false,
    provinces: o.national ? [...ALL] : o.provinces,
    serviceAreas: o.national ? [] : o.provinces.map((province, i) => ({ province, regions: i === 0 && o.regions ? o.regions : [] })),
    locations: o.city
      ? [
          {
            name: null,
            street: o.confidential ? null : '100 Example Street',
            city: o.city,
            province: o.provinces[0] ?? 'ON',
            postalCode: o.confidential ? null : 'A1A 1A1',
            confidential: o.confidential ?? false,
          },
        ]
      : [],
    languages: terms('language', o.languages, locale),
    phones: o.phones ?? [],
    email: o.email ?? null,
    website: o.website ?? null,
    hours: { open24x7: o.open24x7 ?? false, schedule: o.schedule ?? [], notes: null },
    accessibility: o.accessibility ? pick(o.accessibility) : null,
    lastVerified: o.lastVerified ?? null,
    updatedAt: '2025-05-01T12:00:00.000Z',
  };
}

const WEEKDAYS_9_TO_5 = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, opens: '09:00', closes: '17:00' }));

/** The directory in `locale`, sorted by name as the API does by default. */
export function organizations(locale: Locale): PublicOrganization[] {
  const pick = (b: Bilingual) => b[locale];
  const list = [
    organization(locale, pick, {
      slug: 'maison-horizon',
      name: { en: 'Maison Horizon', fr: 'Maison Horizon' },
      description: {
        en: 'Safe emergency housing and support for women leaving exploitation.',
        fr: "Hébergement d'urgence sécuritaire et accompagnement pour les femmes qui quittent l'exploitation.",
      },
      kind: 'ngo',
      role: 'direct',
      focus: ['trafficking', 'sexual_assault'],
      services: ['emergency_shelter', 'counselling'],
      populations: ['women'],
      languages: ['fr', 'en', 'es'],
      provinces: ['QC'],
      regions: ['Montréal', 'Laval'],
      timeframes: ['emergency', 'transitional'],
      needs: ['social'],
      open24x7: true,
      city: 'Montréal',
      confidential: true,
      phones: [{ type: 'crisis', number: '+1-555-010-0101', extension: null, label: null }],
      email: 'aide@maison-horizon.example.org',
      website: 'https://www.maison-horizon.example.org/',
      lastVerified: '2025-03-04',
      accessibility: { en: 'Wheelchair accessible. Pets allowed.', fr: 'Accessible en fauteuil roulant. Animaux acceptés.' },
    }),
    organization(locale, pick, {
      slug: 'northern-legal-clinic',
      name: { en: 'Northern Legal Clinic', fr: 'Clinique juridique du Nord' },
      description: {
        en: 'Free legal advice on immigration status, wages owed and protection orders.',
        fr: "Conseils juridiques gratuits sur le statut d'immigration, les salaires dus et les ordonnances de protection.",
      },
      kind: 'ngo',
      role: 'direct',
      focus: ['labour_rights', 'immigrant_refugee'],
      services: ['legal_aid', 'immigration_help'],
      populations: ['migrant_workers', 'indigenous_peoples'],
      languages: ['en', 'fr', 'oj'],
      provinces: ['ON'],
      regions: ['Thunder Bay'],
      timeframes: ['long_term'],
      needs: ['legal'],
      city: 'Thunder Bay',
      schedule: WEEKDAYS_9_TO_5,
      phones: [
        { type: 'voice', number: '555-010-0202', extension: '12', label: null },
        { type: 'toll_free', number: '1-555-010-0203', extension: null, label: null },
      ],
      website: 'https://northern-legal.example.org/fr',
      lastVerified: '2024-11-20',
      eligibility: { en: 'Residents of Northern Ontario.', fr: "Personnes résidant dans le Nord de l'Ontario." },
    }),
    organization(locale, pick, {
      slug: 'prairie-youth-outreach',
      name: { en: 'Prairie Youth Outreach', fr: 'Action jeunesse des Prairies' },
      description: {
        en: 'Street outreach and a text line for young people aged 12 to 24.',
        fr: 'Intervention de rue et ligne texto pour les jeunes de 12 à 24 ans.',
      },
      kind: 'ngo',
      role: 'direct',
      focus: ['homeless_youth', 'trafficking'],
      services: ['outreach', 'counselling'],
      populations: ['youth'],
      languages: ['en'],
      provinces: ['MB', 'SK'],
      timeframes: ['emergency'],
      needs: ['social'],
      ages: [12, 24],
      phones: [{ type: 'text', number: '555-010-0303', extension: null, label: { en: 'Youth line', fr: 'Ligne jeunesse' }[locale] }],
      lastVerified: '2025-01-15',
    }),
    organization(locale, pick, {
      slug: 'atlantic-coalition',
      name: { en: 'Atlantic Anti-Trafficking Coalition', fr: 'Coalition atlantique contre la traite' },
      description: {
        en: 'Training for front-line workers and volunteer opportunities across the Atlantic provinces.',
        fr: 'Formation des intervenantes et intervenants et bénévolat dans les provinces atlantiques.',
      },
      kind: 'coalition',
      role: 'indirect',
      focus: ['trafficking'],
      services: ['awareness'],
      languages: ['en', 'fr'],
      provinces: ['NS', 'NB', 'PE', 'NL'],
      offerings: ['training', 'information', 'volunteering'],
      email: 'info@atlantic-coalition.example.org',
      lastVerified: '2024-06-30',
    }),
    organization(locale, pick, {
      slug: 'coastal-workers-centre',
      name: { en: "Coastal Workers' Rights Centre", fr: 'Centre des droits des travailleurs de la côte' },
      description: {
        en: 'Support for migrant workers facing forced labour: legal information and housing help.',
        fr: 'Soutien aux travailleurs migrants victimes de travail forcé : information juridique et aide au logement.',
      },
      kind: 'ngo',
      role: 'direct',
      focus: ['labour_rights'],
      services: ['legal_aid', 'immigration_help'],
      populations: ['migrant_workers'],
      languages: ['en', 'tl', 'es', 'pa'],
      provinces: ['BC'],
      regions: ['Vancouver'],
      timeframes: ['transitional'],
      needs: ['legal', 'social'],
      city: 'Vancouver',
      phones: [{ type: 'voice', number: '604-555-0404', extension: null, label: null }],
      website: 'javascript:alert(1)',
      email: 'not an email',
      lastVerified: '2025-02-10',
    }),
    organization(locale, pick, {
      slug: 'national-survivor-network',
      name: { en: 'National Survivor Network', fr: 'Réseau national des survivantes' },
      description: {
        en: 'A peer network led by survivors, offering information sessions and mentoring.',
        fr: "Un réseau de pairs dirigé par des survivantes, qui offre des séances d'information et du mentorat.",
      },
      kind: 'network',
      role: 'indirect',
      focus: ['trafficking'],
      services: ['awareness'],
      languages: ['en', 'fr'],
      provinces: [],
      national: true,
      offerings: ['information'],
      website: 'https://survivors.example.org',
      lastVerified: '2025-04-22',
    }),
  ];
  return list.sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** 200 generated records for paging tests. */
export function manyOrganizations(locale: Locale): PublicOrganization[] {
  const template = organizations(locale).find((o) => o.slug === 'maison-horizon');
  if (!template) throw new Error('no fixture');
  return Array.from({ length: 200 }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      ...template,
      slug: `organization-${n}`,
      name: `${locale === 'fr' ? 'Organisme' : 'Organization'} ${n}`,
      hours: { ...template.hours, open24x7: false },
    };
  });
}

export const SETTINGS: Record<Locale, DirectorySettings> = {
  en: {
    locale: 'en',
    hotline: {
      phone: '+1-833-900-1010',
      phoneDisplay: '1-833-900-1010',
      text: null,
      chatUrl: 'https://hotline.example.org/chat',
      hours: 'Open 24 hours a day, every day',
      available24x7: true,
      languages: 'Help in over 200 languages',
    },
    quickExitUrl: 'https://weather.example.org/',
    disclaimer: 'Being listed here does not mean the hotline endorses an organization (API text).',
  },
  fr: {
    locale: 'fr',
    hotline: {
      phone: '+1-833-900-1010',
      phoneDisplay: '1-833-900-1010',
      text: null,
      chatUrl: 'https://hotline.example.org/clavardage',
      hours: 'Ouverte 24 heures sur 24, tous les jours',
      available24x7: true,
      languages: 'Aide dans plus de 200 langues',
    },
    quickExitUrl: 'https://weather.example.org/',
    disclaimer: "Figurer ici ne signifie pas que la ligne d'urgence recommande un organisme (texte de l'API).",
  },
};
