import { expect, fixture, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { api } from '../test/handlers.js';
import { deepQueryAll, startWorker, useScenario } from '../test/helpers.js';
import './referral-directory.js';
import type { ReferralDirectory } from './referral-directory.js';

/**
 * The parts of the sub-elements, forwarded by `<referral-directory>` (`exportparts`), so that a
 * page stylesheet reaches them: `referral-directory::part(card-name) { … }`.
 */
const WAIT = { timeout: 5000 };
const shadow = (el: Element) => el.shadowRoot!;

/** Every forwarded part, as the README and the class JSDoc list them. */
const FORWARDED = [
  'quick-exit-button',
  'quick-exit-hint',
  'hotline-base',
  'hotline-number',
  'search-input',
  'search-button',
  'filter-panel',
  'filter-group',
  'chips',
  'chip',
  'clear-filters',
  'card-base',
  'card-name',
  'card-badge',
  'card-toggle',
  'card-details',
  'card-suggest-form',
] as const;

/** A widget with every part on screen: filters, chips, an open card and its suggestion form. */
async function everything(): Promise<ReferralDirectory> {
  const el = await fixture<ReferralDirectory>(
    Object.assign(document.createElement('referral-directory'), { apiUrl: api(), lang: 'en', province: 'QC', suggestions: true }),
  );
  await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'results did not load', WAIT);
  const card = shadow(el).querySelector('rd-result-card')!;
  shadow(card).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  await waitUntil(() => shadow(card).querySelector('.suggest-toggle'), 'details did not open', WAIT);
  shadow(card).querySelector<HTMLButtonElement>('.suggest-toggle')!.click();
  await waitUntil(() => shadow(card).querySelector('rd-suggest-form'), 'suggestion form did not open', WAIT);
  await shadow(card).querySelector('rd-suggest-form')!.updateComplete;
  return el;
}

describe('parts of the sub-elements, styled from the page', () => {
  let sheet: HTMLStyleElement | undefined;

  before(async () => {
    await startWorker();
    await setViewport({ width: 1280, height: 800 });
  });

  after(() => setViewport({ width: 800, height: 600 }));

  beforeEach(() => useScenario('default'));

  afterEach(() => sheet?.remove());

  for (const name of FORWARDED) {
    it(`reaches ${name} with referral-directory::part(${name})`, async () => {
      const el = await everything();
      sheet = document.createElement('style');
      // A property nothing in the widget sets shows where the rule landed.
      sheet.textContent = `referral-directory::part(${name}) { word-spacing: 7px; }`;
      document.head.append(sheet);
      const styled = deepQueryAll(el, '[part]').filter((node) => getComputedStyle(node).wordSpacing === '7px');
      expect(styled.length, name).to.be.above(0);
    });
  }

  it('documents each forwarded part on <referral-directory> in custom-elements.json', async function () {
    const response = await fetch('/custom-elements.json');
    if (!response.ok) this.skip(); // not built yet: `npm run build -w widget`
    const manifest = (await response.json()) as { modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[] };
    const widget = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'referral-directory');
    const names = widget?.cssParts?.map((part) => part.name) ?? [];
    expect(names).to.include.members([...FORWARDED]);
  });
});
