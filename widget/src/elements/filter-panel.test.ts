import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FilterName } from '@referral-directory/sdk';
import { expectAccessible } from '../../test/helpers.js';
import type { Facets, FilterSelection } from '../lib/filters.js';
import './filter-panel.js';
import type { RdFilterPanel } from './filter-panel.js';

const facets = {
  province: [
    { value: 'QC', label: 'Québec', count: 3 },
    { value: 'ON', label: 'Ontario', count: 0 },
    { value: 'NB', label: 'Nouveau-Brunswick', count: 0 },
  ],
  focus: [{ value: 'labour_rights', label: 'Droits du travail', count: 2 }],
  service: [],
  timeframe: [],
  need: [{ value: 'legal', label: 'Juridique', count: 1 }],
  population: [],
  language: [],
  role: [],
  type: [],
} satisfies Facets;

async function panel(options: { facets?: Facets; selection?: FilterSelection; names?: FilterName[]; lang?: string } = {}) {
  return fixture<RdFilterPanel>(html`<rd-filter-panel
    lang=${options.lang ?? 'fr'}
    .facets=${options.facets}
    .selection=${options.selection ?? {}}
    .names=${options.names ?? ['province', 'focus', 'service', 'timeframe', 'need', 'population', 'language', 'role', 'type']}
  ></rd-filter-panel>`);
}

const labels = (el: RdFilterPanel, name: string) =>
  [...el.shadowRoot!.querySelectorAll(`details[data-name="${name}"] label`)].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());

describe('rd-filter-panel', () => {
  it('has no axe violations', async () => {
    const el = await panel({ facets, selection: { province: ['QC'] } });
    await expectAccessible(el);
  });

  it('shows the values with organizations, with their counts, and keeps selected values with none', async () => {
    const el = await panel({ facets, selection: { province: ['ON'] } });
    expect(labels(el, 'province')).to.deep.equal(['Québec (3)', 'Ontario (0)']);
    expect(el.shadowRoot!.querySelector('details[data-name="service"]')).to.equal(null);
  });

  it('opens the groups that have a selection, and says how many values are chosen', async () => {
    const el = await panel({ facets, selection: { province: ['QC'] } });
    const groups = [...el.shadowRoot!.querySelectorAll('details')];
    expect(groups.filter((d) => d.open).map((d) => d.dataset['name'])).to.deep.equal(['province']);
    expect(groups[0]!.querySelector('summary')!.textContent).to.contain('1 choisi');
  });

  it('offers only the selected values when there are no facets: labels come from the API alone', async () => {
    const el = await panel({ lang: 'fr', selection: { province: ['QC'] } });
    expect(labels(el, 'province')).to.deep.equal(['QC']);
    expect(el.shadowRoot!.querySelector('details[data-name="timeframe"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('details[data-name="focus"]')).to.equal(null);
  });

  it('offers only the filters it is given', async () => {
    const el = await panel({ facets, names: ['need'] });
    expect([...el.shadowRoot!.querySelectorAll('details')].map((d) => d.dataset['name'])).to.deep.equal(['need']);
  });

  it('fires rd-filter-change with the whole new selection when a value is checked or unchecked', async () => {
    const el = await panel({ facets, selection: { province: ['QC'], need: ['legal'] } });
    const quebec = el.shadowRoot!.querySelector<HTMLInputElement>('input[value="QC"]')!;
    expect(quebec.checked).to.equal(true);
    let event = oneEvent(el, 'rd-filter-change');
    quebec.click();
    expect((await event).detail).to.deep.equal({ filters: { need: ['legal'] } });
    event = oneEvent(el, 'rd-filter-change');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="labour_rights"]')!.click();
    expect((await event).detail.filters).to.deep.equal({ province: ['QC'], need: ['legal'], focus: ['labour_rights'] });
  });
});
