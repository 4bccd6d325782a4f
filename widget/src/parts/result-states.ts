/**
 * What the results column says when it shows no services: nothing matches, the list cannot load,
 * the place is unknown, or the widget has no API. Each says it with the hotline's number, so that a
 * person always has somewhere to turn.
 */
import { html, nothing } from 'lit';
import type { DirectorySettings } from '@referral-directory/sdk';
import type { Translate } from '../i18n/i18n.js';
import { phoneHref } from '../lib/links.js';

type Handler = (event: Event) => void;

/** "Call 1-833-900-1010", a link when the number can be dialled. */
export function hotlineCall(t: Translate, settings: DirectorySettings) {
  const { phone, phoneDisplay } = settings.hotline;
  const href = phoneHref(phone) ?? phoneHref(phoneDisplay);
  return html`<p class="call">
    ${t('hotline.call')} ${href ? html`<a href=${href}>${phoneDisplay || phone}</a>` : phoneDisplay || phone}
  </p>`;
}

/** No organization matches: said with the hotline, and "Clear all filters" when some can be. */
export function emptyState(t: Translate, settings: DirectorySettings, clear: Handler | undefined) {
  return html`<div class="state" part="empty">
    <p class="state-title">${t('results.emptyTitle')}</p>
    <p>${t('results.emptyHint')}</p>
    ${hotlineCall(t, settings)}
    ${clear ? html`<button type="button" class="btn" @click=${clear}>${t('filters.clearAll')}</button>` : nothing}
  </div>`;
}

/** Why there is no list, with the hotline, and "Try again" when trying again may help. */
export function errorState(t: Translate, title: string, hint: string, settings: DirectorySettings, retry: Handler | undefined) {
  return html`<div class="state" part="error">
    <p class="state-title">${title}</p>
    ${hint ? html`<p>${hint}</p>` : nothing} ${hotlineCall(t, settings)}
    ${retry ? html`<button type="button" class="btn primary" @click=${retry}>${t('results.retry')}</button>` : nothing}
  </div>`;
}
