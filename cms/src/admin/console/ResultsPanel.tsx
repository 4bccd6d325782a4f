// The console's list box: the result count, the selection for the referral message (the caller's
// language, the button), the search error or the relaxed-search note, then the results.
import type { RefObject } from 'react';
import { Box, Button, Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import type { SearchAnswer } from './api';
import { CONSOLE_LABELS } from './labels';
import { ResultsList } from './ResultsList';

interface MessageBarProps {
  count: number;
  locale: Locale;
  callerLocale: Locale;
  onCallerLocale: (l: Locale) => void;
  onMakeMessage: () => void;
}

function MessageBar({ count, locale, callerLocale, onCallerLocale, onMakeMessage }: MessageBarProps) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Flex gap={2} alignItems="center">
      <Typography variant="pi">{t.selected(count)}</Typography>
      <Field.Root name="callerLocale" id="console-caller-locale">
        <Field.Label>{t.callerLanguage}</Field.Label>
        <SingleSelect size="S" value={callerLocale} onChange={(v) => onCallerLocale(v === 'en' ? 'en' : 'fr')}>
          <SingleSelectOption value="fr">Français</SingleSelectOption>
          <SingleSelectOption value="en">English</SingleSelectOption>
        </SingleSelect>
      </Field.Root>
      <Button size="S" onClick={onMakeMessage}>
        {t.makeMessage}
      </Button>
    </Flex>
  );
}

interface Props extends Omit<MessageBarProps, 'count'> {
  answer: SearchAnswer | null;
  /** The query the list on screen answers, and whether a newer one is on its way. */
  answered: string;
  busy: boolean;
  searchError: string | null;
  openSlug: string | null;
  selected: Set<string>;
  onOpen: (slug: string) => void;
  listRef: RefObject<HTMLDivElement>;
}

export function ResultsPanel({ answer, answered, busy, searchError, openSlug, selected, onOpen, listRef, ...bar }: Props) {
  const { locale } = bar;
  const t = CONSOLE_LABELS[locale];
  return (
    <Box background="neutral0" hasRadius borderColor="neutral200">
      <Flex justifyContent="space-between" padding={2} gap={2} wrap="wrap">
        <Typography tag="h2" variant="delta" aria-live="polite">
          {t.results}
          {answer ? ` — ${t.resultCount(answer.total)}` : ''}
        </Typography>
        {selected.size > 0 && <MessageBar count={selected.size} {...bar} />}
      </Flex>
      {searchError && (
        <Box padding={2}>
          <Typography textColor="danger700" role="alert">
            {searchError}
          </Typography>
        </Box>
      )}
      {answer?.relaxed && (
        <Box paddingLeft={2}>
          <Typography variant="pi" textColor="neutral700">
            {t.relaxed}
          </Typography>
        </Box>
      )}
      {answer && answer.hits.length === 0 && !searchError && (
        <Box padding={2}>
          <Typography textColor="neutral700">{t.noResults}</Typography>
        </Box>
      )}
      <Box ref={listRef} style={{ maxHeight: '32vh', overflowY: 'auto' }} aria-busy={busy} data-answered={answered}>
        {answer && <ResultsList hits={answer.hits} locale={locale} openSlug={openSlug} selected={selected} onOpen={onOpen} />}
      </Box>
    </Box>
  );
}
