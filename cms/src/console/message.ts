/**
 * The referral message read out, copied or printed for a caller: for a few organizations, in the
 * caller's language, their public contact details only. It is built from the *public* catalog's
 * records (the allowlist projection, src/directory/mapper.ts), so no internal line, note or
 * confidential address can reach it; an organization that is not in the public directory cannot
 * be named in it. Nothing about the caller goes in or is stored.
 */
import type { DirectorySettings, Locale, PublicOrganization } from '@referral-directory/sdk';
import { VALUE_LABELS } from '../workflow/value-labels';

export const MAX_MESSAGE_ORGANIZATIONS = 5;

const WORDS = {
  en: {
    intro: 'Here are services that may be able to help you. Each one decides who it can serve.',
    phone: 'Phone',
    email: 'Email',
    website: 'Website',
    hours: 'Hours',
    address: 'Address',
    open24x7: 'Open 24 hours a day, 7 days a week',
    hotline: 'You can call the hotline again any time',
    ext: 'ext.',
    colon: ': ',
  },
  fr: {
    intro: 'Voici des services qui pourraient vous aider. Chacun décide des personnes qu’il peut accueillir.',
    phone: 'Téléphone',
    email: 'Courriel',
    website: 'Site Web',
    hours: 'Heures',
    address: 'Adresse',
    open24x7: 'Ouvert 24 heures sur 24, 7 jours sur 7',
    hotline: 'Vous pouvez rappeler la ligne d’urgence en tout temps',
    ext: 'poste',
    colon: ' : ',
  },
} as const satisfies Record<Locale, Record<string, string>>;

function hoursOf(o: PublicOrganization, locale: Locale): string | null {
  const w = WORDS[locale];
  if (o.hours.open24x7) return w.open24x7;
  const days = o.hours.schedule.map((h) => `${VALUE_LABELS[h.day]?.[locale] ?? h.day} ${h.opens}–${h.closes}`);
  const text = [days.join(', '), o.hours.notes].filter((t) => t).join('. ');
  return text || null;
}

function block(o: PublicOrganization, n: number, locale: Locale): string {
  const w = WORDS[locale];
  const lines = [`${n}. ${o.name}`];
  for (const p of o.phones) lines.push(`   ${p.label ?? w.phone}${w.colon}${p.number}${p.extension ? ` ${w.ext} ${p.extension}` : ''}`);
  if (o.email) lines.push(`   ${w.email}${w.colon}${o.email}`);
  if (o.website) lines.push(`   ${w.website}${w.colon}${o.website}`);
  for (const l of o.locations) {
    const where = [l.street, l.city, l.province, l.postalCode].filter((t) => t).join(', ');
    lines.push(`   ${w.address}${w.colon}${where}`);
  }
  const hours = hoursOf(o, locale);
  if (hours) lines.push(`   ${w.hours}${w.colon}${hours}`);
  return lines.join('\n');
}

export function referralMessage(orgs: readonly PublicOrganization[], locale: Locale, settings: DirectorySettings | null): string {
  const w = WORDS[locale];
  const parts = [w.intro, ...orgs.map((o, i) => block(o, i + 1, locale))];
  if (settings) parts.push(`${w.hotline}${w.colon}${settings.hotline.phoneDisplay}.`, settings.disclaimer);
  return parts.join('\n\n');
}
