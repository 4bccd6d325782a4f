import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { fr } from './fr.js';
import { instance, resolveLocale, toLocale, translator, vocabulary } from './i18n.js';

/** Every dotted key path of a resource object. */
function keys(resource: object, prefix = ''): string[] {
  return Object.entries(resource).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value as object, `${prefix}${key}.`),
  );
}

function leaves(resource: object): string[] {
  return Object.values(resource).flatMap((value) => (typeof value === 'string' ? [value] : leaves(value as object)));
}

describe('i18n', () => {
  describe('resources', () => {
    it('has exactly the same keys in French as in English (also enforced by the type of fr)', () => {
      expect(keys(fr)).to.deep.equal(keys(en));
    });

    it('has no empty French text', () => {
      expect(leaves(fr).filter((text) => !text.trim())).to.deep.equal([]);
    });

    it('keeps the same interpolation placeholders in both languages', () => {
      const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]).sort();
      const enLeaves = leaves(en);
      leaves(fr).forEach((text, i) => expect(placeholders(text), text).to.deep.equal(placeholders(enLeaves[i] ?? '')));
    });
  });

  describe('translator', () => {
    it('translates, interpolates and pluralises in each language', () => {
      expect(translator('en')('results.count', { count: 1 })).to.equal('1 organization found');
      expect(translator('en')('results.count', { count: 1200 })).to.equal('1,200 organizations found');
      expect(translator('fr')('results.count', { count: 1 })).to.equal('1 organisme trouvé');
      expect(translator('fr')('results.count', { count: 2 })).to.equal('2 organismes trouvés');
      expect(translator('fr')('results.count', { count: 1200 })).to.equal(`${(1200).toLocaleString('fr')} organismes trouvés`);
    });

    it('does not escape HTML (Lit escapes text when rendering)', () => {
      expect(translator('en')('suggest.heading', { name: 'A & B <C>' })).to.equal('Suggest an update to A & B <C>');
    });

    it('is a private instance: the global i18next is left alone', async () => {
      const { default: global } = await import('i18next');
      expect(global.isInitialized ?? false).to.equal(false);
    });
  });

  describe('i18next as published', () => {
    it('is pinned to one exact version', async () => {
      const manifest: unknown = await (await fetch('/package.json')).json();
      const pinned = (manifest as { dependencies?: Record<string, string> }).dependencies?.['i18next'];
      expect(pinned).to.match(/^\d+\.\d+\.\d+$/);
    });

    it('runs unmodified: its whole public API is there (nothing compiled out at build time)', () => {
      for (const name of ['cloneInstance', 'use', 'dir', 'getFixedT', 'exists', 'loadNamespaces', 'addResourceBundle']) {
        const owner = name === 'addResourceBundle' ? instance.store : instance;
        expect(Reflect.get(owner, name), name).to.be.a('function');
      }
      expect(instance.dir('ar')).to.equal('rtl');
    });
  });

  describe('vocabulary', () => {
    it('labels the codes the API sends without labels in each language and rejects unknown codes', () => {
      expect(vocabulary('fr', 'phone', 'crisis')).to.equal('Ligne de crise');
      expect(vocabulary('en', 'phone', 'toll_free')).to.equal('Toll-free');
      expect(vocabulary('en', 'phone', 'toString')).to.equal(undefined);
      expect(vocabulary('en', 'offering', 'XX')).to.equal(undefined);
    });
  });

  describe('language resolution', () => {
    afterEach(() => document.documentElement.setAttribute('lang', 'en'));

    it('maps language tags to the two supported locales', () => {
      expect(toLocale('fr-CA')).to.equal('fr');
      expect(toLocale('FR')).to.equal('fr');
      expect(toLocale('en_GB')).to.equal('en');
      expect(toLocale('es')).to.equal(undefined);
      expect(toLocale('')).to.equal(undefined);
    });

    it("prefers the element's own lang, then its ancestors' (across shadow roots), then <html lang>", () => {
      document.documentElement.setAttribute('lang', 'en');
      const outer = document.createElement('div');
      outer.setAttribute('lang', 'fr-CA');
      const host = document.createElement('div');
      outer.append(host);
      const inner = document.createElement('span');
      host.attachShadow({ mode: 'open' }).append(inner);
      document.body.append(outer);
      expect(resolveLocale(inner)).to.equal('fr');
      inner.setAttribute('lang', 'en');
      expect(resolveLocale(inner)).to.equal('en');
      outer.remove();
    });

    it('skips a language the widget does not speak and falls back to the browser, then English', () => {
      document.documentElement.setAttribute('lang', 'es');
      const el = document.createElement('div');
      document.body.append(el);
      const expected = navigator.languages.map(toLocale).find(Boolean) ?? 'en';
      expect(resolveLocale(el)).to.equal(expected);
      el.remove();
    });
  });
});
