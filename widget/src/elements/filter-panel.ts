import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { FILTER_NAMES, type FilterName } from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { isFilterName, labelOf, type Facets, type FilterSelection } from '../lib/filters.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './filter-panel.styles.js';

interface Option {
  value: string;
  label: string;
  count: number | undefined;
}

/**
 * One disclosure per filter, each a group of checkboxes labelled in the current language with
 * the number of matching organizations. Values no organization matches are left out, unless
 * selected. Without facets (the API failed), fixed vocabularies still offer their values.
 *
 * @summary Filters with facet counts.
 *
 * @csspart base - The list of filter groups.
 * @csspart group - One filter's disclosure.
 *
 * @fires rd-filter-change - The person checked or unchecked a value. `detail: { filters }`.
 */
export class RdFilterPanel extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    facets: { attribute: false },
    selection: { attribute: false },
    names: { attribute: false },
  };

  /** Counts and labels per filter value, from the facets API. */
  facets: Facets | undefined;

  /** The values currently selected (all filters, including locked ones). */
  selection: FilterSelection = {};

  /** The filters to offer, in order. */
  names: readonly FilterName[] = FILTER_NAMES;

  readonly #i18n = new I18nController(this);
  /** Groups the person opened; groups with a selection start open. */
  #open = new Set<FilterName>();

  override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && changed.has('selection')) {
      for (const name of FILTER_NAMES) if (this.selection[name]?.length) this.#open.add(name);
    }
  }

  override render() {
    return html`<div class="panel" part="base">${this.names.map((name) => this.#group(name))}</div>`;
  }

  #group(name: FilterName) {
    const { t } = this.#i18n;
    const options = this.#options(name);
    if (!options.length) return nothing;
    const selected = this.selection[name] ?? [];
    const title = t(`filters.names.${name}`);
    return html`<details part="group" .open=${this.#open.has(name)} data-name=${name} @toggle=${this._onToggle}>
      <summary>
        <span>${title}</span>
        ${selected.length ? html`<span class="badge">${t('filters.selected', { count: selected.length })}</span>` : nothing}
      </summary>
      <fieldset>
        <legend class="vh">${title}</legend>
        ${options.map(
          (o) => html`<label>
            <input
              type="checkbox"
              data-name=${name}
              .value=${o.value}
              .checked=${selected.includes(o.value)}
              @change=${this._onChange}
            />
            <span>${o.label}</span>
            ${o.count === undefined ? nothing : html`<span class="count">(${this.#i18n.number(o.count)})</span>`}
          </label>`,
        )}
      </fieldset>
    </details>`;
  }

  #options(name: FilterName): Option[] {
    const selected = this.selection[name] ?? [];
    const facet = this.facets?.[name];
    // Without facets (not loaded, or failed) no value can be named or counted: only the selected
    // ones are offered, so that they can still be unchecked.
    const options: Option[] = (facet ?? [])
      .filter((f) => f.count > 0 || selected.includes(f.value))
      .map((f) => ({ value: f.value, label: f.label || f.value, count: f.count }));
    for (const value of selected) {
      if (!options.some((o) => o.value === value)) {
        options.push({ value, label: labelOf(name, value, this.facets), count: undefined });
      }
    }
    return options;
  }

  private _onToggle(event: Event): void {
    const details = event.currentTarget;
    if (!(details instanceof HTMLDetailsElement)) return;
    const name = details.dataset['name'] ?? '';
    if (!isFilterName(name)) return;
    if (details.open) this.#open.add(name);
    else this.#open.delete(name);
  }

  private _onChange(event: Event): void {
    const input = event.currentTarget;
    if (!(input instanceof HTMLInputElement)) return;
    const name = input.dataset['name'] ?? '';
    if (!isFilterName(name)) return;
    const current = this.selection[name] ?? [];
    const values = input.checked ? [...current, input.value] : current.filter((v) => v !== input.value);
    const filters: FilterSelection = { ...this.selection, [name]: values };
    if (!values.length) delete filters[name];
    emit(this, 'rd-filter-change', { filters });
  }
}

customElements.define('rd-filter-panel', RdFilterPanel);

declare global {
  interface HTMLElementTagNameMap {
    'rd-filter-panel': RdFilterPanel;
  }
}
