import { LitElement, html } from 'lit';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './search-bar.styles.js';

/**
 * The keyword field. Typing searches after a short pause; Enter or the button searches at once.
 * A keyword equal to `value` (the one in force) is not searched again.
 *
 * @summary Keyword search, debounced.
 *
 * @csspart input - The search field.
 * @csspart button - The search button.
 *
 * @fires rd-search - The person searched. `detail: { q }`.
 */
export class RdSearchBar extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    label: {},
    value: {},
    debounce: { type: Number },
  };

  /** Name of the search landmark, when a page holds several. Default: "Search the directory". */
  label = '';

  /** The keyword shown in the field. */
  value = '';

  /** Pause after the last keystroke before searching, in ms. */
  debounce = 350;

  private get _input(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('input')!;
  }

  readonly #i18n = new I18nController(this);
  #timer: ReturnType<typeof setTimeout> | undefined;

  override render() {
    const { t } = this.#i18n;
    return html`<form role="search" aria-label=${this.label || t('search.landmark')} @submit=${this._onSubmit}>
      <label for="q">${t('search.label')}</label>
      <input
        id="q"
        class="field"
        part="input"
        type="search"
        name="q"
        autocomplete="off"
        spellcheck="false"
        maxlength="200"
        .value=${this.value}
        placeholder=${t('search.placeholder')}
        @input=${this._onInput}
      />
      <button class="btn primary" part="button">${t('search.submit')}</button>
    </form>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this._input.focus(options);
  }

  private _onInput(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#search(), this.debounce);
  }

  private _onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#timer);
    this.#search();
  }

  #search(): void {
    const q = this._input.value.trim();
    if (q === this.value.trim()) return;
    // Keep the untrimmed text: re-rendering a trimmed value would eat the space being typed.
    this.value = this._input.value;
    emit(this, 'rd-search', { q });
  }
}

customElements.define('rd-search-bar', RdSearchBar);

declare global {
  interface HTMLElementTagNameMap {
    'rd-search-bar': RdSearchBar;
  }
}
