import { LitElement, html, nothing } from 'lit';
import type { DirectorySettings } from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { fallbackSettings } from '../lib/hotline.js';
import { httpUrl, phoneHref } from '../lib/links.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './hotline-banner.styles.js';

/**
 * The hotline call to action. It always renders: with the settings from the API when they have
 * loaded, otherwise with the built-in details of the Canadian Human Trafficking Hotline.
 *
 * @summary The hotline's number, hours and languages, always visible.
 *
 * @csspart base - The banner.
 * @csspart number - The phone link.
 *
 * @cssproperty --rd-hotline-bg - Background of the banner.
 * @cssproperty --rd-hotline-text - Text colour of the banner.
 */
export class RdHotlineBanner extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    hotline: { attribute: false },
    label: {},
  };

  /** The hotline from the settings API; `undefined` shows the built-in fallback. */
  hotline: DirectorySettings['hotline'] | undefined;

  /** Name of the banner's region, when a page holds several. Default: the hotline's name. */
  label = '';

  readonly #i18n = new I18nController(this);

  override render() {
    const { t, locale } = this.#i18n;
    const hotline = this.hotline ?? fallbackSettings(locale).hotline;
    const tel = phoneHref(hotline.phone) ?? phoneHref(hotline.phoneDisplay);
    const sms = hotline.text ? phoneHref(hotline.text, null, 'sms') : null;
    const chat = httpUrl(hotline.chatUrl);
    const number = hotline.phoneDisplay || hotline.phone;
    return html`<section class="hotline" part="base" aria-label=${this.label || t('hotline.name')}>
      <p class="name">${t('hotline.name')}</p>
      <p class="call">
        <span>${t('hotline.call')}</span>
        ${tel ? html`<a class="number" part="number" href=${tel}>${number}</a>` : html`<span class="number">${number}</span>`}
      </p>
      <p class="meta">
        ${[hotline.hours, hotline.languages]
          .filter((text) => typeof text === 'string' && text)
          .map((text) => html`<span>${text.replace(/[.\s]+$/, '')}</span>`)}
      </p>
      ${
        sms || chat
          ? html`<p class="meta">
            ${sms ? html`${t('hotline.text')} <a href=${sms}>${hotline.text}</a>` : nothing}
            ${chat ? html`<a href=${chat} target="_blank" rel="noopener noreferrer">${t('hotline.chat')}</a>` : nothing}
          </p>`
          : nothing
      }
      <p class="emergency">${t('hotline.emergency')}</p>
    </section>`;
  }
}

customElements.define('rd-hotline-banner', RdHotlineBanner);

declare global {
  interface HTMLElementTagNameMap {
    'rd-hotline-banner': RdHotlineBanner;
  }
}
