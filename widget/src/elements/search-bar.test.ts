import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectAccessible } from '../../test/helpers.js';
import './search-bar.js';
import type { RdSearchBar } from './search-bar.js';

describe('rd-search-bar', () => {
  const input = (el: RdSearchBar) => el.shadowRoot!.querySelector('input')!;

  it('is a labelled search landmark with no axe violations, in each language', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar lang="fr"></rd-search-bar>`);
    expect(el.shadowRoot!.querySelector('form')!.getAttribute('role')).to.equal('search');
    expect(input(el).labels![0]!.textContent).to.equal('Rechercher par mot-clé');
    await expectAccessible(el);
  });

  it('fires one rd-search after the person stops typing', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar debounce="50"></rd-search-bar>`);
    const searched: string[] = [];
    el.addEventListener('rd-search', (e) => searched.push(e.detail.q));
    // Keystrokes in one go (no time passes between them), then the pause.
    for (const value of ['r', 're', 'ref', 'refuge', 'refuge ']) {
      input(el).value = value;
      input(el).dispatchEvent(new Event('input'));
    }
    await waitUntil(() => searched.length > 0, 'no rd-search');
    expect(searched).to.deep.equal(['refuge']);
    expect(input(el).value).to.equal('refuge ');
  });

  it('searches at once on Enter, and not again for the same keyword', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar debounce="60000"></rd-search-bar>`);
    const searched: string[] = [];
    el.addEventListener('rd-search', (e) => searched.push(e.detail.q));
    input(el).focus();
    await sendKeys({ type: 'aide' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect(searched).to.deep.equal(['aide']);
  });

  it('fires rd-search with an empty keyword when the field is cleared', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar value="legal" debounce="0"></rd-search-bar>`);
    input(el).value = '';
    const event = oneEvent(el, 'rd-search');
    input(el).dispatchEvent(new Event('input'));
    expect((await event).detail).to.deep.equal({ q: '', near: '' });
  });

  it('does not fire for the keyword it was given', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar value="legal"></rd-search-bar>`);
    let fired = false;
    el.addEventListener('rd-search', () => (fired = true));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    expect(fired).to.equal(false);
  });

  it('searches the place (a city or a postal code) with the keyword on Enter, not while a keyword is typed', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar lang="fr" debounce="0"></rd-search-bar>`);
    const searched: Array<{ q: string; near?: string }> = [];
    el.addEventListener('rd-search', (e) => searched.push(e.detail));
    const place = el.shadowRoot!.querySelector<HTMLInputElement>('#near')!;
    expect(place.labels![0]!.textContent).to.contain('code postal');
    expect(place.autocomplete).to.equal('off');
    place.value = 'Montréal';
    input(el).value = 'refuge';
    input(el).dispatchEvent(new Event('input'));
    await waitUntil(() => searched.length === 1);
    expect(searched[0]).to.deep.equal({ q: 'refuge', near: '' });
    place.focus();
    await sendKeys({ press: 'Enter' });
    expect(searched[1]).to.deep.equal({ q: 'refuge', near: 'Montréal' });
  });

  it('says why a place is not known under the field, which reads as invalid', async () => {
    const el = await fixture<RdSearchBar>(html`<rd-search-bar near="Atlantis" near-error="Not a place."></rd-search-bar>`);
    const place = el.shadowRoot!.querySelector<HTMLInputElement>('#near')!;
    expect(place.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById(place.getAttribute('aria-describedby')!)!.textContent).to.equal('Not a place.');
    await expectAccessible(el);
  });
});
