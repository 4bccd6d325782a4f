import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Locale } from '@referral-directory/sdk';
import { http, HttpResponse } from 'msw';
import { api, listRequests, requests, scenarios } from '../test/handlers.js';
import {
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  deepText,
  expectAccessible,
  foreignRequests,
  startWorker,
  useScenario,
  worker,
} from '../test/helpers.js';
import { recordNavigations } from '../test/navigations.js';
import { en } from './i18n/en.js';
import { fr } from './i18n/fr.js';
import { RdQuickExit } from './elements/quick-exit.js';
import { uncoverPage } from './lib/page-cover.js';
import type { RdResultCard } from './elements/result-card.js';
import './referral-directory.js';
import type { ReferralDirectory } from './referral-directory.js';

const WAIT = { timeout: 5000 };
const PUBLIC_EVENTS = ['rd-search', 'rd-filter-change', 'rd-select', 'rd-quick-exit', 'rd-suggestion-sent'] as const;

const shadow = (el: Element) => el.shadowRoot!;
const cards = (el: ReferralDirectory) => [...shadow(el).querySelectorAll<RdResultCard>('rd-result-card')];
const status = (el: ReferralDirectory) => shadow(el).querySelector('.count')!.textContent!.trim();
const panel = (el: ReferralDirectory) => shadow(shadow(el).querySelector('rd-filter-panel')!);
const chips = (el: ReferralDirectory) => shadow(shadow(el).querySelector('rd-filter-chips')!);
const searchInput = (el: ReferralDirectory) => shadow(shadow(el).querySelector('rd-search-bar')!).querySelector('input')!;

function mountTemplate(lang: Locale | null = 'en', extra = '') {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<referral-directory api-url="${api()}" ${lang ? `lang="${lang}"` : ''} ${extra}></referral-directory>`;
  return wrapper.firstElementChild as ReferralDirectory;
}

/** Mounts the widget and waits for its list (or its empty/error state) and facets. */
async function mount(lang: Locale | null = 'en', extra = ''): Promise<ReferralDirectory> {
  const el = await fixture<ReferralDirectory>(mountTemplate(lang, extra));
  await settled(el);
  return el;
}

async function settled(el: ReferralDirectory): Promise<void> {
  await waitUntil(() => shadow(el).querySelector('[part="list"], [part="empty"], [part="error"]'), 'results did not load', WAIT);
  await el.updateComplete;
}

/** Presses Tab until the focused element matches, like a keyboard user looking for a control. */
async function tabTo(match: (el: Element) => boolean, what: string): Promise<Element> {
  const path: string[] = [];
  for (let i = 0; i < 80; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActiveElement();
    if (active && match(active)) return active;
    path.push(`${active?.tagName}:${active?.textContent?.trim().slice(0, 20)}`);
  }
  throw new Error(`could not reach ${what} with Tab; went through ${path.join(' | ')}`);
}

/** Records the public events fired on the document while `fn` runs. */
async function eventsDuring(fn: () => Promise<unknown>): Promise<string[]> {
  const fired: string[] = [];
  const record = (e: Event) => fired.push(e.type);
  PUBLIC_EVENTS.forEach((type) => document.addEventListener(type, record));
  try {
    await fn();
  } finally {
    PUBLIC_EVENTS.forEach((type) => document.removeEventListener(type, record));
  }
  return fired;
}

/** English UI strings that differ in French, as whole words (static parts of templates). */
function englishOnlyStrings(): string[] {
  const out: string[] = [];
  const walk = (a: object, b: object) => {
    for (const [key, value] of Object.entries(a)) {
      const other: unknown = (b as Record<string, unknown>)[key];
      if (typeof value === 'string' && typeof other === 'string') {
        for (const part of value.split(/{{[^}]*}}/)) {
          const text = part
            .trim()
            .replace(/[:.(]+$/, '')
            .trim();
          if (text.length > 3 && !other.includes(text)) out.push(text);
        }
      } else if (typeof value === 'object' && typeof other === 'object' && other) walk(value, other);
    }
  };
  walk(en, fr);
  return [...new Set(out)];
}

describe('<referral-directory>', () => {
  before(async () => {
    await startWorker();
  });

  beforeEach(() => {
    useScenario('default');
    document.documentElement.setAttribute('lang', 'en');
  });

  afterEach(() => {
    const params = new URLSearchParams(location.search);
    for (const key of [...params.keys()]) if (key.startsWith('rd-')) params.delete(key);
    history.replaceState(null, '', `${location.pathname}?${params}`);
  });

  describe('accessibility (axe)', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`has no violations while loading (${lang})`, async () => {
        useScenario('slow');
        const el = await fixture<ReferralDirectory>(mountTemplate(lang));
        await waitUntil(() => shadow(el).querySelector('.loading'), 'no loading state', WAIT);
        expect(shadow(el).querySelector('[part="results"]')!.getAttribute('aria-busy')).to.equal('true');
        await expectAccessible(el);
      });

      it(`has no violations with results (${lang})`, async () => {
        const el = await mount(lang);
        expect(cards(el)).to.have.length(6);
        await expectAccessible(el);
      });

      it(`has no violations when nothing matches (${lang})`, async () => {
        useScenario('empty');
        const el = await mount(lang);
        expect(shadow(el).querySelector('[part="empty"]')).to.exist;
        await expectAccessible(el);
      });

      it(`has no violations when the API fails (${lang})`, async () => {
        useScenario('error');
        const el = await mount(lang);
        expect(shadow(el).querySelector('[part="error"]')).to.exist;
        await expectAccessible(el);
      });

      it(`has no violations with a card expanded and its suggestion form open (${lang})`, async () => {
        const el = await mount(lang, 'suggestions');
        const card = cards(el)[0]!;
        shadow(card).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
        await card.updateComplete;
        shadow(card).querySelector<HTMLButtonElement>('.suggest-toggle')!.click();
        await card.updateComplete;
        expect(shadow(card).querySelector('rd-suggest-form')).to.exist;
        await expectAccessible(el);
      });
    }
  });

  describe('when results load', () => {
    it('announces the number of organizations in a polite live region', async () => {
      const el = await mount('en');
      const live = shadow(el).querySelector('.count')!;
      expect(live.getAttribute('role')).to.equal('status');
      expect(status(el)).to.equal('6 organizations found');
    });

    it('shows one card per organization, in the language of the widget', async () => {
      const el = await mount('fr');
      expect(status(el)).to.equal('6 organismes trouvés');
      const names = cards(el).map((c) => shadow(c).querySelector('h3')!.textContent);
      expect(names).to.include('Clinique juridique du Nord');
      expect(listRequests()[0]!.searchParams.get('locale')).to.equal('fr');
    });

    it('shows the hotline and the disclaimer from the settings API', async () => {
      const el = await mount('en');
      await waitUntil(() => deepText(el).includes('Help in over 200 languages'), 'settings not shown', WAIT);
      expect(shadow(el).querySelector('[part="disclaimer"]')!.textContent).to.contain('(API text)');
    });

    it('fires no public event while loading', async () => {
      const fired = await eventsDuring(() => mount('en', 'province="QC" q="refuge" sync-url'));
      expect(fired).to.deep.equal([]);
    });

    it('talks only to api-url, without credentials, and stores nothing in the browser', async () => {
      const before = { local: localStorage.length, session: sessionStorage.length, cookie: document.cookie };
      await mount('en');
      expect(requests().length).to.be.greaterThan(2);
      expect(requests().every((r) => r.credentials === 'omit')).to.equal(true);
      expect(foreignRequests).to.deep.equal([]);
      expect({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }).to.deep.equal(before);
    });

    it('leaves the page URL alone unless sync-url is set', async () => {
      const before = location.href;
      const el = await mount('en');
      searchInput(el).value = 'legal';
      searchInput(el).form!.requestSubmit();
      await waitUntil(() => listRequests().some((u) => u.searchParams.get('q') === 'legal'), 'no search', WAIT);
      expect(location.href).to.equal(before);
    });
  });

  describe('when the person searches', () => {
    it('sends the keyword after a pause in typing, once, and fires rd-search', async () => {
      const el = await mount('en');
      const searched: string[] = [];
      el.addEventListener('rd-search', (e) => searched.push(e.detail.q));
      for (const value of ['l', 'leg', 'legal', 'legal a', 'legal aid']) {
        searchInput(el).value = value;
        searchInput(el).dispatchEvent(new Event('input'));
      }
      await waitUntil(() => searched.length > 0, 'no rd-search', WAIT);
      await settled(el);
      expect(searched).to.deep.equal(['legal aid']);
      await waitUntil(() => status(el) === '2 organizations found', 'count not updated', WAIT);
      expect(listRequests().filter((u) => u.searchParams.get('q') === 'legal aid')).to.have.length(1);
    });

    it('with geolocation, "Use my location" lists near the browser’s position rounded to about a kilometre, asked only on the click', async () => {
      let asked = 0;
      const geolocation = {
        getCurrentPosition(ok: (p: { coords: { latitude: number; longitude: number } }) => void) {
          asked++;
          setTimeout(() => ok({ coords: { latitude: 45.508889, longitude: -73.561667 } }));
        },
      };
      Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
      try {
        const plain = await mount('fr');
        const bar = () => shadow(plain).querySelector('rd-search-bar')!.shadowRoot!;
        expect([...bar().querySelectorAll('button')].map((b) => b.textContent)).to.not.include('Utiliser ma position');
        const el = await mount('fr', 'geolocation');
        const button = [...shadow(el).querySelector('rd-search-bar')!.shadowRoot!.querySelectorAll('button')].find(
          (b) => b.textContent === 'Utiliser ma position',
        )!;
        expect(asked).to.equal(0);
        button.click();
        await waitUntil(() => listRequests().some((u) => u.searchParams.get('near') === '45.51,-73.56'), 'no list near the point', WAIT);
        expect(asked).to.equal(1);
      } finally {
        Reflect.deleteProperty(navigator, 'geolocation');
      }
    });

    it('searches at once on Enter', async () => {
      const el = await mount('en');
      searchInput(el).focus();
      await sendKeys({ type: 'youth' });
      const event = oneEvent(el, 'rd-search');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail).to.deep.equal({ q: 'youth', near: '' });
    });

    it('offers "best match" order once there is a keyword, and lets the person sort by name', async () => {
      const el = await mount('en', 'q="legal"');
      const select = shadow(el).querySelector<HTMLSelectElement>('.sort select')!;
      expect(select.value).to.equal('relevance');
      select.value = 'name';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => listRequests().some((u) => u.searchParams.get('sort') === 'name'), 'sort not sent', WAIT);
    });
  });

  describe('when the person filters', () => {
    it('offers each filter with labels and counts from the facets API, in the current language', async () => {
      const el = await mount('fr');
      await waitUntil(() => panel(el).querySelector('details'), 'no filters', WAIT);
      const summaries = [...panel(el).querySelectorAll('summary')].map((s) => s.textContent!.trim());
      expect(summaries).to.include('Province ou territoire');
      expect(summaries).to.include('Langue de service');
      const labels = [...panel(el).querySelectorAll('label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
      expect(labels).to.include('Québec (2)');
      expect(labels).to.include('Droits du travail (2)');
    });

    for (const lang of ['en', 'fr'] as const) {
      it(`names a kind and a role on the cards exactly as the filters do: one table of labels (${lang})`, async () => {
        const el = await mount(lang);
        await waitUntil(() => panel(el).querySelector('input[value="ngo"]'), 'no kind filter', WAIT);
        const option = (value: string) =>
          panel(el)
            .querySelector(`input[value="${value}"]`)!
            .closest('label')!
            .textContent!.replace(/\s*\(\d+\)\s*$/, '')
            .trim();
        const kinds = cards(el).map((c) => shadow(c).querySelector('.kind')!.textContent!.trim());
        expect(kinds).to.include(`${option('ngo')} · ${option('direct')}`);
      });
    }

    it('filters on a checked value, shows it as a chip and fires rd-filter-change', async () => {
      const el = await mount('en');
      await waitUntil(() => panel(el).querySelector('input[value="legal"]'), 'no need filter', WAIT);
      const event = oneEvent(el, 'rd-filter-change');
      panel(el).querySelector<HTMLInputElement>('input[value="legal"]')!.click();
      expect((await event).detail).to.deep.equal({ filters: { need: ['legal'] } });
      await waitUntil(() => status(el) === '2 organizations found', 'not filtered', WAIT);
      expect(listRequests().at(-1)!.searchParams.getAll('need')).to.deep.equal(['legal']);
      expect(chips(el).textContent).to.contain('Type of need: Legal');
    });

    it('removes a filter from its chip and moves keyboard focus to the next chip', async () => {
      const el = await mount('en', 'province="QC ON"');
      const first = chips(el).querySelector<HTMLButtonElement>('button[data-value="QC"]')!;
      expect(first.textContent).to.contain('Remove filter');
      first.focus();
      const event = oneEvent(el, 'rd-filter-change');
      await sendKeys({ press: 'Enter' });
      expect((await event).detail.filters).to.deep.equal({ province: ['ON'] });
      await waitUntil(() => deepActiveElement()?.getAttribute('data-value') === 'ON', 'focus lost', WAIT);
      await settled(el);
    });

    it('clears all filters and moves focus to the result count', async () => {
      const el = await mount('en', 'province="QC" need="social"');
      const event = oneEvent(el, 'rd-filter-change');
      chips(el).querySelector<HTMLButtonElement>('[part="clear"]')!.click();
      expect((await event).detail.filters).to.deep.equal({});
      await waitUntil(() => status(el) === '6 organizations found', 'not cleared', WAIT);
      expect(deepActiveElement()).to.equal(shadow(el).querySelector('.count'));
    });
  });

  describe('with preset, locked and hidden filters', () => {
    it('applies presets to the first request and shows them as chips', async () => {
      const el = await mount('en', 'province="QC, ON" focus="labour_rights trafficking" timeframe="bogus"');
      const first = listRequests()[0]!;
      expect(first.searchParams.getAll('province')).to.deep.equal(['QC', 'ON']);
      expect(first.searchParams.getAll('focus')).to.deep.equal(['labour_rights', 'trafficking']);
      expect(first.searchParams.has('timeframe')).to.equal(false);
      expect(chips(el).querySelectorAll('button[data-name]')).to.have.length(4);
    });

    it('keeps locked filters out of the panel, without a remove button, and through "clear all"', async () => {
      const el = await mount('en', 'province="QC" need="social" locked="province"');
      await waitUntil(() => panel(el).querySelector('details'), 'no filters', WAIT);
      expect(panel(el).querySelector('input[data-name="province"]')).to.equal(null);
      expect(chips(el).querySelector('button[data-name="province"]')).to.equal(null);
      expect(chips(el).textContent).to.contain('Province or territory: Quebec');
      expect(chips(el).textContent).to.contain('(always applied)');
      const event = oneEvent(el, 'rd-filter-change');
      chips(el).querySelector<HTMLButtonElement>('[part="clear"]')!.click();
      expect((await event).detail.filters).to.deep.equal({ province: ['QC'] });
      await waitUntil(() => !listRequests().at(-1)!.searchParams.has('need'), 'need not cleared', WAIT);
      expect(listRequests().at(-1)!.searchParams.getAll('province')).to.deep.equal(['QC']);
    });

    it('does not offer hidden filters', async () => {
      const el = await mount('en', 'hide-filters="need type"');
      await waitUntil(() => panel(el).querySelector('details'), 'no filters', WAIT);
      const names = [...panel(el).querySelectorAll('details')].map((d) => d.dataset['name']);
      expect(names).to.not.include('need');
      expect(names).to.not.include('type');
      expect(names).to.include('province');
    });

    it("takes the provider-role preset for the role filter (the role attribute stays ARIA's)", async () => {
      await mount('en', 'provider-role="indirect"');
      expect(listRequests()[0]!.searchParams.getAll('role')).to.deep.equal(['indirect']);
    });
  });

  describe('when there are many results', () => {
    it('loads the next page on "Show more results" and moves focus to the first new result', async () => {
      useScenario('200 results');
      const el = await mount('en', 'page-size="10"');
      expect(cards(el)).to.have.length(10);
      expect(status(el)).to.equal('200 organizations found');
      const more = shadow(el).querySelector<HTMLButtonElement>('.more button')!;
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => cards(el).length === 20, 'no second page', WAIT);
      await waitUntil(() => deepActiveElement()?.tagName === 'H3', 'focus did not move', WAIT);
      expect(deepActiveElement()!.textContent).to.equal('Organization 011');
      expect(listRequests().at(-1)!.searchParams.get('page')).to.equal('2');
      expect(shadow(el).querySelector('.more')!.textContent).to.contain('Showing 20 of 200');
    });

    it('caps page-size at the API maximum', async () => {
      await mount('en', 'page-size="500"');
      expect(listRequests()[0]!.searchParams.get('pageSize')).to.equal('100');
    });
  });

  describe('when nothing matches', () => {
    it('suggests widening the search, offers to clear the filters and gives the hotline', async () => {
      useScenario('empty');
      const el = await mount('en', 'need="legal"');
      const empty = shadow(el).querySelector('[part="empty"]')!;
      expect(empty.textContent).to.contain('remove some filters to widen the search');
      expect(empty.querySelector('a[href="tel:+18339001010"]')).to.exist;
      expect(empty.querySelector('button')!.textContent).to.contain('Clear all filters');
      expect(status(el)).to.equal('0 organizations found');
    });
  });

  describe('when the API cannot be reached', () => {
    it('explains, keeps the hotline callable with its built-in details, and retries on request', async () => {
      useScenario('error');
      const el = await mount('en');
      const error = shadow(el).querySelector('[part="error"]')!;
      expect(error.textContent).to.contain('The directory cannot be loaded right now.');
      const banner = shadow(shadow(el).querySelector('rd-hotline-banner')!);
      expect(banner.querySelector('a[href="tel:+18339001010"]')!.textContent).to.equal('1-833-900-1010');
      expect(banner.textContent).to.contain('In more than 200 languages');
      expect(shadow(el).querySelector('[part="disclaimer"]')!.textContent).to.contain('is not an endorsement');
      worker.resetHandlers(...scenarios.default);
      error.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => cards(el).length === 6, 'retry did not load', WAIT);
    });

    it('gives the French fallback hotline in French', async () => {
      useScenario('error');
      const el = await mount('fr');
      expect(deepText(el)).to.contain('Dans plus de 200 langues');
      expect(deepText(el)).to.contain('ne constitue pas une recommandation');
    });

    it('treats a malformed answer (a proxy page) as an error', async () => {
      useScenario('malformed');
      const el = await mount('en');
      expect(shadow(el).querySelector('[part="error"]')).to.exist;
      expect(deepQuery(el, 'a[href="tel:+18339001010"]')).to.exist;
    });

    it('fills gaps in the settings with the built-in hotline texts and disclaimer', async () => {
      worker.use(
        http.get('*/api/directory/settings', () =>
          HttpResponse.json({
            data: { locale: 'en', hotline: { phone: '+1-833-900-1010', phoneDisplay: '1 833 900-1010' }, quickExitUrl: '', disclaimer: '' },
          }),
        ),
      );
      const el = await mount('en');
      await waitUntil(() => deepText(el).includes('1 833 900-1010'), 'settings not loaded', WAIT);
      expect(deepText(el)).to.contain('24 hours a day, 7 days a week');
      expect(shadow(el).querySelector('[part="disclaimer"]')!.textContent).to.contain('is not an endorsement');
    });

    it('shows a notice (and the hotline) when api-url is missing', async () => {
      const el = await fixture<ReferralDirectory>(html`<referral-directory lang="en"></referral-directory>`);
      expect(shadow(el).textContent).to.contain('The directory is not available on this page.');
      expect(deepQuery(el, 'a[href="tel:+18339001010"]')).to.exist;
      expect(requests()).to.deep.equal([]);
    });
  });

  describe('language', () => {
    afterEach(() => document.documentElement.setAttribute('lang', 'en'));

    it('follows <html lang> when it has no lang attribute', async () => {
      document.documentElement.setAttribute('lang', 'fr-CA');
      const el = await mount(null);
      expect(status(el)).to.equal('6 organismes trouvés');
    });

    it('re-renders everything and reloads in the new language when lang changes', async () => {
      const el = await mount('en');
      el.setAttribute('lang', 'fr');
      await waitUntil(() => status(el) === '6 organismes trouvés', 'not switched', WAIT);
      await waitUntil(() => deepText(el).includes('Sortie rapide'), 'quick exit not switched', WAIT);
      expect(searchInput(el).labels![0]!.textContent).to.equal('Rechercher par mot-clé');
      expect(listRequests().at(-1)!.searchParams.get('locale')).to.equal('fr');
      const card = cards(el).find((c) => c.organization?.slug === 'northern-legal-clinic')!;
      await card.updateComplete;
      expect(shadow(card).textContent).to.contain('Plus de détails');
    });

    it('follows a change of <html lang> at runtime', async () => {
      const el = await mount(null);
      document.documentElement.setAttribute('lang', 'fr');
      await waitUntil(() => status(el) === '6 organismes trouvés', 'not switched', WAIT);
    });

    it('shows no English interface text in French', async () => {
      const el = await mount('fr', 'suggestions');
      const card = cards(el)[0]!;
      shadow(card).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await card.updateComplete;
      await waitUntil(() => panel(el).querySelector('details'), 'no filters', WAIT);
      const text = deepText(el);
      const strings = englishOnlyStrings();
      expect(strings.length).to.be.greaterThan(50);
      const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const found = strings.filter((s) => new RegExp(`(^|[^\\p{L}])${escape(s)}([^\\p{L}]|$)`, 'u').test(text));
      expect(found).to.deep.equal([]);
    });
  });

  describe('quick exit', () => {
    const navigations = recordNavigations();

    it('is on by default, labelled, and leaves for the settings URL', async () => {
      const el = await mount('en');
      await waitUntil(() => deepText(el).includes('Help in over 200 languages'), 'settings not loaded', WAIT);
      const exit = shadow(el).querySelector('rd-quick-exit[part="quick-exit"]')!;
      expect(shadow(exit).querySelector('button')!.textContent).to.equal('Quick exit');
      const event = oneEvent(el, 'rd-quick-exit');
      shadow(exit).querySelector('button')!.click();
      expect((await event).detail.url).to.equal('https://weather.example.org/');
      expect(navigations).to.deep.equal(['https://weather.example.org/']);
      expect(document.body.style.visibility).to.equal('hidden');
    });

    it('goes to exit-url when the host sets one', async () => {
      const el = await mount('en', 'exit-url="https://news.example.org/"');
      shadow(shadow(el).querySelector('rd-quick-exit')!).querySelector('button')!.click();
      expect(navigations).to.deep.equal(['https://news.example.org/']);
    });

    it('can be turned off by the host (no button, no shortcut)', async () => {
      const el = await mount('en', 'no-quick-exit');
      expect(shadow(el).querySelector('rd-quick-exit')).to.equal(null);
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal([]);
    });

    it('can be fixed to the corner of the viewport', async () => {
      const el = await mount('en', 'quick-exit-position="fixed"');
      expect(getComputedStyle(shadow(el).querySelector('rd-quick-exit')!).position).to.equal('fixed');
    });
  });

  describe('with sync-url', () => {
    it('mirrors the keyword and filters in the query string, without adding history entries', async () => {
      const el = await mount('en', 'sync-url');
      const length = history.length;
      searchInput(el).value = 'legal';
      searchInput(el).form!.requestSubmit();
      await waitUntil(() => new URLSearchParams(location.search).get('rd-q') === 'legal', 'URL not updated', WAIT);
      await waitUntil(() => panel(el).querySelector('input[value="BC"]'), 'no BC filter', WAIT);
      panel(el).querySelector<HTMLInputElement>('input[value="BC"]')!.click();
      await waitUntil(() => new URLSearchParams(location.search).get('rd-province') === 'BC', 'URL not updated', WAIT);
      expect(history.length).to.equal(length);
      await waitUntil(() => listRequests().some((u) => u.searchParams.get('province') === 'BC'), 'no request', WAIT);
      await settled(el);
    });

    it('restores the search from the URL on load, locked filters still winning', async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}&rd-q=refuge&rd-province=ON&rd-need=legal`);
      const el = await mount('en', 'sync-url province="QC" locked="province"');
      const first = listRequests()[0]!;
      expect(first.searchParams.get('q')).to.equal('refuge');
      expect(first.searchParams.getAll('need')).to.deep.equal(['legal']);
      expect(first.searchParams.getAll('province')).to.deep.equal(['QC']);
      expect(searchInput(el).value).to.equal('refuge');
    });
  });

  describe('keyboard-only journey', () => {
    const original = RdQuickExit.navigate;
    afterEach(() => {
      RdQuickExit.navigate = original;
      uncoverPage();
    });

    it('searches, filters, opens a card, loads more and leaves with Shift × 3', async () => {
      useScenario('200 results');
      const navigations: string[] = [];
      RdQuickExit.navigate = (url) => navigations.push(url);
      const el = await mount('en', 'page-size="5"');
      const events: string[] = [];
      PUBLIC_EVENTS.forEach((type) => el.addEventListener(type, (e) => events.push(e.type)));
      (document.activeElement as HTMLElement | null)?.blur();

      await tabTo((a) => a instanceof HTMLInputElement && a.type === 'search', 'the search field');
      await sendKeys({ type: 'Organization' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => events.includes('rd-search'), 'no search', WAIT);

      await tabTo((a) => a.tagName === 'SUMMARY' && a.textContent!.includes('Type of need'), 'the need filter');
      await sendKeys({ press: 'Enter' });
      await tabTo((a) => a instanceof HTMLInputElement && a.value === 'social', 'the social checkbox');
      await sendKeys({ press: 'Space' });
      await waitUntil(() => events.includes('rd-filter-change'), 'no filter change', WAIT);
      await waitUntil(() => listRequests().at(-1)!.searchParams.get('need') === 'social', 'filter not sent', WAIT);
      await settled(el);

      await tabTo((a) => a.getAttribute('part') === 'toggle', 'a card');
      await sendKeys({ press: 'Enter' });
      expect(deepActiveElement()!.getAttribute('aria-expanded')).to.equal('true');
      expect(events).to.include('rd-select');

      await tabTo((a) => a.textContent?.trim() === 'Show more results', 'Show more results');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => deepActiveElement()?.textContent === 'Organization 006', 'focus not on new result', WAIT);

      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      expect(navigations).to.have.length(1);
      expect(events.at(-1)).to.equal('rd-quick-exit');
    });
  });

  describe('layout and theming', () => {
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await emulateMedia({ media: 'screen', colorScheme: 'light' });
      document.documentElement.style.colorScheme = '';
    });

    it('fits a 320 px screen without horizontal scrolling, filters behind a toggle', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mount('fr');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const toggle = shadow(el).querySelector<HTMLButtonElement>('.filters-toggle')!;
      const filters = shadow(el).querySelector('rd-filter-panel')!;
      expect(getComputedStyle(toggle).display).to.not.equal('none');
      expect(getComputedStyle(filters).display).to.equal('none');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(getComputedStyle(filters).display).to.equal('block');
      await expectAccessible(el);
    });

    it('puts the filters beside the results on a wide container, unless compact', async () => {
      await setViewport({ width: 1200, height: 800 });
      const wide = await mount('en');
      expect(getComputedStyle(shadow(wide).querySelector('.filters-toggle')!).display).to.equal('none');
      expect(getComputedStyle(shadow(wide).querySelector('.layout')!).gridTemplateColumns.split(' ')).to.have.length(2);
      const compact = await mount('en', 'compact');
      expect(getComputedStyle(shadow(compact).querySelector('.filters-toggle')!).display).to.not.equal('none');
      expect(cards(compact)[0]!.compact).to.equal(true);
    });

    it('turns dark on a dark page that declares color-scheme, and keeps readable contrast', async () => {
      document.documentElement.style.colorScheme = 'dark';
      const el = await mount('en');
      const [r, g, b] = getComputedStyle(el).backgroundColor.match(/\d+/g)!.map(Number);
      expect(r! + g! + b!).to.be.below(150);
      await expectAccessible(el);
    });

    it('prints the results without the controls, with details open', async () => {
      const el = await mount('en');
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(shadow(el).querySelector('rd-search-bar')!).display).to.equal('none');
      expect(getComputedStyle(shadow(el).querySelector('.filters')!).display).to.equal('none');
      expect(getComputedStyle(shadow(el).querySelector('rd-quick-exit')!).display).to.equal('none');
      const card = cards(el)[0]!;
      expect(getComputedStyle(shadow(card).querySelector('[part="details"]')!).display).to.not.equal('none');
      expect(getComputedStyle(shadow(card).querySelector('[part="toggle"]')!).display).to.equal('none');
      expect(getComputedStyle(shadow(el).querySelector('rd-hotline-banner')!).display).to.not.equal('none');
    });
  });

  it('exposes its parts through the element and the documented CSS properties on :host', async () => {
    const el = await mount('en');
    for (const part of ['base', 'quick-exit', 'hotline', 'title', 'search', 'filters', 'results', 'list', 'card', 'disclaimer']) {
      expect(shadow(el).querySelector(`[part~="${part}"]`), part).to.exist;
    }
    expect(getComputedStyle(el).getPropertyValue('--rd-radius').trim()).to.equal('0.5rem');
    expect(deepQueryAll(el, 'a[target="_blank"]').every((a) => a.getAttribute('rel') === 'noopener noreferrer')).to.equal(true);
  });
});
