// The referral console (issue #15): one page for an advocate on a live call. One search box and
// quick filters; results with warnings first; the chosen organization's referral protocol and
// private intake line in view; the police protocol for the place; a referral message for the
// caller; the outcome in two clicks. Keyboard first: `/` searches, arrows move, Enter opens.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Box, Button, Field, Flex, Main, SingleSelect, SingleSelectOption, TextInput, Typography, VisuallyHidden } from '@strapi/design-system';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Locale } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import type { PoliceLookup } from '../../console/police';
import type { OUTCOMES } from '../../console/outcome';
import {
  CONSOLE_API, EMPTY_FORM, callViewAnswer, filterChoices, messageAnswer, policeAnswer, reasonsOf, searchAnswer, searchQuery,
  type FilterChoices, type SearchAnswer, type SearchForm,
} from './api';
import { CallPanel, type modeOf } from './CallPanel';
import { CONSOLE_LABELS, valueLabel } from './labels';
import { MessageDialog } from './MessageDialog';
import { PoliceBox } from './PoliceBox';
import { ResultsList } from './ResultsList';

const DEBOUNCE_MS = 250;
const TIMEFRAMES = ['emergency', 'transitional', 'long_term'] as const;
const NEEDS = ['social', 'legal'] as const;

/** `/` anywhere but in a text field focuses the search box. */
const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

function Chip({ on, onClick, children }: { on: boolean; onClick: () => void; children: string }) {
  return (
    <Button size="S" variant={on ? 'default' : 'tertiary'} aria-pressed={on} onClick={onClick} data-chip={children}>
      {on ? `✓ ${children}` : children}
    </Button>
  );
}

export function ConsolePage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { locale: adminLocale } = useIntl();
  const locale: Locale = adminLocale.startsWith('fr') ? 'fr' : 'en';
  const t = CONSOLE_LABELS[locale];

  const [form, setForm] = useState<SearchForm>(EMPTY_FORM);
  const [choices, setChoices] = useState<FilterChoices>({});
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  /** The query the list on screen answers (while a newer one is on its way, the list is busy). */
  const [answered, setAnswered] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [openSlug, setOpenSlug] = useState<string | null>(null);
  const [view, setView] = useState<CallView | null>(null);
  const [police, setPolice] = useState<PoliceLookup | null>(null);
  const [policeError, setPoliceError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [callerLocale, setCallerLocale] = useState<Locale>(locale);
  const [message, setMessage] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const resultsRef = useRef<HTMLDivElement>(null);

  const query = useDebounced(searchQuery(form, locale), DEBOUNCE_MS);
  const place = useDebounced(form.place.trim(), DEBOUNCE_MS);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === '/' && !typingIn(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    searchRef.current?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    get(`${CONSOLE_API}/filters?locale=${locale}`, { signal: controller.signal })
      .then((res) => setChoices(filterChoices(res.data)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [get, locale]);

  useEffect(() => {
    const controller = new AbortController();
    get(`${CONSOLE_API}/search?${query}`, { signal: controller.signal })
      .then((res) => { setAnswer(searchAnswer(res.data)); setAnswered(query); setSearchError(null); })
      .catch((e: unknown) => { if (!controller.signal.aborted) setSearchError(reasonsOf(e) ?? t.error); });
    return () => controller.abort();
  }, [get, query, t]);

  useEffect(() => {
    if (!place) { setPolice(null); setPoliceError(null); return undefined; }
    const controller = new AbortController();
    get(`${CONSOLE_API}/police?place=${encodeURIComponent(place)}&locale=${locale}`, { signal: controller.signal })
      .then((res) => { setPolice(policeAnswer(res.data)); setPoliceError(null); })
      .catch((e: unknown) => { if (!controller.signal.aborted) { setPolice(null); setPoliceError(reasonsOf(e) ?? t.error); } });
    return () => controller.abort();
  }, [get, place, locale, t]);

  useEffect(() => {
    if (!openSlug) { setView(null); return undefined; }
    const controller = new AbortController();
    get(`${CONSOLE_API}/organizations/${encodeURIComponent(openSlug)}?locale=${locale}`, { signal: controller.signal })
      .then((res) => setView(callViewAnswer(res.data)))
      .catch(() => { if (!controller.signal.aborted) setView(null); });
    return () => controller.abort();
  }, [get, openSlug, locale]);

  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const toggle = (key: 'timeframe' | 'need', value: string) =>
    setForm((f) => ({ ...f, [key]: f[key].includes(value) ? f[key].filter((v) => v !== value) : [...f[key], value] }));

  const toResults = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key !== 'ArrowDown') return;
    const first = resultsRef.current?.querySelector<HTMLButtonElement>('button[data-result]');
    if (first) { e.preventDefault(); first.focus(); }
  };

  const makeMessage = useCallback(async () => {
    const p = new URLSearchParams({ locale: callerLocale });
    for (const slug of selected) p.append('slug', slug);
    try {
      const res = await get(`${CONSOLE_API}/message?${p}`);
      setMessage(messageAnswer(res.data));
    } catch (e: unknown) {
      toggleNotification({ type: 'danger', message: reasonsOf(e) ?? t.error });
    }
  }, [callerLocale, selected, get, toggleNotification, t]);

  const recordOutcome = async (outcome: (typeof OUTCOMES)[number], mode: ReturnType<typeof modeOf>) => {
    if (!view) return;
    try {
      await post(`${CONSOLE_API}/outcomes`, { organization: view.organization.slug, mode, outcome });
      toggleNotification({ type: 'success', message: t.outcomeSaved(view.organization.name) });
    } catch {
      toggleNotification({ type: 'danger', message: t.outcomeFailed });
    }
  };

  const select = (slug: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(slug); else next.delete(slug);
    return next;
  });

  /** A compact select: its name is its placeholder, and its label is for screen readers only. */
  const filterSelect = (key: 'service' | 'population' | 'language' | 'role', label: string, options: Array<{ value: string; label: string }>) => (
    <Field.Root name={key} id={`console-${key}`} width="140px" key={key}>
      <VisuallyHidden><Field.Label>{label}</Field.Label></VisuallyHidden>
      <SingleSelect
        size="S" value={form[key]} placeholder={label} onChange={(v) => set(key, String(v))}
        onClear={form[key] ? () => set(key, '') : undefined} clearLabel={`${t.clear} (${label})`}
      >
        {options.map((o) => <SingleSelectOption key={o.value} value={o.value}>{o.label}</SingleSelectOption>)}
      </SingleSelect>
    </Field.Root>
  );

  return (
    <Main>
      <Page.Title>{t.title}</Page.Title>
      <Box paddingLeft={6} paddingRight={6} paddingTop={3} paddingBottom={3} data-console="" lang={locale}>
        <Typography tag="h1" variant="beta">{t.title}</Typography>
        <Flex gap={3} alignItems="flex-end" paddingTop={2}>
          <Field.Root name="q" id="console-q" style={{ flex: '2 1 240px' }}>
            <Field.Label>{t.searchLabel}</Field.Label>
            <TextInput ref={searchRef} type="search" placeholder={t.searchHint} value={form.q} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('q', e.target.value)} onKeyDown={toResults} autoComplete="off" />
          </Field.Root>
          <Field.Root name="place" id="console-place" style={{ flex: '1 1 180px' }}>
            <Field.Label>{t.placeLabel}</Field.Label>
            <TextInput placeholder={t.placeHint} value={form.place} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('place', e.target.value)} onKeyDown={toResults} autoComplete="off" />
          </Field.Root>
          <Field.Root name="openAt" id="console-open-at" width="140px">
            <Field.Label>{t.openAtLabel}</Field.Label>
            <TextInput type="time" value={form.openAt} disabled={form.openNow} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('openAt', e.target.value)} onKeyDown={toResults} />
          </Field.Root>
          <Flex gap={2} paddingBottom={1}>
            <Chip on={form.openNow} onClick={() => set('openNow', !form.openNow)}>{t.openNow}</Chip>
            {(form.openNow || form.openAt !== '') && <Chip on={form.openOnly} onClick={() => set('openOnly', !form.openOnly)}>{t.openOnly}</Chip>}
            <Button size="S" variant="ghost" onClick={() => setForm(EMPTY_FORM)}>{t.clear}</Button>
          </Flex>
        </Flex>
        <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="center" role="group" aria-label={t.quickFilters}>
          {TIMEFRAMES.map((v) => <Chip key={v} on={form.timeframe.includes(v)} onClick={() => toggle('timeframe', v)}>{valueLabel(v, locale)}</Chip>)}
          {NEEDS.map((v) => <Chip key={v} on={form.need.includes(v)} onClick={() => toggle('need', v)}>{valueLabel(v, locale)}</Chip>)}
          {filterSelect('service', t.service, choices.service ?? [])}
          {filterSelect('population', t.population, choices.population ?? [])}
          {filterSelect('language', t.language, choices.language ?? [])}
          {filterSelect('role', t.role, choices.role ?? [])}
        </Flex>
      </Box>

      <Flex paddingLeft={6} paddingRight={6} gap={4} alignItems="flex-start">
        <Flex direction="column" alignItems="stretch" gap={3} style={{ flex: '0 0 38%', minWidth: 0 }}>
          <Box background="neutral0" hasRadius borderColor="neutral200">
            <Flex justifyContent="space-between" padding={2} gap={2} wrap="wrap">
              <Typography tag="h2" variant="delta" aria-live="polite">
                {t.results}{answer ? ` — ${t.resultCount(answer.total)}` : ''}
              </Typography>
              {selected.size > 0 && (
                <Flex gap={2} alignItems="center">
                  <Typography variant="pi">{t.selected(selected.size)}</Typography>
                  <Field.Root name="callerLocale" id="console-caller-locale">
                    <Field.Label>{t.callerLanguage}</Field.Label>
                    <SingleSelect size="S" value={callerLocale} onChange={(v) => setCallerLocale(v === 'en' ? 'en' : 'fr')}>
                      <SingleSelectOption value="fr">Français</SingleSelectOption>
                      <SingleSelectOption value="en">English</SingleSelectOption>
                    </SingleSelect>
                  </Field.Root>
                  <Button size="S" onClick={makeMessage}>{t.makeMessage}</Button>
                </Flex>
              )}
            </Flex>
            {searchError && <Box padding={2}><Typography textColor="danger700" role="alert">{searchError}</Typography></Box>}
            {answer?.relaxed && <Box paddingLeft={2}><Typography variant="pi" textColor="neutral700">{t.relaxed}</Typography></Box>}
            {answer && answer.hits.length === 0 && !searchError && <Box padding={2}><Typography textColor="neutral700">{t.noResults}</Typography></Box>}
            <Box ref={resultsRef} style={{ maxHeight: '32vh', overflowY: 'auto' }} aria-busy={answered !== searchQuery(form, locale)} data-answered={answered}>
              {answer && <ResultsList hits={answer.hits} locale={locale} openSlug={openSlug} selected={selected} onOpen={setOpenSlug} />}
            </Box>
          </Box>
          <PoliceBox lookup={police} locale={locale} error={policeError} />
        </Flex>
        <Box style={{ flex: '1 1 auto', minWidth: 0 }} paddingBottom={6}>
          {view ? (
            <CallPanel view={view} locale={locale} selected={selected.has(view.organization.slug)} onSelect={(on) => select(view.organization.slug, on)} onOutcome={recordOutcome} />
          ) : (
            <Box padding={4} background="neutral0" hasRadius borderColor="neutral200"><Typography textColor="neutral700">{t.pickOne}</Typography></Box>
          )}
        </Box>
      </Flex>
      <MessageDialog text={message} locale={locale} onClose={() => setMessage(null)} />
    </Main>
  );
}

export default ConsolePage;
