/**
 * Gives an element the current language and its translate function, and re-renders the element
 * when the language changes: its own `lang` attribute (set by the host page, or by
 * `<referral-directory>` on its parts) or the document's `<html lang>`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '@referral-directory/sdk';
import { resolveLocale, translator, type Translate } from '../i18n/i18n.js';

export class I18nController implements ReactiveController {
  /** The resolved language. */
  locale: Locale = 'en';
  /** Translates a key in the current language. */
  t: Translate = translator('en');

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer = new MutationObserver(() => this.#update());

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#resolve();
    this.#observer.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    this.#observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }

  /** Formats a number in the current language. */
  number(value: number): string {
    return value.toLocaleString(this.tag);
  }

  /** The BCP 47 tag used for `Intl` formatting: Canadian English or French. */
  get tag(): string {
    return `${this.locale}-CA`;
  }

  #resolve(): boolean {
    const locale = resolveLocale(this.#host);
    if (locale === this.locale) return false;
    this.locale = locale;
    this.t = translator(locale);
    return true;
  }

  #update(): void {
    if (this.#resolve()) this.#host.requestUpdate();
  }
}
