import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../test/helpers.js';
import { recordNavigations } from '../../test/navigations.js';
import { isPageCovered, uncoverPage } from '../lib/page-cover.js';
import './quick-exit.js';
import type { RdQuickExit } from './quick-exit.js';

describe('rd-quick-exit', () => {
  const navigations = recordNavigations();

  const button = (el: RdQuickExit) => el.shadowRoot!.querySelector('button')!;

  for (const [lang, label] of [
    ['en', 'Quick exit'],
    ['fr', 'Sortie rapide'],
  ] as const) {
    it(`is a labelled button that explains its shortcut, with no axe violations (${lang})`, async () => {
      const el = await fixture<RdQuickExit>(html`<rd-quick-exit lang=${lang}></rd-quick-exit>`);
      expect(button(el).textContent).to.equal(label);
      const hint = el.shadowRoot!.getElementById(button(el).getAttribute('aria-describedby')!)!;
      expect(hint.textContent).to.contain(lang === 'en' ? 'Shift 3 times' : '3 fois sur Maj');
      await expectAccessible(el);
    });
  }

  describe('when used', () => {
    it('hides the page at once, fires rd-quick-exit, then replaces the page with the neutral site', async () => {
      const el = await fixture<RdQuickExit>(html`<rd-quick-exit url="https://news.example.org/"></rd-quick-exit>`);
      const title = document.title;
      const event = oneEvent(el, 'rd-quick-exit');
      button(el).click();
      expect((await event).detail).to.deep.equal({ url: 'https://news.example.org/' });
      expect(isPageCovered()).to.equal(true);
      expect(document.body.style.visibility).to.equal('hidden');
      expect(document.title).to.equal('');
      const cover = document.documentElement.lastElementChild as HTMLElement;
      expect(getComputedStyle(cover).position).to.equal('fixed');
      expect(navigations).to.deep.equal(['https://news.example.org/']);
      uncoverPage();
      expect(document.title).to.equal(title);
    });

    it('goes to the default neutral site when the URL is not http(s)', async () => {
      const el = await fixture<RdQuickExit>(html`<rd-quick-exit url="javascript:alert(1)"></rd-quick-exit>`);
      button(el).click();
      expect(navigations).to.deep.equal(['https://www.google.ca/']);
    });

    it('shows the page again when the person comes back with the Back button (bfcache)', async () => {
      const el = await fixture<RdQuickExit>(html`<rd-quick-exit></rd-quick-exit>`);
      button(el).click();
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(isPageCovered()).to.equal(false);
      expect(document.body.style.visibility).to.equal('');
    });
  });

  describe('keyboard shortcut', () => {
    it('exits when Shift is pressed three times, wherever the focus is', async () => {
      await fixture<RdQuickExit>(html`<rd-quick-exit></rd-quick-exit>`);
      const input = await fixture<HTMLInputElement>(html`<input aria-label="host field" />`);
      input.focus();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal(['https://www.google.ca/']);
    });

    it('does not exit on two presses, nor when other keys come in between (typing capitals)', async () => {
      await fixture<RdQuickExit>(html`<rd-quick-exit></rd-quick-exit>`);
      const input = await fixture<HTMLInputElement>(html`<input aria-label="host field" />`);
      input.focus();
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'Shift' });
      await sendKeys({ press: 'a' });
      await sendKeys({ press: 'Shift+B' });
      await sendKeys({ press: 'Shift+C' });
      await sendKeys({ press: 'Shift+D' });
      expect(navigations).to.deep.equal([]);
      expect(input.value).to.equal('aBCD');
    });

    it('can be turned off', async () => {
      await fixture<RdQuickExit>(html`<rd-quick-exit .shortcut=${false}></rd-quick-exit>`);
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal([]);
    });

    it('stops listening once removed from the page', async () => {
      const el = await fixture<RdQuickExit>(html`<rd-quick-exit></rd-quick-exit>`);
      el.remove();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
      expect(navigations).to.deep.equal([]);
    });
  });
});
