import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../test/handlers.js';
import { deepQuery, deepText, expectAccessible, startWorker, useScenario } from '../test/helpers.js';

/**
 * What ships: the built ES module (`npm run build`), minified, with its minified templates. The
 * other tests run the sources (with the same templates); these check that minification kept the
 * widget working. Skipped
 * when the widget has not been built.
 */
const BUNDLE: string = '/dist/referral-directory.js';
const WAIT = { timeout: 5000 };

describe('the built bundle (dist/referral-directory.js)', () => {
  before(async function () {
    const response = await fetch(BUNDLE, { method: 'HEAD' });
    if (!response.ok) this.skip();
    await import(BUNDLE);
    await startWorker();
  });

  beforeEach(() => useScenario('default'));

  async function mount(lang: 'en' | 'fr'): Promise<HTMLElement> {
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<referral-directory api-url="${api()}" lang="${lang}" suggestions></referral-directory>`;
    const el = wrapper.firstElementChild as HTMLElement;
    document.body.append(wrapper);
    await waitUntil(() => el.shadowRoot?.querySelector('[part="list"]'), 'results did not load', WAIT);
    return el;
  }

  it('registers the elements, loads, counts and lists results, accessibly', async () => {
    const el = await mount('en');
    try {
      expect(el.shadowRoot!.querySelector('.count')!.textContent!.trim()).to.equal('6 organizations found');
      expect(el.shadowRoot!.querySelectorAll('rd-result-card')).to.have.length(6);
      expect(deepQuery(el, 'rd-hotline-banner')!.shadowRoot!.querySelector('a[href^="tel:"]')).to.exist;
      expect(deepText(el)).to.include('Showing 6 of 6');
      await expectAccessible(el);
    } finally {
      el.parentElement!.remove();
    }
  });

  it('speaks French, with its plurals and styles', async () => {
    const el = await mount('fr');
    try {
      expect(el.shadowRoot!.querySelector('.count')!.textContent!.trim()).to.equal('6 organismes trouvés');
      const exit = deepQuery(el, 'rd-quick-exit')!.shadowRoot!.querySelector('button')!;
      expect(exit.textContent).to.equal('Sortie rapide');
      expect(getComputedStyle(exit).fontWeight).to.equal('700');
      const card = el.shadowRoot!.querySelector('rd-result-card')!;
      card.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await waitUntil(() => card.shadowRoot!.querySelector('.suggest-toggle'), 'details did not open', WAIT);
      expect(deepText(card)).to.include('Proposer une mise à jour');
    } finally {
      el.parentElement!.remove();
    }
  });
});
