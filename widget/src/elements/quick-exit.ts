import { LitElement, html } from 'lit';
import { I18nController } from '../controllers/i18n-controller.js';
import { TripleShiftController } from '../controllers/triple-shift-controller.js';
import { emit } from '../lib/events.js';
import { DEFAULT_EXIT_URL } from '../lib/hotline.js';
import { httpUrl } from '../lib/links.js';
import { coverPage, leaveFor } from '../lib/page-cover.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './quick-exit.styles.js';

/**
 * The quick-exit control: a clearly labelled button, and Shift pressed three times anywhere on
 * the page. Either hides the page at once and replaces it with a neutral site, so that the page
 * also leaves the tab's history.
 *
 * @summary Leaves the page at once for a neutral site.
 *
 * @csspart button - The quick-exit button.
 * @csspart hint - The text explaining the keyboard shortcut.
 *
 * @cssproperty --rd-exit-bg - Background of the button.
 * @cssproperty --rd-exit-text - Text colour of the button.
 *
 * @fires rd-quick-exit - The person used quick exit. `detail: { url }`.
 */
export class RdQuickExit extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    url: {},
    shortcut: { type: Boolean },
    compact: { type: Boolean, reflect: true },
  };

  /**
   * Performs the navigation. Tests (and hosts with special needs, e.g. a native app shell)
   * replace it; it receives an `http(s)` URL only.
   */
  static navigate: (url: string) => void = leaveFor;

  /** Where to go: an `http(s)` URL; anything else falls back to the default neutral site. */
  url = DEFAULT_EXIT_URL;

  /** Whether Shift pressed three times triggers quick exit. */
  shortcut = true;

  /** Hides the explanatory hint (the button stays labelled). */
  compact = false;

  readonly #i18n = new I18nController(this);
  // Registered in the constructor like every controller; it checks `shortcut` when it fires.
  // eslint-disable-next-line no-unused-private-class-members -- never read: creating it registers it with the element
  readonly #keys = new TripleShiftController(this, () => {
    if (this.shortcut) this.exit();
    return this.shortcut;
  });

  override render() {
    const { t } = this.#i18n;
    return html`<div class="exit">
      <button type="button" part="button" aria-describedby="hint" @click=${this.exit}>${t('quickExit.label')}</button>
      <p id="hint" class="hint" part="hint">${t('quickExit.hint')}</p>
    </div>`;
  }

  /** Hides the page and leaves it. */
  exit(): void {
    const url = httpUrl(this.url) ?? DEFAULT_EXIT_URL;
    coverPage();
    emit(this, 'rd-quick-exit', { url });
    RdQuickExit.navigate(url);
  }
}

customElements.define('rd-quick-exit', RdQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'rd-quick-exit': RdQuickExit;
  }
}
