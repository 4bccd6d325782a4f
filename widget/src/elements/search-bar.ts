import { LitElement, html, nothing } from 'lit';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './search-bar.styles.js';

/**
 * The keyword field and the place field. Typing a keyword searches after a short pause; Enter or
 * the button searches at once, with the place (a city or a postal code) typed beside it. A search
 * equal to the one in force (`value`, `near`) is not made again. The place field has autocomplete
 * off, so that the browser keeps no list of the places typed. With `geolocation`, a button asks
 * the browser for its position, only when pressed, and searches near it rounded to 2 decimals
 * (about 1 km); nothing is stored, and a refusal or a failure is said politely beside the field.
 *
 * @summary Keyword and place search, debounced.
 *
 * @csspart input - The search field.
 * @csspart near-input - The place field.
 * @csspart button - The search button.
 *
 * @fires rd-search - The person searched. `detail: { q, near }`.
 */
export class RdSearchBar extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    label: {},
    value: {},
    near: {},
    nearError: { attribute: 'near-error' },
    debounce: { type: Number },
    geolocation: { type: Boolean },
    _located: { state: true, attribute: false },
  };

  /** Name of the search landmark, when a page holds several. Default: "Search the directory". */
  label = '';

  /** The keyword shown in the field. */
  value = '';

  /** The place shown in the place field. */
  near = '';

  /** Why the place in force is not known (shown under the field), or empty. */
  nearError = '';

  /** Pause after the last keystroke before searching, in ms. */
  debounce = 350;

  /** Offers "Use my location" (the host's choice: `geolocation` on `<referral-directory>`). */
  geolocation = false;

  /** false once the browser's position could not be had (refused, unavailable, timed out). */
  private _located: boolean | undefined;

  private get _input(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('input')!;
  }
  private get _near(): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>('#near')!;
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
      <label for="near">${t('near.label')}</label>
      <input
        id="near"
        class="field"
        part="near-input"
        name="near"
        autocomplete="off"
        spellcheck="false"
        maxlength="100"
        .value=${this.near}
        aria-describedby="near-error"
        aria-invalid=${String(!!this.nearError)}
      />
      ${this.geolocation ? html`<button type="button" class="btn" @click=${this._onLocate}>${t('near.locate')}</button>` : nothing}
      <button class="btn primary" part="button">${t('search.submit')}</button>
      ${this.nearError ? html`<p id="near-error" class="error">${this.nearError}</p>` : nothing}
      ${this._located === false ? html`<p class="error" role="alert">${t('near.unlocated')}</p>` : nothing}
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
    this.#search(true);
  }

  /** Asks the browser where it is, now only, and searches near that point, to about a kilometre. */
  private _onLocate(): void {
    this._located = undefined;
    const failed = () => (this._located = false);
    if (!navigator.geolocation) return void failed();
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this._near.value = `${coords.latitude.toFixed(2)},${coords.longitude.toFixed(2)}`;
        this.#search(true);
      },
      failed,
      { timeout: 20_000 },
    );
  }

  /** Searches the keyword, and the place too when the person submitted (not while typing). */
  #search(submitted = false): void {
    const q = this._input.value.trim();
    const near = submitted ? this._near.value.trim() : this.near;
    if (q === this.value.trim() && near === this.near) return;
    // Keep the untrimmed text: re-rendering a trimmed value would eat the space being typed.
    this.value = this._input.value;
    this.near = near;
    emit(this, 'rd-search', { q, near });
  }
}

customElements.define('rd-search-bar', RdSearchBar);

declare global {
  interface HTMLElementTagNameMap {
    'rd-search-bar': RdSearchBar;
  }
}
