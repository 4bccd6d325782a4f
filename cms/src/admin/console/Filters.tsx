// The console's quick filters: timeframe and need chips, then compact selects for service,
// population, language and role (their choices come from the console API).
import type { Dispatch, SetStateAction } from 'react';
import { Field, Flex, SingleSelect, SingleSelectOption, VisuallyHidden } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import type { FilterChoices, SearchForm } from './api';
import { Chip } from './Chip';
import { CONSOLE_LABELS, valueLabel } from './labels';

const TIMEFRAMES = ['emergency', 'transitional', 'long_term'] as const;
const NEEDS = ['social', 'legal'] as const;
const SELECTS = ['service', 'population', 'language', 'role'] as const;

interface Props {
  form: SearchForm;
  setForm: Dispatch<SetStateAction<SearchForm>>;
  choices: FilterChoices;
  locale: Locale;
}

/** A compact select: its name is its placeholder, and its label is for screen readers only. */
function FilterSelect({ name, form, setForm, choices, locale }: Props & { name: (typeof SELECTS)[number] }) {
  const t = CONSOLE_LABELS[locale];
  const label = t[name];
  const set = (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <Field.Root name={name} id={`console-${name}`} width="140px">
      <VisuallyHidden>
        <Field.Label>{label}</Field.Label>
      </VisuallyHidden>
      <SingleSelect
        size="S"
        value={form[name]}
        placeholder={label}
        onChange={(v) => set(String(v))}
        onClear={form[name] ? () => set('') : undefined}
        clearLabel={`${t.clear} (${label})`}
      >
        {(choices[name] ?? []).map((o) => (
          <SingleSelectOption key={o.value} value={o.value}>
            {o.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
}

export function Filters(props: Props) {
  const { form, setForm, locale } = props;
  const toggle = (key: 'timeframe' | 'need', value: string) =>
    setForm((f) => ({ ...f, [key]: f[key].includes(value) ? f[key].filter((v) => v !== value) : [...f[key], value] }));
  return (
    <Flex gap={2} paddingTop={2} wrap="wrap" alignItems="center" role="group" aria-label={CONSOLE_LABELS[locale].quickFilters}>
      {TIMEFRAMES.map((v) => (
        <Chip key={v} on={form.timeframe.includes(v)} onClick={() => toggle('timeframe', v)}>
          {valueLabel(v, locale)}
        </Chip>
      ))}
      {NEEDS.map((v) => (
        <Chip key={v} on={form.need.includes(v)} onClick={() => toggle('need', v)}>
          {valueLabel(v, locale)}
        </Chip>
      ))}
      {SELECTS.map((name) => (
        <FilterSelect key={name} name={name} {...props} />
      ))}
    </Flex>
  );
}
