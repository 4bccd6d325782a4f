import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { Task, TaskStatus, initialState } from './controllers/task-controller.js';
import {
  FILTER_NAMES,
  isHttpError,
  isValidationError,
  type DirectoryClient,
  type PageMeta,
  type PublicOrganization,
  type Sort,
} from '@referral-directory/sdk';
import { I18nController } from './controllers/i18n-controller.js';
import { emit, type RdFilterChangeDetail, type RdSearchDetail } from './lib/events.js';
import { cleanSelection, countSelected, readUrlState, writeUrlState, type FilterSelection } from './lib/filters.js';
import { DEFAULT_EXIT_URL, settingsOr } from './lib/hotline.js';
import { PRESETS, lockedNames, panelNames, presetsOf, withLocked } from './lib/presets.js';
import { normalizeOrganization } from './lib/normalize.js';
import { emptyState, errorState } from './parts/result-states.js';
import { clientFor, filtersOf, isSort, pageSizeOf, sharedSlug, sortShown, type Hit, type Results } from './lib/requests.js';
import { shared } from './styles/shared.styles.js';
import { styles } from './referral-directory.styles.js';
import { RdFilterChips } from './elements/filter-chips.js';
import './elements/filter-panel.js';
import './elements/hotline-banner.js';
import './elements/quick-exit.js';
import type { RdResultCard } from './elements/result-card.js';
import './elements/result-card.js';
import './elements/search-notice.js';
import './elements/search-bar.js';

/** The widgets on the page, so that each can tell its landmarks from the others'. */
const widgets = new Set<ReferralDirectory>();

/**
 * The public directory of support services for victims and survivors of human trafficking in
 * Canada, in English and French. Keyword search, filters with counts, results with contact
 * details; the hotline and a quick exit are always on screen.
 *
 * Privacy: requests go to `api-url` only, without cookies; nothing is stored in the browser;
 * the URL changes only when the host opts in with `sync-url`.
 *
 * Styling: the parts below from `quick-exit-button` on are the sub-elements' own, forwarded
 * (`exportparts`) so that a page stylesheet reaches them, e.g.
 * `referral-directory::part(card-name) { color: #5b2a86; }`.
 *
 * @summary Embeddable, bilingual directory of anti-trafficking support services.
 *
 * @attr {'en' | 'fr'} lang - Language of the widget. When absent: the nearest ancestor's `lang`
 *   (usually `<html lang>`), then the browser's languages, then English. Changing it (or
 *   `<html lang>`) at runtime re-renders everything and reloads the data in that language.
 *
 * @csspart base - The widget's container.
 * @csspart quick-exit - The quick-exit control (`rd-quick-exit`).
 * @csspart hotline - The hotline banner (`rd-hotline-banner`).
 * @csspart title - The widget's heading.
 * @csspart search - The keyword search (`rd-search-bar`).
 * @csspart filters - The filters column (toggle and panel).
 * @csspart results - The results column (count, sort, active filters, list, states).
 * @csspart list - The list of results.
 * @csspart card - Each result (`rd-result-card`).
 * @csspart mark - A word of the search, marked in a result's name and description.
 * @csspart search-notice - "Showing results for…" and "Did you mean…?" (`rd-search-notice`).
 * @csspart empty - The "no results" message.
 * @csspart error - The "cannot load" message.
 * @csspart disclaimer - The "inclusion is not an endorsement" notice.
 * @csspart quick-exit-button - The quick-exit button.
 * @csspart quick-exit-hint - The text explaining the Shift × 3 shortcut.
 * @csspart hotline-base - The hotline banner's box.
 * @csspart hotline-number - The hotline's phone link.
 * @csspart search-input - The keyword field.
 * @csspart search-near-input - The place field (a city or a postal code).
 * @csspart search-button - The search button.
 * @csspart filter-panel - The list of filter groups.
 * @csspart filter-group - One filter's disclosure.
 * @csspart chips - The list of active filters.
 * @csspart chip - One active filter.
 * @csspart clear-filters - The "Clear all filters" button under the chips.
 * @csspart card-base - A result's box.
 * @csspart card-name - A result's name (a heading).
 * @csspart card-badge - A result's "Open 24/7" badge.
 * @csspart card-toggle - A result's "More details" button.
 * @csspart card-details - A result's disclosed details.
 * @csspart card-suggest-form - A result's "Suggest an update" form.
 *
 * @cssproperty --rd-font-family - Font of the widget. Default: the host page's.
 * @cssproperty --rd-font-size - Base font size. Default: `1rem`.
 * @cssproperty --rd-surface - Background. Default: `Canvas` (follows `color-scheme`).
 * @cssproperty --rd-text - Text colour. Default: `CanvasText`.
 * @cssproperty --rd-muted - Secondary text.
 * @cssproperty --rd-border - Borders of fields, cards and groups.
 * @cssproperty --rd-accent - Buttons, links and checkboxes.
 * @cssproperty --rd-on-accent - Text on accent-coloured buttons.
 * @cssproperty --rd-link - Links. Default: `--rd-accent`.
 * @cssproperty --rd-focus - Focus ring. Default: `--rd-accent`.
 * @cssproperty --rd-error - Error messages.
 * @cssproperty --rd-chip-bg - Active-filter chips and badges.
 * @cssproperty --rd-card-bg - Result cards. Default: `--rd-surface`.
 * @cssproperty --rd-hotline-bg - Hotline banner background.
 * @cssproperty --rd-hotline-text - Hotline banner text.
 * @cssproperty --rd-exit-bg - Quick-exit button background.
 * @cssproperty --rd-exit-text - Quick-exit button text.
 * @cssproperty --rd-urgent-bg - "Open 24/7" badge background.
 * @cssproperty --rd-urgent-text - "Open 24/7" badge text and border.
 * @cssproperty --rd-radius - Corner radius. Default: `0.5rem`.
 * @cssproperty --rd-gap - Space between regions. Default: `1rem`.
 *
 * @fires rd-search - The person searched. `detail: { q }`.
 * @fires rd-filter-change - The person changed the filters. `detail: { filters }`.
 * @fires rd-select - The person expanded a result. `detail: { slug, name }`.
 * @fires rd-quick-exit - The person used quick exit. `detail: { url }`.
 * @fires rd-suggestion-sent - A suggested update was accepted. `detail: { organization, reference }`.
 * @fires rd-results - A load of the results succeeded (each one, the first included). `detail: { count, q, filters }`.
 * @fires rd-error - A load of the results failed. `detail: { name, status }`.
 */
export class ReferralDirectory extends LitElement {
  static override styles = [shared, styles];

  // Every element declares its reactive properties here rather than with Lit's decorators: the
  // decorators' code (and TypeScript's `__decorate` helper) took 0.6 KB of the size budget.
  static override properties = {
    apiUrl: { attribute: 'api-url' },
    q: {},
    near: {},
    province: {},
    focusArea: { attribute: 'focus' },
    service: {},
    timeframe: {},
    need: {},
    population: {},
    language: {},
    providerRole: { attribute: 'provider-role' },
    type: {},
    locked: {},
    hideFilters: { attribute: 'hide-filters' },
    pageSize: { type: Number, attribute: 'page-size' },
    noQuickExit: { type: Boolean, attribute: 'no-quick-exit' },
    exitUrl: { attribute: 'exit-url' },
    quickExitPosition: { attribute: 'quick-exit-position', reflect: true },
    suggestions: { type: Boolean },
    geolocation: { type: Boolean },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    compact: { type: Boolean, reflect: true },
    label: {},
    _q: { state: true, attribute: false },
    _selection: { state: true, attribute: false },
    _sort: { state: true, attribute: false },
    _near: { state: true, attribute: false },
    _openNow: { state: true, attribute: false },
    _page: { state: true, attribute: false },
    _filtersOpen: { state: true, attribute: false },
  };

  /** Origin (and optional path) of the directory API, without `/api`. Required. */
  apiUrl = '';

  /** Initial keyword. */
  q = '';

  /** Initial place: a city or a postal code (`H2X 1Y4`, `H2X`); results then sort by distance. */
  near = '';

  /** Preset provinces/territories, e.g. `QC` or `"ON QC"`. */
  province = '';

  /** Preset focus areas (codes), e.g. `labour_rights`. */
  focusArea = '';

  /** Preset service categories (codes). */
  service = '';

  /** Preset timeframes: `emergency`, `transitional`, `long_term`. */
  timeframe = '';

  /** Preset needs: `social`, `legal`. */
  need = '';

  /** Preset populations (codes). */
  population = '';

  /** Preset languages of service (ISO 639 codes), e.g. `fr`. */
  language = '';

  /** Preset provider roles: `direct`, `indirect` (the `role` filter). */
  providerRole = '';

  /** Preset kinds of organization: `ngo`, `law_enforcement`, … (the `type` filter). */
  type = '';

  /** Filters whose preset the person cannot change, e.g. `"province focus"`. */
  locked = '';

  /** Filters not offered in the panel, e.g. `"need type"`. */
  hideFilters = '';

  /** Results per page (1–100). */
  pageSize = 10;

  /** Turns quick exit (button and Shift × 3) off. Keep it on where people may be in danger. */
  noQuickExit = false;

  /** Where quick exit goes (`http(s)` only). Default: the settings API's, else `https://www.google.ca`. */
  exitUrl = '';

  /** `top`: sticky at the top of the widget; `fixed`: fixed to the viewport's bottom corner. */
  quickExitPosition: 'top' | 'fixed' = 'top';

  /** Offers "Suggest an update" on each result. */
  suggestions = false;

  /** Offers "Use my location" beside the place field: the browser is asked only when it is pressed. */
  geolocation = false;

  /** Mirrors the keyword and filters in the page URL (`?rd-q=…&rd-province=…`). Off for privacy. */
  syncUrl = false;

  /** One-column layout with tighter cards, for narrow slots. */
  compact = false;

  /**
   * Tells this directory from others on the page, in its landmarks' names, e.g. `Quebec`:
   * "Search the directory (Quebec)". Default: its number on the page, from the second one on.
   */
  label = '';

  private _q = '';
  private _selection: FilterSelection = {};
  private _sort: Sort | '' = '';
  private _near = '';
  private _openNow = false;
  private _page = 1;
  private _filtersOpen = false;

  private get _count(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.count');
  }

  readonly #i18n = new I18nController(this);
  #client: DirectoryClient | undefined;
  #loaded: Hit[] = [];
  #focusIndex: number | undefined;
  #locale = this.#i18n.locale;
  #bar: Element | null = null;
  #interrupted: Array<{ run(): unknown; abort(): void }> = [];
  // The quick-exit bar's height, for the scroll margins that keep focus clear of it (styles).
  readonly #barSize = new ResizeObserver(([entry]) => {
    const root = this.renderRoot.querySelector<HTMLElement>('.root');
    if (entry && root) root.style.setProperty('--rd-bar-size', `${entry.borderBoxSize[0]?.blockSize ?? 0}px`);
  });

  readonly #settings = new Task(this, {
    task: async ([client, locale], { signal }) => (client ? (await client.settings({ signal, locale })).data : initialState),
    args: () => [this.#client, this.#i18n.locale] as const,
  });

  readonly #facets = new Task(this, {
    task: async ([client, locale, q, selection, near, openNow], { signal }) =>
      client ? (await client.facets(filtersOf(q, selection, near, openNow), { signal, locale })).data : initialState,
    args: () => [this.#client, this.#i18n.locale, this._q, this._selection, this._near, this._openNow] as const,
  });

  readonly #shared = new Task(this, {
    task: async ([client, locale, slug], { signal }) =>
      client && slug ? (await client.organizations.get(slug, { signal, locale })).data : initialState,
    args: () => [this.#client, this.#i18n.locale, sharedSlug()] as const,
  });

  readonly #results = new Task(this, {
    task: async (
      [client, locale, q, selection, sort, page, pageSize, near, openNow],
      { signal },
    ): Promise<Results | typeof initialState> => {
      if (!client) return initialState;
      const list = await client.organizations.list(filtersOf(q, selection, near, openNow), {
        page,
        pageSize,
        // "Best match" means nothing without a keyword, nor distance without a place: let the API pick.
        sort: sort && !(sort === 'relevance' && !q.trim()) && !(sort === 'distance' && !near.trim()) ? sort : undefined,
        signal,
        locale,
      });
      const items = list.data.map(normalizeOrganization);
      return { items: page > 1 ? [...this.#loaded, ...items] : items, meta: list.meta, q: q.trim(), selection };
    },
    args: () =>
      [
        this.#client,
        this.#i18n.locale,
        this._q,
        this._selection,
        this._sort,
        this._page,
        pageSizeOf(this.pageSize),
        this._near,
        this._openNow,
      ] as const,
    onComplete: (value) => {
      this.#loaded = value.items;
      emit(this, 'rd-results', { count: value.meta.total, q: value.q, filters: value.selection });
    },
    onError: (error) => {
      // A load aborted because the widget left the page is no failure.
      if (!this.isConnected) return;
      emit(this, 'rd-error', {
        name: error instanceof Error ? error.name : 'Error',
        status: isHttpError(error) ? error.status : undefined,
      });
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    widgets.add(this);
    widgets.forEach((w) => w.requestUpdate());
    // Put back on the page: load again what leaving it interrupted.
    for (const task of this.#interrupted) void task.run();
    this.#interrupted = [];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    widgets.delete(this);
    widgets.forEach((w) => w.requestUpdate());
    // Off the page: stop its requests in flight.
    this.#interrupted = [this.#settings, this.#facets, this.#results].filter((task) => task.status === TaskStatus.PENDING);
    for (const task of this.#interrupted) task.abort();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiUrl')) this.#client = clientFor(this.apiUrl);
    const presetChanged =
      !this.hasUpdated ||
      changed.has('q') ||
      changed.has('near') ||
      changed.has('locked') ||
      Object.values(PRESETS).some((p) => changed.has(p));
    if (presetChanged) this.#applyPresets(!this.hasUpdated && this.syncUrl);
    if (this.#i18n.locale !== this.#locale) {
      // A new language reloads the list from its first page.
      this.#locale = this.#i18n.locale;
      this._page = 1;
    }
  }

  override render() {
    const { t, locale } = this.#i18n;
    // The settings from the API once loaded (gaps filled from the built-in ones), else the built-in ones.
    const settings = settingsOr(this.#settings.status === TaskStatus.COMPLETE ? this.#settings.value : undefined, locale);
    const exitUrl = this.exitUrl || settings.quickExitUrl || DEFAULT_EXIT_URL;
    const filterCount = countSelected(this._selection);
    const scope = this.#scope();
    const named = (name: string) => (scope ? `${name} (${scope})` : name);
    return html`<div class="root" part="base" lang=${locale}>
      ${
        this.noQuickExit
          ? nothing
          : html`<rd-quick-exit
            class="exit"
            part="quick-exit"
            exportparts="button:quick-exit-button,hint:quick-exit-hint"
            lang=${locale}
            url=${exitUrl}
            ?compact=${this.compact || this.quickExitPosition === 'fixed'}
          ></rd-quick-exit>`
      }
      <rd-hotline-banner part="hotline" exportparts="base:hotline-base,number:hotline-number" lang=${locale} label=${named(t('hotline.name'))} .hotline=${settings.hotline}></rd-hotline-banner>
      <h2 part="title">${t('title')}</h2>
      <rd-search-bar part="search" exportparts="input:search-input,near-input:search-near-input,button:search-button" lang=${locale} label=${named(t('search.landmark'))} .value=${this._q} .near=${this._near} ?geolocation=${this.geolocation} .nearError=${this.#placeUnknown() ? this.#placeMessage() : ''} @rd-search=${this._onSearch}></rd-search-bar>
      <div class="layout" @rd-filter-change=${this._onFilterChange}>
        <div class="filters" part="filters">
          <button
            type="button"
            class="btn filters-toggle"
            aria-expanded=${String(this._filtersOpen)}
            aria-controls="filter-panel"
            @click=${this._onToggleFilters}
          >
            ${filterCount ? t('filters.toggleCount', { count: filterCount }) : t('filters.toggle')}
          </button>
          <rd-filter-panel
            id="filter-panel"
            exportparts="base:filter-panel,group:filter-group"
            class=${this._filtersOpen ? 'open' : ''}
            role="group"
            aria-label=${t('filters.heading')}
            lang=${locale}
            .facets=${this.#facets.value}
            .selection=${this._selection}
            .names=${panelNames(this, this.hideFilters)}
          ></rd-filter-panel>
        </div>
        <div class="results" part="results" aria-busy=${String(this.#results.status === TaskStatus.PENDING)}>
          ${this.#resultsBar()}
          ${this.#sharedRecord()}
          <rd-filter-chips
            exportparts="base:chips,chip,clear:clear-filters"
            lang=${locale}
            .selection=${this._selection}
            .locked=${lockedNames(this)}
            .facets=${this.#facets.value}
          ></rd-filter-chips>
          ${this.#results.render({
            initial: () => errorState(t, t('results.unconfigured'), '', settings, undefined),
            pending: () =>
              this._page > 1 && this.#loaded.length
                ? this.#list(this.#loaded, undefined, true)
                : html`<p class="loading">${t('results.loading')}</p>`,
            complete: (value) =>
              html`<rd-search-notice part="search-notice" lang=${locale} .meta=${value.meta} .query=${this._q} @rd-search=${this._onSearch}></rd-search-notice>
                ${
                  value.meta.total === 0 || value.items.length === 0
                    ? emptyState(t, settings, this.#removableCount() > 0 ? this._onClearFilters : undefined)
                    : this.#list(value.items, value.meta, false)
                }`,
            error: () =>
              this.#placeUnknown()
                ? errorState(t, this.#placeMessage(), '', settings, undefined)
                : html`${this._page > 1 && this.#loaded.length ? this.#list(this.#loaded, undefined, false) : nothing}
                    ${errorState(t, t('results.errorTitle'), t('results.errorHint'), settings, this._onRetry)}`,
          })}
        </div>
      </div>
      <p class="disclaimer" part="disclaimer">${settings.disclaimer}</p>
    </div>`;
  }

  override async updated(): Promise<void> {
    const bar = this.renderRoot.querySelector('rd-quick-exit');
    if (bar !== this.#bar) {
      this.#barSize.disconnect();
      if (bar) this.#barSize.observe(bar);
      this.#bar = bar;
    }
    if (this.#focusIndex === undefined || this.#results.status === TaskStatus.PENDING) return;
    const index = this.#focusIndex;
    this.#focusIndex = undefined;
    if (this.#results.status !== TaskStatus.COMPLETE) return;
    const card = this.renderRoot.querySelectorAll<RdResultCard>('rd-result-card')[index];
    if (!card) return;
    await card.updateComplete;
    card.focus();
  }

  /** The host's label, else this widget's number on the page when another one comes before it. */
  #scope(): string {
    const before = [...widgets].filter((w) => w.compareDocumentPosition(this) & Node.DOCUMENT_POSITION_FOLLOWING).length;
    return this.label.trim() || (before ? String(before + 1) : '');
  }

  #applyPresets(fromUrl: boolean): void {
    let q = this.q;
    let selection = presetsOf(this);
    if (fromUrl) {
      const state = readUrlState(location.search);
      if (state.q) q = state.q;
      selection = { ...selection, ...state.selection };
    }
    this._q = q;
    this._near = this.near;
    this._selection = withLocked(selection, this);
    this._page = 1;
  }

  /** The API did not know the place typed (a 400 on `near`): said beside the field, never "no services". */
  #placeUnknown(): boolean {
    const error: unknown = this.#results.error;
    return this.#results.status === TaskStatus.ERROR && isValidationError(error) && error.details.some((d) => d.path === 'near');
  }

  #placeMessage(): string {
    return this.#i18n.t('near.unknown', { place: this._near.trim() });
  }

  /** The record a copied link names (`#rd-org=slug`), shown expanded above the results. */
  #sharedRecord() {
    return this.#shared.render({
      complete: (o) =>
        o
          ? html`<section class="shared" aria-label=${this.#i18n.t('share.shared')}>
              <rd-result-card
                part="card"
                lang=${this.#i18n.locale}
                .organization=${normalizeOrganization(o)}
                .facets=${this.#facets.value}
                expanded
              ></rd-result-card>
            </section>`
          : nothing,
    });
  }

  /** How many, the sort, "Open now" and "Print the list", above the results. */
  #resultsBar() {
    const { t } = this.#i18n;
    const sorts: Array<readonly [Sort | '-lastVerified', string]> = [
      ['relevance', t('results.sortRelevance')],
      ['name', t('results.sortName')],
      ['-lastVerified', t('results.sortVerified')],
      ...(this._near ? ([['distance', t('results.sortDistance')]] as const) : []),
    ];
    return html`<div class="bar">
      <p class="count" role="status" aria-live="polite" tabindex="-1">${this.#statusText()}</p>
      <label class="sort">
        <span>${t('results.sort')}</span>
        <select class="field" @change=${this._onSort}>
          ${sorts.map(([value, label]) => html`<option value=${value} ?selected=${value === sortShown(this._sort, this._near, this._q)}>${label}</option>`)}
        </select>
      </label>
      <label class="sort">
        <input type="checkbox" .checked=${this._openNow} @change=${this._onOpenNow} />
        <span>${t('open.filter')}</span>
      </label>
      <button type="button" class="btn" @click=${() => print()}>${t('share.printList')}</button>
    </div>`;
  }

  #statusText(): string {
    const { t } = this.#i18n;
    switch (this.#results.status) {
      case TaskStatus.PENDING:
        return t(this._page > 1 ? 'results.loadingMore' : 'results.loading');
      case TaskStatus.COMPLETE:
        return t('results.count', { count: this.#results.value?.meta.total ?? 0 });
      case TaskStatus.ERROR:
        return this.#placeUnknown() ? this.#placeMessage() : t('results.errorTitle');
      default:
        return '';
    }
  }

  #list(items: PublicOrganization[], meta: PageMeta | undefined, pending: boolean) {
    const { t, locale } = this.#i18n;
    const more = pending || (meta !== undefined && meta.page < meta.pageCount);
    return html`<ol class="list" part="list">
        ${items.map((o) =>
          // One card per organization: a card is never reused for another one (its details and
          // suggestion form stay its own); "Show more" keeps the cards already shown.
          keyed(
            o.slug,
            html`<li>
              <rd-result-card
                part="card"
                exportparts="base:card-base,name:card-name,badge:card-badge,toggle:card-toggle,details:card-details,suggest-form:card-suggest-form,mark"
                lang=${locale}
                .organization=${o}
                .facets=${this.#facets.value}
                .client=${this.#client}
                ?suggestions=${this.suggestions}
                ?compact=${this.compact}
              ></rd-result-card>
            </li>`,
          ),
        )}
      </ol>
      ${
        meta || pending
          ? html`<div class="more">
            ${meta ? html`<p>${t('results.shown', { shown: items.length, total: meta.total })}</p>` : nothing}
            ${
              more
                ? html`<button type="button" class="btn" aria-disabled=${String(pending)} @click=${this._onMore}>
                  ${t(pending ? 'results.loadingMore' : 'results.loadMore')}
                </button>`
                : nothing
            }
          </div>`
          : nothing
      }`;
  }

  #removableCount(): number {
    const locked = lockedNames(this);
    return FILTER_NAMES.filter((n) => !locked.includes(n)).reduce((n, name) => n + (this._selection[name]?.length ?? 0), 0);
  }

  #syncToUrl(): void {
    if (!this.syncUrl) return;
    const search = writeUrlState(location.search, this._q, this._selection);
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  }

  private _onSearch(event: CustomEvent<RdSearchDetail>): void {
    this._q = event.detail.q;
    this._near = event.detail.near ?? this._near;
    this._page = 1;
    this.#syncToUrl();
  }

  private _onFilterChange(event: CustomEvent<RdFilterChangeDetail>): void {
    this._selection = withLocked(cleanSelection(event.detail.filters), this);
    this._page = 1;
    this.#syncToUrl();
    // The last chip (or "Clear all") went away with the focus: land on the new result count.
    if (event.target instanceof RdFilterChips && this.#removableCount() === 0) {
      void this.updateComplete.then(() => this._count?.focus());
    }
  }

  private _onClearFilters(): void {
    this._selection = withLocked({}, this);
    this._page = 1;
    this.#syncToUrl();
    emit(this, 'rd-filter-change', { filters: this._selection });
    void this.updateComplete.then(() => this._count?.focus());
  }

  private _onOpenNow(event: Event): void {
    this._openNow = event.currentTarget instanceof HTMLInputElement && event.currentTarget.checked;
    this._page = 1;
  }

  private _onSort(event: Event): void {
    const select = event.currentTarget;
    if (!(select instanceof HTMLSelectElement) || !isSort(select.value)) return;
    this._sort = select.value;
    this._page = 1;
  }

  private _onMore(): void {
    if (this.#results.status === TaskStatus.PENDING) return;
    this.#focusIndex = this.#loaded.length;
    this._page += 1;
  }

  private _onRetry(): void {
    void this.#results.run();
    if (this.#settings.status === TaskStatus.ERROR) void this.#settings.run();
    if (this.#facets.status === TaskStatus.ERROR) void this.#facets.run();
  }

  private _onToggleFilters(): void {
    this._filtersOpen = !this._filtersOpen;
  }
}

customElements.define('referral-directory', ReferralDirectory);

declare global {
  interface HTMLElementTagNameMap {
    'referral-directory': ReferralDirectory;
  }
}
