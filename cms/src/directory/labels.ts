/** English and French labels of the fixed vocabularies (taxonomy labels come from the database). */
import type { ListingStatus, Locale, OrganizationKind, ProviderRole, Province, Timeframe, Need } from '@referral-directory/sdk';

type Labels<K extends string> = Record<K, Record<Locale, string>>;

export const PROVINCE_LABELS: Labels<Province> = {
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
};

export const KIND_LABELS: Labels<OrganizationKind> = {
  ngo: { en: 'Non-governmental organization', fr: 'Organisme non gouvernemental' },
  law_enforcement: { en: 'Law enforcement', fr: 'Forces de l’ordre' },
  government_agency: { en: 'Government agency', fr: 'Organisme gouvernemental' },
  coalition: { en: 'Coalition', fr: 'Coalition' },
  network: { en: 'Network', fr: 'Réseau' },
  other_allied: { en: 'Other allied organization', fr: 'Autre organisme allié' },
};

export const ROLE_LABELS: Labels<ProviderRole> = {
  direct: { en: 'Direct service provider', fr: 'Fournisseur de services directs' },
  indirect: { en: 'Indirect service provider', fr: 'Fournisseur de services indirects' },
};

export const TIMEFRAME_LABELS: Labels<Timeframe> = {
  emergency: { en: 'Emergency', fr: 'Urgence' },
  transitional: { en: 'Short-term / transitional', fr: 'Court terme / transition' },
  long_term: { en: 'Long-term', fr: 'Long terme' },
};

export const NEED_LABELS: Labels<Need> = {
  social: { en: 'Social', fr: 'Social' },
  legal: { en: 'Legal', fr: 'Juridique' },
};

export const STATUS_LABELS: Labels<ListingStatus> = {
  applicant: { en: 'Applicant', fr: 'Candidature' },
  under_review: { en: 'Under review', fr: 'En examen' },
  active: { en: 'Active', fr: 'Actif' },
  suspended: { en: 'Suspended', fr: 'Suspendu' },
  removed: { en: 'Removed', fr: 'Retiré' },
};
