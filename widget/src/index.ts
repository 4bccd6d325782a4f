/**
 * `@referral-directory/widget`: registers `<referral-directory>` and its parts. Importing this
 * module (or loading the built `referral-directory.js`) is all a page needs.
 */
export { ReferralDirectory } from './referral-directory.js';
export { RdSearchBar } from './elements/search-bar.js';
export { RdFilterPanel } from './elements/filter-panel.js';
export { RdFilterChips } from './elements/filter-chips.js';
export { RdResultCard } from './elements/result-card.js';
export { RdHotlineBanner } from './elements/hotline-banner.js';
export { RdQuickExit } from './elements/quick-exit.js';
export { RdSuggestForm } from './elements/suggest-form.js';
export type {
  RdErrorDetail,
  RdEventMap,
  RdFilterChangeDetail,
  RdQuickExitDetail,
  RdResultsDetail,
  RdSearchDetail,
  RdSelectDetail,
  RdSuggestionSentDetail,
} from './lib/events.js';
export type { FilterSelection } from './lib/filters.js';
