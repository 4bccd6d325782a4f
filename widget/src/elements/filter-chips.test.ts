import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FilterName, Locale } from '@referral-directory/sdk';
import { facetsFor } from '../../test/handlers.js';
import { expectAccessible } from '../../test/helpers.js';
import type { FilterSelection } from '../lib/filters.js';
import './filter-chips.js';
import type { RdFilterChips } from './filter-chips.js';

const chips = (selection: FilterSelection, locked: FilterName[] = [], lang: Locale = 'en') =>
  fixture<RdFilterChips>(
    html`<rd-filter-chips lang=${lang} .selection=${selection} .locked=${locked} .facets=${facetsFor(lang)}></rd-filter-chips>`,
  );

describe('rd-filter-chips', () => {
  it('has no axe violations', async () => {
    const el = await chips({ province: ['QC'], need: ['legal'] }, ['province']);
    await expectAccessible(el);
  });

  it('renders nothing without filters', async () => {
    const el = await chips({});
    expect(el.shadowRoot!.querySelector('*')).to.equal(null);
  });

  it('names each chip by filter and value, with the labels of the facets, in a labelled list', async () => {
    const el = await chips({ province: ['QC'], timeframe: ['long_term'] }, [], 'fr');
    expect(el.shadowRoot!.querySelector('ul')!.getAttribute('aria-label')).to.equal('Filtres actifs');
    const names = [...el.shadowRoot!.querySelectorAll('button[data-name]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(names).to.deep.equal(['Retirer le filtre : Province ou territoire : Québec×', 'Retirer le filtre : Délai : Long terme×']);
  });

  it('removes one value', async () => {
    const el = await chips({ province: ['QC', 'ON'] });
    const event = oneEvent(el, 'rd-filter-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-value="QC"]')!.click();
    expect((await event).detail).to.deep.equal({ filters: { province: ['ON'] } });
  });

  it('shows locked filters without a remove button, and keeps them when clearing all', async () => {
    const el = await chips({ province: ['QC'], need: ['legal'] }, ['province']);
    expect(el.shadowRoot!.querySelector('button[data-name="province"]')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('(always applied)');
    const event = oneEvent(el, 'rd-filter-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear"]')!.click();
    expect((await event).detail).to.deep.equal({ filters: { province: ['QC'] } });
  });

  it('offers no "Clear all" when only locked filters are active', async () => {
    const el = await chips({ province: ['QC'] }, ['province']);
    expect(el.shadowRoot!.querySelector('[part="clear"]')).to.equal(null);
  });
});
