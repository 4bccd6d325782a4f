/**
 * The filters a host presets with attributes (`province="QC ON"`…), locks (`locked`) and hides
 * (`hide-filters`): what the panel offers, and what a selection always holds.
 */
import { FILTER_NAMES, type FilterName } from '@referral-directory/sdk';
import { cleanSelection, isFilterName, parseList, type FilterSelection } from './filters.js';

/** The property holding each filter's preset. `role` is the ARIA attribute, hence `provider-role`. */
export const PRESETS = {
  province: 'province',
  focus: 'focusArea',
  service: 'service',
  timeframe: 'timeframe',
  need: 'need',
  population: 'population',
  language: 'language',
  role: 'providerRole',
  type: 'type',
} as const satisfies Record<FilterName, string>;

/** What these need of the element: its preset properties and `locked`. */
export type PresetHost = { readonly [K in (typeof PRESETS)[FilterName] | 'locked']: string };

export const lockedNames = (host: PresetHost): FilterName[] => parseList(host.locked).filter(isFilterName);

/** The filters the panel offers: neither hidden nor locked. */
export function panelNames(host: PresetHost, hideFilters: string): FilterName[] {
  const hidden = [...parseList(hideFilters), ...lockedNames(host)];
  return FILTER_NAMES.filter((name) => !hidden.includes(name));
}

export function presetsOf(host: PresetHost): FilterSelection {
  const presets: FilterSelection = {};
  for (const name of FILTER_NAMES) presets[name] = parseList(host[PRESETS[name]]);
  return cleanSelection(presets);
}

/** Locked filters always hold their preset, whatever the URL or an event says. */
export function withLocked(selection: FilterSelection, host: PresetHost): FilterSelection {
  const presets = presetsOf(host);
  const result = { ...selection };
  for (const name of lockedNames(host)) {
    const preset = presets[name];
    if (preset) result[name] = preset;
    else delete result[name];
  }
  return result;
}
