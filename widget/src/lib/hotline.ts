/**
 * What the widget shows when the settings API cannot be reached: the hotline must stay visible
 * and callable even when nothing else loads.
 */
import type { DirectorySettings, Locale } from '@referral-directory/sdk';
import { translator } from '../i18n/i18n.js';

/** Neutral site quick exit goes to unless the host or the settings say otherwise. */
export const DEFAULT_EXIT_URL = 'https://www.google.ca/';

/** Built-in settings of the Canadian Human Trafficking Hotline, in `locale`. */
export function fallbackSettings(locale: Locale): DirectorySettings {
  const t = translator(locale);
  return {
    locale,
    hotline: {
      phone: '+1-833-900-1010',
      phoneDisplay: '1-833-900-1010',
      text: null,
      chatUrl: null,
      hours: t('hotline.hours'),
      available24x7: true,
      languages: t('hotline.languages'),
    },
    quickExitUrl: DEFAULT_EXIT_URL,
    disclaimer: t('disclaimer'),
  };
}

/** The settings from the API (gaps filled from the built-in ones), else the built-in ones. */
export function settingsOr(value: DirectorySettings | undefined, locale: Locale): DirectorySettings {
  const fallback = fallbackSettings(locale);
  if (!value) return fallback;
  return {
    ...value,
    hotline: { ...fallback.hotline, ...value.hotline },
    quickExitUrl: value.quickExitUrl || fallback.quickExitUrl,
    disclaimer: value.disclaimer || fallback.disclaimer,
  };
}
