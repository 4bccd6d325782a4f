/**
 * Whether a bilingual record's translation needs work: a locale missing, or a locale whose text was
 * written against a text the other locale no longer has. Judged by content, not by save times:
 * each locale keeps a basis, the hash of the other locale's translatable text it was last in line
 * with (`translationBasis`), and the record keeps the verdict (`translationState`), both written by
 * bilingual-middleware.ts after every save. So a save that changes no text (a shared field, a
 * publish, a save without change) flags nothing, and a real change of one locale's text flags the
 * other until its own text is changed. Shared by the server, the list column and the edit panel.
 */
import type { Label } from './field-labels';

export type TranslationState = 'bilingual' | 'en_outdated' | 'fr_outdated';
export type TranslationStatus = { kind: 'complete' } | { kind: 'missing' | 'outdated'; locale: 'en' | 'fr' };

/** A locale's text as a hash, and the hash of the other's text it was in line with (null: not known, taken as in line). */
export interface LocaleText {
  hash: string;
  basis: string | null;
}

export function translationState(t: Readonly<Record<'en' | 'fr', LocaleText>>): TranslationState {
  if (t.fr.basis !== null && t.fr.basis !== t.en.hash) return 'fr_outdated';
  if (t.en.basis !== null && t.en.basis !== t.fr.hash) return 'en_outdated';
  return 'bilingual';
}

/**
 * The bases after a save of one locale (`written`: its text hash before, null for a new locale,
 * and after), the other locale unchanged. A new locale, or a change to a locale that was out of
 * date, brings both in line; a change to a locale that was in line leaves the other behind.
 */
export function nextBases(
  written: { before: string | null; after: string; basis: string | null },
  other: LocaleText,
): { written: string; other: string } {
  const otherBasis = other.basis ?? written.before ?? written.after;
  const writtenBasis = written.basis ?? other.hash;
  if (written.before === null) return { written: other.hash, other: written.after };
  if (written.before === written.after) return { written: writtenBasis, other: otherBasis };
  if (writtenBasis !== other.hash) return { written: other.hash, other: written.after };
  return { written: other.hash, other: otherBasis };
}

const isState = (v: unknown): v is TranslationState => v === 'bilingual' || v === 'en_outdated' || v === 'fr_outdated';

/** What the badge says, from the locales that exist and the record's stored state. */
export function translationStatus(locales: readonly string[], state: unknown): TranslationStatus {
  if (!locales.includes('fr')) return { kind: 'missing', locale: 'fr' };
  if (!locales.includes('en')) return { kind: 'missing', locale: 'en' };
  if (isState(state) && state !== 'bilingual') return { kind: 'outdated', locale: state === 'en_outdated' ? 'en' : 'fr' };
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
