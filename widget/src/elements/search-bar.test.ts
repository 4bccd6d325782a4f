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

  describe('when the host offers geolocation', () => {
    type Outcome = { coords: { latitude: number; longitude: number } } | { code: number; message: string };
    let asked = 0;
    /** A stand-in for the browser's geolocation that answers with `outcome`, counting the questions. */
    const stubGeolocation = (outcome: Outcome) => {
      asked = 0;
      const geolocation = {
        getCurrentPosition(ok: PositionCallback, fail?: PositionErrorCallback | null) {
          asked++;
          setTimeout(() => ('coords' in outcome ? ok(outcome as GeolocationPosition) : fail?.(outcome as GeolocationPositionError)));
        },
      };
      Object.defineProperty(navigator, 'geolocation', { value: geolocation, configurable: true });
    };
    afterEach(() => {
      // Back to the browser's own (on the prototype).
      Reflect.deleteProperty(navigator, 'geolocation');
    });
    const button = (el: RdSearchBar) =>
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[type="button"]')].find((b) =>
        /location|position/.test(b.textContent!),
      );

    it('offers no location button unless asked to', async () => {
      const el = await fixture<RdSearchBar>(html`<rd-search-bar></rd-search-bar>`);
      expect(button(el)).to.equal(undefined);
    });

    it('asks the browser only when the button is pressed, and searches near the point rounded to about a kilometre', async () => {
      stubGeolocation({ coords: { latitude: 45.508889, longitude: -73.561667 } });
      const el = await fixture<RdSearchBar>(html`<rd-search-bar geolocation value="refuge"></rd-search-bar>`);
      expect(button(el)!.textContent).to.equal('Use my location');
      await expectAccessible(el);
      expect(asked).to.equal(0);
      const event = oneEvent(el, 'rd-search');
      button(el)!.click();
      expect((await event).detail).to.deep.equal({ q: 'refuge', near: '45.51,-73.56' });
      expect(asked).to.equal(1);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>('#near')!.value).to.equal('45.51,-73.56');
    });

    for (const [lang, label, said] of [
      ['en', 'Use my location', 'Your location could not be used. Enter a city or a postal code.'],
      ['fr', 'Utiliser ma position', 'Votre position n’a pas pu être utilisée. Entrez une ville ou un code postal.'],
    ] as const) {
      it(`says politely when the position is refused, and searches nothing (${lang})`, async () => {
        stubGeolocation({ code: 1, message: 'User denied Geolocation' });
        const el = await fixture<RdSearchBar>(html`<rd-search-bar geolocation lang=${lang}></rd-search-bar>`);
        let fired = false;
        el.addEventListener('rd-search', () => (fired = true));
        expect(button(el)!.textContent).to.equal(label);
        button(el)!.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no message');
        expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(said);
        expect(fired).to.equal(false);
        await expectAccessible(el);
      });
    }
  });
});
