/**
 * English and French labels of every enumeration value of the directory's content types and
 * components, for the admin. The content manager (5.54) looks an enumeration value up as a
 * translation under its raw value (`formatMessage({ id: value })` in edit forms and list filters),
 * so one value has one label wherever it appears; the values shared by several fields (`text`,
 * `other`, `email`, `declined`…) read the same in each. Plain data, bundled into the admin.
 */
import { KIND_LABELS, PROVINCE_LABELS, ROLE_LABELS, STATUS_LABELS } from '../directory/labels';
import type { Label } from './field-labels';

export const VALUE_LABELS: Readonly<Record<string, Label>> = {
  ...PROVINCE_LABELS,
  ...KIND_LABELS,
  ...ROLE_LABELS,
  ...STATUS_LABELS,
  // organization.removalReason (also the reason of a suspension)
  misconduct_allegation: { en: 'Allegation of misconduct', fr: 'Allégation d’inconduite' },
  unreachable: { en: 'Contact unreachable', fr: 'Personne-ressource injoignable' },
  no_longer_meets_criteria: { en: 'No longer meets the criteria', fr: 'Ne répond plus aux critères' },
  organization_request: { en: 'At the organization’s request', fr: 'À la demande de l’organisme' },
  // application.reviewStatus
  received: { en: 'Received', fr: 'Reçue' },
  in_review: { en: 'In review', fr: 'En cours d’examen' },
  more_info_requested: { en: 'More information requested', fr: 'Précisions demandées' },
  approved: { en: 'Approved', fr: 'Approuvée' },
  declined: { en: 'Declined', fr: 'Refusée' },
  // suggestion.reviewStatus
  new: { en: 'New', fr: 'Nouvelle' },
  resolved: { en: 'Resolved', fr: 'Traitée' },
  dismissed: { en: 'Dismissed', fr: 'Écartée' },
  // application.locale, suggestion.locale
  en: { en: 'English', fr: 'Anglais' },
  fr: { en: 'French', fr: 'Français' },
  // contact-attempt.method, referral-outcome.mode
  phone: { en: 'Phone', fr: 'Téléphone' },
  email: { en: 'Email', fr: 'Courriel' },
  text: { en: 'Text message', fr: 'Texto' },
  in_person: { en: 'In person', fr: 'En personne' },
  other: { en: 'Other', fr: 'Autre' },
  chat: { en: 'Chat', fr: 'Clavardage' },
  warm_transfer: { en: 'Warm transfer', fr: 'Transfert accompagné' },
  conference_call: { en: 'Conference call', fr: 'Conférence téléphonique' },
  // contact-attempt.outcome
  reached: { en: 'Reached', fr: 'Jointe' },
  no_answer: { en: 'No answer', fr: 'Pas de réponse' },
  left_message: { en: 'Left a message', fr: 'Message laissé' },
  bounced: { en: 'Email bounced', fr: 'Courriel retourné' },
  wrong_number: { en: 'Wrong number', fr: 'Mauvais numéro' },
  // referral-outcome.outcome
  accepted: { en: 'Accepted', fr: 'Acceptée' },
  waitlisted: { en: 'Waitlisted', fr: 'En liste d’attente' },
  referred_elsewhere: { en: 'Referred elsewhere', fr: 'Orientée ailleurs' },
  no_response: { en: 'No response', fr: 'Aucune réponse' },
  unknown: { en: 'Unknown', fr: 'Inconnu' },
  // phone.type
  voice: { en: 'Voice', fr: 'Voix' },
  toll_free: { en: 'Toll-free', fr: 'Sans frais' },
  tty: { en: 'TTY', fr: 'ATS' },
  crisis: { en: 'Crisis line', fr: 'Ligne de crise' },
  // opening-hours.day
  mon: { en: 'Monday', fr: 'Lundi' },
  tue: { en: 'Tuesday', fr: 'Mardi' },
  wed: { en: 'Wednesday', fr: 'Mercredi' },
  thu: { en: 'Thursday', fr: 'Jeudi' },
  fri: { en: 'Friday', fr: 'Vendredi' },
  sat: { en: 'Saturday', fr: 'Samedi' },
  sun: { en: 'Sunday', fr: 'Dimanche' },
  // law-enforcement-protocol.agencyKind
  municipal: { en: 'Municipal police', fr: 'Police municipale' },
  provincial: { en: 'Provincial police', fr: 'Police provinciale' },
  federal: { en: 'Federal police (RCMP)', fr: 'Police fédérale (GRC)' },
  indigenous: { en: 'Indigenous police service', fr: 'Service de police autochtone' },
  // organization.translationState
  bilingual: { en: 'Bilingual', fr: 'Bilingue' },
  en_outdated: { en: 'English out of date', fr: 'Anglais à mettre à jour' },
  fr_outdated: { en: 'French out of date', fr: 'Français à mettre à jour' },
  // audit-entry.action
  create: { en: 'Created', fr: 'Création' },
  update: { en: 'Updated', fr: 'Modification' },
  status_change: { en: 'Status changed', fr: 'Changement de statut' },
  publish: { en: 'Published', fr: 'Publication' },
  unpublish: { en: 'Unpublished', fr: 'Dépublication' },
  discard_draft: { en: 'Draft discarded', fr: 'Brouillon abandonné' },
  delete: { en: 'Deleted', fr: 'Suppression' },
  confidential_read: {
    en: 'Confidential record read (referral console)',
    fr: 'Consultation d’une fiche confidentielle (console de référence)',
  },
  // audit-entry.actorType
  admin: { en: 'Editor (admin)', fr: 'Rédaction (admin)' },
  api_token: { en: 'API token', fr: 'Jeton d’API' },
  user: { en: 'User', fr: 'Utilisateur' },
  public: { en: 'Public form', fr: 'Formulaire public' },
  system: { en: 'System', fr: 'Système' },
};
