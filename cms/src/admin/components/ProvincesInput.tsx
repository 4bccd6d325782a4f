// The "provinces" custom field's input (workflow/provinces-field.ts): a list of province codes
// chosen by name, in the admin's language, instead of raw JSON.
import { Field, MultiSelect, MultiSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PROVINCE_LABELS } from '../../directory/labels';

const NAMES: Readonly<Record<string, { en: string; fr: string }>> = PROVINCE_LABELS;

// All optional: the admin's custom-field registry types inputs as components without props.
interface Props {
  name?: string;
  label?: string;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  value?: unknown;
  onChange?: (name: string, value: unknown) => void;
}

const codes = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function ProvincesInput({ name = 'provinces', label, hint, required, disabled, error, value, onChange }: Props) {
  const { locale } = useIntl();
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  return (
    <Field.Root name={name} id={name} hint={hint} error={error} required={required}>
      <Field.Label>{label}</Field.Label>
      <MultiSelect
        value={codes(value)}
        withTags
        disabled={disabled}
        onChange={(next: string[]) => onChange?.(name, next)}
        customizeContent={(v?: string[]) => (v ?? []).map((c) => NAMES[c]?.[language] ?? c).join(', ')}
      >
        {Object.entries(NAMES).map(([code, names]) => (
          <MultiSelectOption key={code} value={code}>
            {names[language]}
          </MultiSelectOption>
        ))}
      </MultiSelect>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
}

export default ProvincesInput;
