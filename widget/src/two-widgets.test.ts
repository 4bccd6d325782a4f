import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Locale } from '@referral-directory/sdk';
import { api } from '../test/handlers.js';
import { deepQueryAll, expectAccessible, startWorker, useScenario } from '../test/helpers.js';
import { recordNavigations } from '../test/navigations.js';
import { uncoverPage } from './lib/page-cover.js';
import './referral-directory.js';
import type { ReferralDirectory } from './referral-directory.js';

/** A partner page with its own search form, and two widgets (e.g. one per province). */
const WAIT = { timeout: 5000 };
const shadow = (el: Element) => el.shadowRoot!;

async function page(langs: readonly [Locale, Locale], extra = ''): Promise<{ wrapper: HTMLElement; widgets: ReferralDirectory[] }> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<form role="search"><input type="search" aria-label="Search this site" /></form>
    <referral-directory api-url="${api()}" lang="${langs[0]}" province="QC" ${extra}></referral-directory>
    <referral-directory api-url="${api()}" lang="${langs[1]}" province="ON" ${extra}></referral-directory>`;
  await fixture(wrapper);
  const widgets = [...wrapper.querySelectorAll('referral-directory')];
  for (const el of widgets) {
    await waitUntil(() => shadow(el).querySelector('[part="list"], [part="empty"]'), 'results did not load', WAIT);
  }
  return { wrapper, widgets };
}

/** The accessible names of the search landmarks of the page (names by aria-label). */
const searchNames = (root: Element) => deepQueryAll(root, '[role="search"], search').map((el) => el.getAttribute('aria-label') ?? '');

describe('two widgets on one page', () => {
  before(async () => {
    await startWorker();
  });

  beforeEach(() => useScenario('default'));

  describe('landmarks', () => {
    for (const langs of [
      ['en', 'en'],
      ['fr', 'fr'],
      ['en', 'fr'],
    ] as const) {
      it(`are unique: each search and hotline landmark has its own name (${langs.join(', ')})`, async () => {
        const { wrapper } = await page(langs);
        await expectAccessible(wrapper);
        const names = searchNames(wrapper);
        expect(names).to.have.length(3);
        expect(new Set(names).size, names.join(' | ')).to.equal(3);
      });
    }

    it('names the search landmark in the language of the widget', async () => {
      const { widgets } = await page(['en', 'fr']);
      const [en, fr] = widgets.map((el) => searchNames(el)[0]);
      expect(en).to.match(/^Search the directory/);
      expect(fr).to.match(/^Rechercher dans le répertoire/);
    });

    it("takes the host's label for its landmarks", async () => {
      const { widgets } = await page(['en', 'fr']);
      widgets[0]!.setAttribute('label', 'Quebec');
      widgets[1]!.setAttribute('label', 'Ontario');
      const expected = ['Search the directory (Quebec)', 'Rechercher dans le répertoire (Ontario)'];
      await waitUntil(() => widgets.every((el, i) => searchNames(el)[0] === expected[i]), 'labels not applied', WAIT);
    });
  });

  describe('quick exit', () => {
    const navigations = recordNavigations();

    it('leaves once on Shift × 3, with one keyboard listener for the page', async () => {
      const listeners: unknown[] = [];
      const add = window.addEventListener;
      window.addEventListener = function (this: Window, ...args: Parameters<Window['addEventListener']>) {
        if (args[0] === 'keydown') listeners.push(args[1]);
        add.apply(this, args);
      };
      const { wrapper } = await page(['en', 'fr'], 'exit-url="https://news.example.org/"').finally(() => {
        window.addEventListener = add;
      });
      expect(listeners.length, 'keydown listeners added').to.be.at.most(1);
      let exits = 0;
      wrapper.addEventListener('rd-quick-exit', () => exits++);
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal(['https://news.example.org/']);
      expect(exits).to.equal(1);
    });

    it('still leaves on Shift × 3 when the first widget is removed, and not at all when both are', async () => {
      const { widgets } = await page(['en', 'fr'], 'exit-url="https://news.example.org/"');
      widgets[0]!.remove();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal(['https://news.example.org/']);
      uncoverPage();
      widgets[1]!.remove();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.have.length(1);
    });
  });
});
