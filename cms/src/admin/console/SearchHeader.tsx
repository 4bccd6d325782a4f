// The top of the console: the title, the search box (focused on arrival and by `/`), the place,
// the time of opening, the open-now chips, then the quick filters.
import { useEffect, useRef, type ChangeEvent, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { Box, Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import { EMPTY_FORM, type FilterChoices, type SearchForm } from './api';
import { Chip } from './Chip';
import { Filters } from './Filters';
import { CONSOLE_LABELS } from './labels';

interface Props {
  form: SearchForm;
  setForm: Dispatch<SetStateAction<SearchForm>>;
  choices: FilterChoices;
  locale: Locale;
  /** On the text fields: ArrowDown goes to the results. */
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

/** `/` anywhere but in a text field focuses the search box. */
const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);

function useSlashToSearch() {
  const searchRef = useRef<HTMLInputElement>(null);
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
  return searchRef;
}

export function SearchHeader({ form, setForm, choices, locale, onKeyDown }: Props) {
  const t = CONSOLE_LABELS[locale];
  const searchRef = useSlashToSearch();
  const set = <K extends keyof SearchForm>(key: K, value: SearchForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const onText = (key: 'q' | 'place' | 'openAt') => (e: ChangeEvent<HTMLInputElement>) => set(key, e.target.value);
  return (
    <Box paddingLeft={6} paddingRight={6} paddingTop={3} paddingBottom={3} data-console="" lang={locale}>
      <Typography tag="h1" variant="beta">
        {t.title}
      </Typography>
      <Flex gap={3} alignItems="flex-end" paddingTop={2}>
        <Field.Root name="q" id="console-q" style={{ flex: '2 1 240px' }}>
          <Field.Label>{t.searchLabel}</Field.Label>
          <TextInput
            ref={searchRef}
            type="search"
            placeholder={t.searchHint}
            value={form.q}
            onChange={onText('q')}
            onKeyDown={onKeyDown}
            autoComplete="off"
          />
        </Field.Root>
        <Field.Root name="place" id="console-place" style={{ flex: '1 1 180px' }}>
          <Field.Label>{t.placeLabel}</Field.Label>
          <TextInput placeholder={t.placeHint} value={form.place} onChange={onText('place')} onKeyDown={onKeyDown} autoComplete="off" />
        </Field.Root>
        <Field.Root name="openAt" id="console-open-at" width="140px">
          <Field.Label>{t.openAtLabel}</Field.Label>
          <TextInput type="time" value={form.openAt} disabled={form.openNow} onChange={onText('openAt')} onKeyDown={onKeyDown} />
        </Field.Root>
        <Flex gap={2} paddingBottom={1}>
          <Chip on={form.openNow} onClick={() => set('openNow', !form.openNow)}>
            {t.openNow}
          </Chip>
          {(form.openNow || form.openAt !== '') && (
            <Chip on={form.openOnly} onClick={() => set('openOnly', !form.openOnly)}>
              {t.openOnly}
            </Chip>
          )}
          <Button size="S" variant="ghost" onClick={() => setForm(EMPTY_FORM)}>
            {t.clear}
          </Button>
        </Flex>
      </Flex>
      <Filters form={form} setForm={setForm} choices={choices} locale={locale} />
    </Box>
  );
}
