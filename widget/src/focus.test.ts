import { expect, fixture, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Locale } from '@referral-directory/sdk';
import { api } from '../test/handlers.js';
import { deepActiveElement, startWorker, useScenario } from '../test/helpers.js';
import './referral-directory.js';
import type { ReferralDirectory } from './referral-directory.js';

/**
 * WCAG 2.2, 2.4.11 Focus Not Obscured: the quick-exit bar stays on screen (sticky at the top of
 * the widget, or fixed to the viewport's corner) and must never cover the focused element, when a
 * keyboard user tabs forwards or backwards through every control of the widget, on a page long
 * enough to scroll.
 */
const WAIT = { timeout: 5000 };
const shadow = (el: Element) => el.shadowRoot!;

interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const overlaps = (a: Box, b: Box) => a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
const show = (b: Box) => `[${Math.round(b.left)},${Math.round(b.top)} → ${Math.round(b.right)},${Math.round(b.bottom)}]`;

/** A host page: a field before the widget, the widget (every card expanded), a field after it and room to scroll. */
async function page(lang: Locale, position: string): Promise<{ el: ReferralDirectory; before: HTMLElement; after: HTMLElement }> {
  const wrapper = document.createElement('div');
  wrapper.innerHTML = `<button id="before">Host before</button>
    <referral-directory api-url="${api()}" lang="${lang}" quick-exit-position="${position}" suggestions></referral-directory>
    <button id="after">Host after</button><div style="height: 100vh"></div>`;
  await fixture(wrapper);
  const el = wrapper.querySelector('referral-directory')!;
  await waitUntil(() => shadow(el).querySelector('[part="list"]'), 'results did not load', WAIT);
  for (const card of shadow(el).querySelectorAll('rd-result-card')) {
    shadow(card).querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
  }
  await el.updateComplete;
  return { el, before: wrapper.querySelector('#before')!, after: wrapper.querySelector('#after')! };
}

/** Tabs (or shift-tabs) from `from` to `to`, and lists every focused control the bar covered. */
async function walk(el: ReferralDirectory, from: HTMLElement, to: HTMLElement, key: 'Tab' | 'Shift+Tab'): Promise<string[]> {
  const bar = shadow(el).querySelector('rd-quick-exit')!;
  const covered: string[] = [];
  from.focus();
  for (let steps = 0; ; steps++) {
    expect(steps, `${key} never reached #${to.id}`).to.be.below(200);
    await sendKeys({ press: key });
    const active = deepActiveElement();
    if (!active || active === to) break;
    // The bar's own button is the bar.
    if (bar.shadowRoot!.contains(active)) continue;
    const box = active.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    if (overlaps(box, barBox)) {
      covered.push(
        `${active.localName}${active.id ? `#${active.id}` : ''} "${active.textContent!.trim().slice(0, 24)}" ${show(box)} under ${show(barBox)}`,
      );
    }
  }
  return covered;
}

describe('focus not obscured by the quick-exit bar (WCAG 2.2, 2.4.11)', () => {
  before(async () => {
    await startWorker();
  });

  beforeEach(() => useScenario('default'));

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    scrollTo(0, 0);
  });

  for (const [width, height] of [
    [1280, 800],
    [360, 640],
  ] as const) {
    for (const lang of ['en', 'fr'] as const) {
      for (const position of ['top', 'fixed']) {
        it(`never covers the focused element, tabbing forwards or backwards, at ${width} px (${lang}, ${position})`, async function () {
          // Three buttons a card (details, print, copy link), every card expanded: a long walk.
          this.timeout(60_000);
          await setViewport({ width, height });
          const { el, before, after } = await page(lang, position);
          expect(document.documentElement.scrollHeight, 'the page scrolls').to.be.above(height * 2);
          const forwards = await walk(el, before, after, 'Tab');
          const backwards = await walk(el, after, before, 'Shift+Tab');
          expect({ forwards, backwards }).to.deep.equal({ forwards: [], backwards: [] });
        });
      }
    }
  }
});
