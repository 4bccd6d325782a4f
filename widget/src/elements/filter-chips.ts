import { LitElement, html, nothing } from 'lit';
import { FILTER_NAMES, type FilterName } from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { isFilterName, labelOf, type Facets, type FilterSelection } from '../lib/filters.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './filter-chips.styles.js';

/**
 * The active filters, one chip each. A chip removes its value; "Clear all" removes every value
 * the person may change. Locked filters show as plain chips that cannot be removed. After a
 * removal, focus moves to the next chip (or to "Clear all") so keyboard users keep their place.
 *
 * @summary Active filters as removable chips.
 *
 * @csspart base - The chip list.
 * @csspart chip - One chip.
 * @csspart clear - The "Clear all filters" button.
 *
 * @fires rd-filter-change - The person removed a value or cleared the filters. `detail: { filters }`.
 */
export class RdFilterChips extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    selection: { attribute: false },
    locked: { attribute: false },
    facets: { attribute: false },
  };

  /** The values currently selected. */
  selection: FilterSelection = {};

  /** Filters the host fixed: shown, not removable. */
  locked: readonly FilterName[] = [];

  /** Labels per filter value, from the facets API. */
  facets: Facets | undefined;

  readonly #i18n = new I18nController(this);
  #focusIndex: number | undefined;

  override render() {
    const { t } = this.#i18n;
    const chips = FILTER_NAMES.flatMap((name) => (this.selection[name] ?? []).map((value) => ({ name, value })));
    if (!chips.length) return nothing;
    const removable = chips.some((c) => !this.locked.includes(c.name));
    return html`<div class="chips" part="base">
      <ul aria-label=${t('filters.active')}>
        ${chips.map(({ name, value }) => {
          const text = `${t(`filters.names.${name}`)}${t('colon')}${labelOf(name, value, this.facets)}`;
          return html`<li>
            ${
              this.locked.includes(name)
                ? html`<span class="chip" part="chip">${text}<span class="vh"> ${t('filters.locked')}</span></span>`
                : html`<button type="button" class="chip" part="chip" data-name=${name} data-value=${value} @click=${this._onRemove}>
                  <span class="vh">${t('filters.remove')} </span>${text}<span class="x" aria-hidden="true">×</span>
                </button>`
            }
          </li>`;
        })}
      </ul>
      ${
        removable
          ? html`<button type="button" class="clear" part="clear" @click=${this._onClear}>${t('filters.clearAll')}</button>`
          : nothing
      }
    </div>`;
  }

  override updated(): void {
    if (this.#focusIndex === undefined) return;
    const buttons = [...(this.renderRoot.querySelectorAll('button') ?? [])];
    buttons[Math.min(this.#focusIndex, buttons.length - 1)]?.focus();
    this.#focusIndex = undefined;
  }

  private _onRemove(event: Event): void {
    const button = event.currentTarget;
    if (!(button instanceof HTMLButtonElement)) return;
    const { name = '', value } = button.dataset;
    if (!isFilterName(name)) return;
    this.#focusIndex = [...this.renderRoot.querySelectorAll('button')].indexOf(button);
    const values = (this.selection[name] ?? []).filter((v) => v !== value);
    const filters: FilterSelection = { ...this.selection, [name]: values };
    if (!values.length) delete filters[name];
    emit(this, 'rd-filter-change', { filters });
  }

  private _onClear(): void {
    const filters: FilterSelection = {};
    for (const name of this.locked) {
      const values = this.selection[name];
      if (values) filters[name] = values;
    }
    emit(this, 'rd-filter-change', { filters });
  }
}

customElements.define('rd-filter-chips', RdFilterChips);

declare global {
  interface HTMLElementTagNameMap {
    'rd-filter-chips': RdFilterChips;
  }
}
