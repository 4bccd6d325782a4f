// The referral console (issue #15): one page for an advocate on a live call. One search box and
// quick filters; results with warnings first; the chosen organization's referral protocol and
// private intake line in view; the police protocol for the place; a referral message for the
// caller; the outcome in two clicks. Keyboard first: `/` searches, arrows move, Enter opens.
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { Box, Flex, Main, Typography } from '@strapi/design-system';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { Locale } from '@referral-directory/sdk';
import type { OUTCOMES } from '../../console/outcome';
import { CONSOLE_API, EMPTY_FORM, messageAnswer, reasonsOf, type SearchForm } from './api';
import { CallPanel, type modeOf } from './CallPanel';
import { CONSOLE_LABELS } from './labels';
import { MessageDialog } from './MessageDialog';
import { PoliceBox } from './PoliceBox';
import { ResultsPanel } from './ResultsPanel';
import { SearchHeader } from './SearchHeader';
import { useConsoleData } from './useConsoleData';

/** ArrowDown from the search moves to the first result. */
function focusFirstResult(e: KeyboardEvent<HTMLElement>, results: HTMLElement | null): void {
  if (e.key !== 'ArrowDown') return;
  const first = results?.querySelector<HTMLButtonElement>('button[data-result]');
  if (first) {
    e.preventDefault();
    first.focus();
  }
}

/** The organizations chosen for the caller's referral message, and how to add or drop one. */
function useSelection(): [Set<string>, (slug: string, on: boolean) => void] {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const select = (slug: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(slug);
      else next.delete(slug);
      return next;
    });
  return [selected, select];
}

export function ConsolePage() {
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { locale: adminLocale } = useIntl();
  const locale: Locale = adminLocale.startsWith('fr') ? 'fr' : 'en';
  const t = CONSOLE_LABELS[locale];

  const [form, setForm] = useState<SearchForm>(EMPTY_FORM);
  const [openSlug, setOpenSlug] = useState<string | null>(null);
  const [selected, select] = useSelection();
  const [callerLocale, setCallerLocale] = useState<Locale>(locale);
  const [message, setMessage] = useState<string | null>(null);
  const resultsRef = useRef<HTMLDivElement>(null);
  const { choices, answer, answered, busy, searchError, police, policeError, view } = useConsoleData(form, locale, openSlug);

  const toResults = (e: KeyboardEvent<HTMLElement>) => focusFirstResult(e, resultsRef.current);

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

  return (
    <Main>
      <Page.Title>{t.title}</Page.Title>
      <SearchHeader form={form} setForm={setForm} choices={choices} locale={locale} onKeyDown={toResults} />
      <Flex paddingLeft={6} paddingRight={6} gap={4} alignItems="flex-start">
        <Flex direction="column" alignItems="stretch" gap={3} style={{ flex: '0 0 38%', minWidth: 0 }}>
          <ResultsPanel
            answer={answer}
            answered={answered}
            busy={busy}
            searchError={searchError}
            openSlug={openSlug}
            selected={selected}
            onOpen={setOpenSlug}
            listRef={resultsRef}
            locale={locale}
            callerLocale={callerLocale}
            onCallerLocale={setCallerLocale}
            onMakeMessage={makeMessage}
          />
          <PoliceBox lookup={police} locale={locale} error={policeError} />
        </Flex>
        <Box style={{ flex: '1 1 auto', minWidth: 0 }} paddingBottom={6}>
          {view ? (
            <CallPanel
              view={view}
              locale={locale}
              selected={selected.has(view.organization.slug)}
              onSelect={(on) => select(view.organization.slug, on)}
              onOutcome={recordOutcome}
            />
          ) : (
            <Box padding={4} background="neutral0" hasRadius borderColor="neutral200">
              <Typography textColor="neutral700">{t.pickOne}</Typography>
            </Box>
          )}
        </Box>
      </Flex>
      <MessageDialog text={message} locale={locale} onClose={() => setMessage(null)} />
    </Main>
  );
}

export default ConsolePage;
