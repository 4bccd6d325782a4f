import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  WEEKDAYS,
  type DirectoryClient,
  type FilterName,
  type NearFields,
  type PublicOrganization,
  type PublicPhone,
} from '@referral-directory/sdk';
import { I18nController } from '../controllers/i18n-controller.js';
import { vocabulary, type Vocabulary } from '../i18n/i18n.js';
import { emit } from '../lib/events.js';
import { labelOf, type Facets } from '../lib/filters.js';
import { formatDate, formatTime, openingDay } from '../lib/format.js';
import { highlighted, matchRanges } from '../lib/highlight.js';
import { displayUrl, httpUrl, mailHref, phoneHref } from '../lib/links.js';
import { shared } from '../styles/shared.styles.js';
import { styles } from './result-card.styles.js';
import './suggest-form.js';

/**
 * One organization of the results. The summary holds what a person needs to decide and to make
 * contact (services, areas, languages, 24/7, phones, website, email, accessibility, when the
 * hotline last verified it); "More details" discloses the rest. Every text comes from the CMS
 * as plain text and is rendered as text; links are built only from safe schemes.
 *
 * @summary A directory entry with expandable details.
 *
 * @csspart base - The card.
 * @csspart name - The organization's name (a heading).
 * @csspart mark - A word of the search, marked in the name and description.
 * @csspart badge - The "Open 24/7" badge.
 * @csspart toggle - The "More details" button.
 * @csspart details - The disclosed details.
 * @csspart suggest-form - The "Suggest an update" form (`rd-suggest-form`'s `base`).
 *
 * @cssproperty --rd-card-bg - Background of the card.
 * @cssproperty --rd-urgent-bg - Background of the 24/7 badge.
 * @cssproperty --rd-urgent-text - Text and border colour of the 24/7 badge.
 *
 * @fires rd-select - The person expanded the card. `detail: { slug, name }`.
 * @fires rd-suggestion-sent - From the "suggest an update" form. `detail: { organization, reference }`.
 */
export class RdResultCard extends LitElement {
  static override styles = [shared, styles];

  static override properties = {
    organization: { attribute: false },
    facets: { attribute: false },
    suggestions: { type: Boolean },
    client: { attribute: false },
    compact: { type: Boolean, reflect: true },
    expanded: { type: Boolean, reflect: true },
    _suggesting: { state: true, attribute: false },
    _copied: { state: true, attribute: false },
  };

  /** The organization to show, with its distance and open state when the list was asked for them. */
  organization: (PublicOrganization & NearFields) | undefined;

  /** The facets, whose labels name the kind, role, provinces, timeframes and needs (as the filters do). */
  facets: Facets | undefined;

  /** Offers the "Suggest an update" form (needs `client`). */
  suggestions = false;

  /** SDK client the suggestion form posts with. */
  client: DirectoryClient | undefined;

  /** Tighter spacing. */
  compact = false;

  /** Whether the details are shown. */
  expanded = false;

  private _suggesting = false;
  private _copied = '';

  private get _heading(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('h3');
  }
  private get _suggestToggle(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('.suggest-toggle');
  }

  readonly #i18n = new I18nController(this);

  override render() {
    const o = this.organization;
    if (!o) return nothing;
    const { t } = this.#i18n;
    const website = httpUrl(o.website);
    const email = mailHref(o.email);
    const services = o.services.map((s) => s.label).join(', ');
    const languages = o.languages.map((l) => l.label).join(', ');
    const about = html`<span class="vh"> ${t('card.about', { name: o.name })}</span>`;
    return html`<article class="card" part="base" aria-labelledby="name">
      <h3 id="name" part="name" tabindex="-1">${highlighted(o.name, matchRanges(o, 'name'))}</h3>
      <p class="kind">${this.#label('type', o.kind)} · ${this.#label('role', o.role)}</p>
      ${this.#nearOpen(o)}
      ${o.hours.open24x7 ? html`<p class="urgent" part="badge">${t('card.open24')}</p>` : nothing}
      <p class="pre">${highlighted(o.description, matchRanges(o, 'description'))}</p>
      <dl>
        ${this.#fact(t('card.services'), services)}
        ${this.#fact(t('card.areas'), this.#areas(o))}
        ${this.#fact(t('card.languages'), languages)}
        ${this.#fact(t('card.accessibility'), o.accessibility)}
      </dl>
      ${
        o.phones.length || website || email
          ? html`<ul class="contact" aria-label=${t('card.contact')}>
            ${o.phones.map((p) => this.#phone(p))}
            ${
              website
                ? html`<li>
                  ${t('card.website')}${t('colon')}<a href=${website} target="_blank" rel="noopener noreferrer"
                    >${displayUrl(website)}<span class="vh"> ${t('card.newTab')}</span></a
                  >
                </li>`
                : nothing
            }
            ${email ? html`<li>${t('card.email')}${t('colon')}<a href=${email}>${o.email}</a></li>` : nothing}
          </ul>`
          : nothing
      }
      ${
        o.lastVerified
          ? html`<p class="verified">
            ${t('card.lastVerified')}
            <time datetime=${o.lastVerified}>${formatDate(o.lastVerified, this.#i18n.tag)}</time>
          </p>`
          : nothing
      }
      <div class="actions">
        <button
          type="button"
          class="btn"
          part="toggle"
          aria-expanded=${String(this.expanded)}
          aria-controls="details"
          @click=${this._onToggle}
        >
          ${t(this.expanded ? 'card.less' : 'card.more')}${about}
        </button>
        <button type="button" class="btn" @click=${this._onPrint}>${t('share.print')}${about}</button>
        <button type="button" class="btn" @click=${this._onCopy}>${t('share.copy')}${about}</button>
        <p class="copied" role="status">${this._copied}</p>
      </div>
      <div id="details" class="details" part="details" ?hidden=${!this.expanded}>${this.#details(o)}</div>
    </article>`;
  }

  /** Moves focus to the organization's name, e.g. after "Show more results". */
  override focus(options?: FocusOptions): void {
    this._heading?.focus(options);
  }

  #details(o: PublicOrganization): TemplateResult {
    const { t, locale } = this.#i18n;
    const list = (group: Vocabulary | FilterName, codes: readonly string[]) => codes.map((c) => this.#label(group, c)).join(', ');
    const { min, max } = o.ageRange;
    const ages =
      min !== null && max !== null
        ? t('card.agesRange', { min, max })
        : min !== null
          ? t('card.agesMin', { min })
          : max !== null
            ? t('card.agesMax', { max })
            : null;
    return html`<dl>
        ${this.#hours(o.hours)}
        ${
          o.locations.length
            ? html`<dt>${t('card.locations')}</dt>
              <dd>
                <ul>
                  ${o.locations.map(
                    (l) => html`<li>
                      ${[l.name, l.street, l.city, this.#label('province', l.province), l.postalCode]
                        .filter(Boolean)
                        .join(', ')}${l.confidential ? ` (${t('card.confidential')})` : ''}
                    </li>`,
                  )}
                </ul>
              </dd>`
            : nothing
        }
        ${this.#fact(t('card.eligibility'), o.eligibility)} ${this.#fact(t('card.fees'), o.fees)}
        ${this.#fact(t('card.focusAreas'), o.focusAreas.map((f) => f.label).join(', '))}
        ${this.#fact(t('card.populations'), o.populations.map((p) => p.label).join(', '))}
        ${this.#fact(t('card.ages'), ages)} ${this.#fact(t('card.timeframes'), list('timeframe', o.timeframes))}
        ${this.#fact(t('card.needs'), list('need', o.needs))}
        ${this.#fact(t('card.offerings'), list('offering', o.indirectOfferings))}
        ${this.#fact(t('card.otherNames'), o.otherNames.join(', '))}
      </dl>
      ${
        this.suggestions && this.client
          ? html`<div>
            <button
              type="button"
              class="btn suggest-toggle"
              aria-expanded=${String(this._suggesting)}
              @click=${this._onSuggest}
            >
              ${t('suggest.open')}
            </button>
          </div>
          ${
            this._suggesting
              ? html`<rd-suggest-form
                exportparts="base:suggest-form"
                lang=${locale}
                .client=${this.client}
                organization=${o.slug}
                organization-name=${o.name}
                @rd-suggest-cancel=${this._onSuggestCancel}
              ></rd-suggest-form>`
              : nothing
          }`
          : nothing
      }`;
  }

  /** The opening hours, Monday first: 24/7, the weekly schedule, notes. */
  #hours(h: PublicOrganization['hours']) {
    const { t, tag } = this.#i18n;
    // 2024-01-01 was a Monday: the reader's language names the days.
    const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
    const schedule = [...h.schedule].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
    return h.open24x7 || schedule.length || h.notes
      ? html`<dt>${t('card.hours')}</dt>
          <dd>
            ${h.open24x7 ? html`<p>${t('card.open24')}</p>` : nothing}
            ${
              schedule.length
                ? html`<ul class="schedule">
                  ${schedule.map(
                    (s) => html`<li>
                      <span>${weekday.format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(s.day)))}</span>
                      <span>${formatTime(s.opens, tag)}–${formatTime(s.closes, tag)}</span>
                    </li>`,
                  )}
                </ul>`
                : nothing
            }
            ${h.notes ? html`<p class="pre">${h.notes}</p>` : nothing}
          </dd>`
      : nothing;
  }

  /**
   * "12 km away · Open now · closes at 5:00 p.m." / "Closed · opens tomorrow at 9:00 a.m.": where
   * it is (with `near`) and whether it is open (every hit whose hours are known). `until` and
   * `opensAt` are the organization's own wall-clock times (`2026-12-03T17:00:00-05:00`), shown as
   * written, and "today", "tomorrow" are its own days; open and never closing, the "Open 24/7"
   * badge says it.
   */
  #nearOpen(o: PublicOrganization & NearFields) {
    const { t, tag } = this.#i18n;
    const open = o.open;
    const time = (iso: string) => formatTime(iso.slice(11, 16), tag);
    const parts = [
      o.distanceKm !== undefined ? t('near.distance', { km: o.distanceKm }) : o.coverage ? t('near.serves') : '',
      !open || o.hours.open24x7
        ? ''
        : open.until
          ? t('open.until', { time: time(open.until) })
          : open.opensAt
            ? t('open.closed', { day: openingDay(open.opensAt, tag), time: time(open.opensAt) })
            : t('open.filter'),
    ].filter(Boolean);
    return parts.length ? html`<p class="near">${parts.join(' · ')}</p>` : nothing;
  }

  #fact(term: string, value: string | null | undefined) {
    return value ? html`<dt>${term}</dt><dd class="pre">${value}</dd>` : nothing;
  }

  #phone(p: PublicPhone) {
    const { t } = this.#i18n;
    const href = phoneHref(p.number, p.extension, p.type === 'text' ? 'sms' : 'tel');
    const type = this.#label('phone', p.type);
    const ext = p.extension ? ` ${t('phone.ext', { ext: p.extension })}` : '';
    return html`<li>
      ${p.label ? `${p.label} (${type})` : type}${t('colon')}${href ? html`<a href=${href}>${p.number}${ext}</a>` : `${p.number}${ext}`}
    </li>`;
  }

  #areas(o: PublicOrganization): string {
    if (o.national) return this.#i18n.t('card.national');
    const areas = o.serviceAreas.length ? o.serviceAreas : o.provinces.map((province) => ({ province, regions: [] }));
    return areas
      .map(({ province, regions }) => this.#label('province', province) + (regions.length ? ` (${regions.join(', ')})` : ''))
      .join('; ');
  }

  #label(group: Vocabulary | FilterName, code: string): string {
    return group === 'offering' || group === 'phone'
      ? (vocabulary(this.#i18n.locale, group, code) ?? code)
      : labelOf(group, code, this.facets);
  }

  private _onToggle(): void {
    this.expanded = !this.expanded;
    const o = this.organization;
    if (this.expanded && o) emit(this, 'rd-select', { slug: o.slug, name: o.name });
  }

  /** Prints this record alone: the widget's print styles hide the other results while it is marked. */
  private _onPrint(): void {
    this.toggleAttribute('printing', true);
    print();
    this.toggleAttribute('printing', false);
  }

  /**
   * Copies a link to this record: the host page's address with a fragment the widget reads back
   * (`#rd-org=slug`). A fragment never reaches a server; nothing is stored.
   */
  private async _onCopy(): Promise<void> {
    const { t } = this.#i18n;
    const url = `${location.href.split('#')[0]}#rd-org=${encodeURIComponent(this.organization?.slug ?? '')}`;
    try {
      await navigator.clipboard.writeText(url);
      this._copied = t('share.copied');
    } catch {
      // No clipboard (permission, or an insecure page): the link itself, to copy by hand.
      this._copied = url;
    }
  }

  private _onSuggest(): void {
    this._suggesting = !this._suggesting;
  }

  private _onSuggestCancel(event: Event): void {
    event.stopPropagation();
    this._suggesting = false;
    void this.updateComplete.then(() => this._suggestToggle?.focus());
  }
}

customElements.define('rd-result-card', RdResultCard);

declare global {
  interface HTMLElementTagNameMap {
    'rd-result-card': RdResultCard;
  }
}
