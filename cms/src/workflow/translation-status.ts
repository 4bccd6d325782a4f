/**
 * Whether a bilingual record's translation needs work, from the locales that exist and when each
 * was last saved: a locale missing, or one saved before the other changed (its text may no
 * longer say the same). Shared by the admin's list column and edit panel.
 */
import type { Label } from './field-labels';

export interface LocaleVersion { locale: string; updatedAt: string | null }
export type TranslationStatus = { kind: 'complete' } | { kind: 'missing' | 'outdated'; locale: 'en' | 'fr' };

/** Saves of both locales this close together are one action (a publish, a shared-field edit). */
const SAME_ACTION_MS = 5_000;

const time = (v: string | null): number => (v ? Date.parse(v) : Number.NaN);

export function translationStatus(versions: readonly LocaleVersion[]): TranslationStatus {
  const en = versions.find((v) => v.locale === 'en');
  const fr = versions.find((v) => v.locale === 'fr');
  if (!fr) return { kind: 'missing', locale: 'fr' };
  if (!en) return { kind: 'missing', locale: 'en' };
  const gap = time(en.updatedAt) - time(fr.updatedAt);
  if (gap > SAME_ACTION_MS) return { kind: 'outdated', locale: 'fr' };
  if (gap < -SAME_ACTION_MS) return { kind: 'outdated', locale: 'en' };
  return { kind: 'complete' };
}

const NAMES: Readonly<Record<'en' | 'fr', Label>> = { en: { en: 'English', fr: 'Anglais' }, fr: { en: 'French', fr: 'Français' } };

/** The badge text, in the admin's language. */
export function translationStatusLabel(status: TranslationStatus, language: 'en' | 'fr'): string {
  if (status.kind === 'complete') return language === 'fr' ? 'Bilingue' : 'Bilingual';
  const name = NAMES[status.locale][language];
  if (status.kind === 'missing') return language === 'fr' ? `${name} manquant` : `${name} missing`;
  return language === 'fr' ? `${name} à mettre à jour` : `${name} out of date`;
}
