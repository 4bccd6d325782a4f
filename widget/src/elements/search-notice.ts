import { LitElement, html, nothing } from 'lit';
import type { OrganizationList } from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { emit } from '../lib/events.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './search-notice.styles.js';

/**
 * What the search did with the person's words, when it was not simply "found them all": no
 * organization had every word, so it shows those with some (and which words they matched); or a
 * word looked mistyped, so it offers the directory's own spelling ("Did you mean…"), one click
 * away. Renders nothing otherwise.
 *
 * @summary "Showing results for…" and "Did you mean…?" after a search.
 *
 * @csspart base - The notice.
 * @csspart suggestion - A suggested query (a button that searches for it).
 *
 * @cssproperty --rd-mark-bg - Background of the matched words.
 *
 * @fires rd-search - The person chose a suggested query. `detail: { q }`.
 */
export class RdSearchNotice extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    meta: { attribute: false },
    query: { type: String },
  };

  /** The `meta` of the list response. */
  meta: OrganizationList['meta'] | undefined;

  /** The query as the person typed it. */
  query = '';

  readonly #i18n = new I18nController(this);

  override render() {
    const meta = this.meta;
    const { t } = this.#i18n;
    const suggestions = (meta?.suggestions ?? []).filter((s) => typeof s === 'string' && s.trim() && s !== this.query.trim());
    const matched = meta?.relaxed ? (meta.matched ?? []).filter((m) => typeof m === 'string' && m) : [];
    if (!meta || !this.query.trim() || (matched.length === 0 && suggestions.length === 0)) return nothing;
    return html`<div class="notice" part="base">
      ${
        matched.length > 0
          ? html`<p>${t('searchNotice.relaxed')} ${matched.map((m, i) => html`${i > 0 ? ', ' : ''}<mark>${m}</mark>`)}.</p>`
          : nothing
      }
      ${meta.total === 0 ? html`<p>${t('searchNotice.noResults', { name: this.query.trim() })}</p>` : nothing}
      ${
        suggestions.length > 0
          ? html`<p>
            ${t('searchNotice.didYouMean')}
            ${suggestions.map(
              (s, i) => html`${i > 0 ? ', ' : ''}<button type="button" class="suggestion" part="suggestion" @click=${() => this._onPick(s)}>
                  ${s}</button
                >`,
            )}${t('searchNotice.question')}
          </p>`
          : nothing
      }
    </div>`;
  }

  private _onPick(q: string): void {
    emit(this, 'rd-search', { q });
  }
}

customElements.define('rd-search-notice', RdSearchNotice);

declare global {
  interface HTMLElementTagNameMap {
    'rd-search-notice': RdSearchNotice;
  }
}
