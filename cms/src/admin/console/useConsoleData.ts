// What the console page reads from the console API, refetched as the form, the place and the open
// organization change: the filter choices, the search answer, the police protocol for the place,
// the open organization's call view. Each request is aborted when a newer one replaces it.
import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Locale } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import type { PoliceLookup } from '../../console/police';
import {
  CONSOLE_API,
  callViewAnswer,
  filterChoices,
  policeAnswer,
  reasonsOf,
  searchAnswer,
  searchQuery,
  type FilterChoices,
  type SearchAnswer,
  type SearchForm,
} from './api';
import { CONSOLE_LABELS } from './labels';

const DEBOUNCE_MS = 250;

type Get = ReturnType<typeof useFetchClient>['get'];

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function useFilterChoices(get: Get, locale: Locale): FilterChoices {
  const [choices, setChoices] = useState<FilterChoices>({});
  useEffect(() => {
    const controller = new AbortController();
    get(`${CONSOLE_API}/filters?locale=${locale}`, { signal: controller.signal })
      .then((res) => setChoices(filterChoices(res.data)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [get, locale]);
  return choices;
}

/** The search answer, the query it answers (while a newer one is on its way, the list is busy) and the error. */
function useSearch(get: Get, query: string, locale: Locale) {
  const t = CONSOLE_LABELS[locale];
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [answered, setAnswered] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    get(`${CONSOLE_API}/search?${query}`, { signal: controller.signal })
      .then((res) => {
        setAnswer(searchAnswer(res.data));
        setAnswered(query);
        setSearchError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) setSearchError(reasonsOf(e) ?? t.error);
      });
    return () => controller.abort();
  }, [get, query, t]);
  return { answer, answered, searchError };
}

function usePolice(get: Get, place: string, locale: Locale) {
  const t = CONSOLE_LABELS[locale];
  const [police, setPolice] = useState<PoliceLookup | null>(null);
  const [policeError, setPoliceError] = useState<string | null>(null);
  useEffect(() => {
    if (!place) {
      setPolice(null);
      setPoliceError(null);
      return undefined;
    }
    const controller = new AbortController();
    get(`${CONSOLE_API}/police?place=${encodeURIComponent(place)}&locale=${locale}`, { signal: controller.signal })
      .then((res) => {
        setPolice(policeAnswer(res.data));
        setPoliceError(null);
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) {
          setPolice(null);
          setPoliceError(reasonsOf(e) ?? t.error);
        }
      });
    return () => controller.abort();
  }, [get, place, locale, t]);
  return { police, policeError };
}

function useCallView(get: Get, openSlug: string | null, locale: Locale): CallView | null {
  const [view, setView] = useState<CallView | null>(null);
  useEffect(() => {
    if (!openSlug) {
      setView(null);
      return undefined;
    }
    const controller = new AbortController();
    get(`${CONSOLE_API}/organizations/${encodeURIComponent(openSlug)}?locale=${locale}`, { signal: controller.signal })
      .then((res) => setView(callViewAnswer(res.data)))
      .catch(() => {
        if (!controller.signal.aborted) setView(null);
      });
    return () => controller.abort();
  }, [get, openSlug, locale]);
  return view;
}

export function useConsoleData(form: SearchForm, locale: Locale, openSlug: string | null) {
  const { get } = useFetchClient();
  const current = searchQuery(form, locale);
  const query = useDebounced(current, DEBOUNCE_MS);
  const place = useDebounced(form.place.trim(), DEBOUNCE_MS);
  const choices = useFilterChoices(get, locale);
  const search = useSearch(get, query, locale);
  const police = usePolice(get, place, locale);
  const view = useCallView(get, openSlug, locale);
  /** `busy`: the list on screen does not answer the form yet. */
  return { choices, ...search, busy: search.answered !== current, ...police, view };
}
