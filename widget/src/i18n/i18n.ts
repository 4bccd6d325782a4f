/**
 * The widget's own i18next instance: created with `createInstance()` so that it never touches
 * (nor is touched by) an i18next the host page may use. Both languages are bundled and the
 * instance is initialised synchronously, so the first render is already translated.
 */
import i18next, { type i18n } from 'i18next';
import type { Locale } from '@referral-directory/sdk';
import { en, type Resources } from './en.js';
import { fr } from './fr.js';

export type { Resources };

/** The languages the widget speaks. */
export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'fr'];

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type Leaf<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every translation key, dotted (`card.more`), plural keys without their `_one`/`_other` suffix. */
export type TranslationKey<T = Resources, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Leaf<K>}` : TranslationKey<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A translate function bound to one language. */
export type Translate = (key: TranslationKey, values?: Record<string, unknown>) => string;

const RESOURCES: Record<Locale, Resources> = { en, fr };

/**
 * Groups of built-in labels keyed by a code the API sends without a label. Days are named by `Intl`. The filters' fixed
 * vocabularies (province, kind, role, timeframe, need) are not here: their one table is the
 * server's, served with the facets (`labelOf` in `lib/filters.ts`).
 */
export type Vocabulary = 'offering' | 'phone';

/** The built-in label of a vocabulary code, e.g. `('fr', 'phone', 'toll_free')` → `Sans frais`. */
export function vocabulary(locale: Locale, group: Vocabulary, code: string): string | undefined {
  const labels: Record<string, string> = RESOURCES[locale][group];
  return Object.hasOwn(labels, code) ? labels[code] : undefined;
}

/** @internal The widget's own i18next instance (exported for the tests). */
export const instance: i18n = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, fr: { translation: fr } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  initAsync: false,
  // Lit escapes every interpolated value; escaping here too would show `&amp;`.
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

const translators = new Map<Locale, Translate>();

/**
 * The translate function of `locale` (cached). Numbers are formatted in that language before
 * they are interpolated (`1,200`, `1 200`); `count` also picks the plural form. i18next gets the
 * values apart, as `replace`, so that no value is ever read as one of its call options.
 */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    const { format } = new Intl.NumberFormat(locale);
    t = (key, values = {}) => {
      const replace: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(values)) replace[name] = typeof value === 'number' ? format(value) : (value ?? '');
      return String(instance.t(key, { lng: locale, count: values['count'] as number | undefined, replace }));
    };
    translators.set(locale, t);
  }
  return t;
}

/** `fr`, `fr-CA`, `FR` → `fr`; anything unsupported → `undefined`. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((l) => l === base);
}

/**
 * The language of `element`: its own `lang` or the nearest ancestor's (crossing shadow roots, up
 * to `<html lang>`), then the browser's languages, then English. A `lang` the widget does not
 * speak (e.g. `es`) is skipped rather than trusted, so the next source gets a chance.
 */
export function resolveLocale(element: Element): Locale {
  for (let node: Node | null = element; node; ) {
    if (node instanceof Element) {
      const locale = toLocale(node.getAttribute('lang'));
      if (locale) return locale;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = toLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}
