import type { Core } from '@strapi/strapi';

/** English is the default locale; French is always present. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await locales.find();
  if (!existing.some((l) => l.code === 'en')) await locales.create({ code: 'en', name: 'English (en)' });
  if (!existing.some((l) => l.code === 'fr')) await locales.create({ code: 'fr', name: 'French (fr)' });
  await locales.setDefaultLocale({ code: 'en' });
}
