import { expect } from '@open-wc/testing';
import { en } from './en.js';
import { fr } from './fr.js';
import { instance, resolveLocale, toLocale, translator, vocabulary } from './i18n.js';
import { CALL_OPTIONS, FIXED_VALUES, UNUSED_METHODS } from '../../scripts/i18next-slim.mjs';

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

  describe('the slimmed i18next (scripts/i18next-slim.mjs)', () => {
    type Internals = Record<string, unknown> & {
      services: Record<string, unknown>;
      translator: { translate: (keys: unknown, options: Record<string, unknown>) => unknown };
    };
    const internals = instance as unknown as Internals;

    /** Translates every key of both languages, and returns what i18next's translate received. */
    function translateEverything(): { keys: unknown[]; options: Record<string, unknown>[]; texts: [string, string][] } {
      const { translator: target } = internals;
      const original = target.translate;
      const seen = { keys: [] as unknown[], options: [] as Record<string, unknown>[], texts: [] as [string, string][] };
      target.translate = function (this: unknown, keys: unknown, options: Record<string, unknown>) {
        seen.keys.push(keys);
        seen.options.push({ ...options });
        return original.call(this, keys, options);
      };
      const values = { count: 2, name: 'X', ext: 12, reference: 'R', shown: 10, total: 1200, min: 12, max: 18 };
      try {
        for (const locale of ['en', 'fr'] as const) {
          for (const key of new Set(keys(en).map((k) => k.replace(/_(one|other)$/, '')))) {
            seen.texts.push([key, translator(locale)(key as never, values)]);
          }
        }
      } finally {
        target.translate = original;
      }
      return seen;
    }

    it('is the one the tests run, as in the build', () => {
      expect(Object.values(UNUSED_METHODS).flat()).to.include('cloneInstance');
      for (const name of ['cloneInstance', 'use', 'dir', 'getFixedT']) expect(internals[name], name).to.equal(undefined);
      expect(internals.services['formatter'], 'formatter').to.equal(undefined);
      expect(internals.services['backendConnector'], 'backend connector').to.equal(undefined);
    });

    it("replaces only reads whose value is fixed by the widget's init options", () => {
      for (const [code, value, path] of FIXED_VALUES) {
        const actual = path.split('.').reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], instance);
        if (value === true) expect(Boolean(actual), code).to.equal(true);
        else expect(actual, code).to.equal(value);
      }
    });

    it('is called with a string key and only `lng`, `count` and `replace`: every other option is left out', () => {
      expect(CALL_OPTIONS.map(([code]) => code)).to.include('opt.context');
      const { keys: calledKeys, options } = translateEverything();
      expect(calledKeys.length).to.be.greaterThan(100);
      for (const key of calledKeys) {
        expect(key).to.be.a('string');
        // Namespaces in keys (`ns:key`) are compiled out.
        expect(key as string).not.to.include(':');
      }
      for (const option of options) {
        expect(Object.keys(option)).to.satisfy((names: string[]) => names.every((n) => ['lng', 'count', 'replace'].includes(n)));
        expect(option['lng']).to.be.oneOf(['en', 'fr']);
      }
    });

    it('needs none of the features compiled out: every key translates, without nesting nor formats', () => {
      const { texts } = translateEverything();
      for (const [key, text] of texts) {
        expect(text, key).not.to.equal(key);
        expect(text, key).not.to.include('{{');
      }
      for (const text of [...leaves(en), ...leaves(fr)]) {
        expect(text, 'nesting').not.to.include('$t(');
        expect(text, 'a format').not.to.match(/{{[^}]*,[^}]*}}/);
        expect(text, 'unescaped interpolation').not.to.include('{{-');
      }
    });
  });

  describe('vocabulary', () => {
    it('labels fixed vocabularies in each language and rejects unknown codes', () => {
      expect(vocabulary('fr', 'province', 'QC')).to.equal('Québec');
      expect(vocabulary('en', 'timeframe', 'long_term')).to.equal('Long-term');
      expect(vocabulary('en', 'province', 'toString')).to.equal(undefined);
      expect(vocabulary('en', 'province', 'XX')).to.equal(undefined);
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
