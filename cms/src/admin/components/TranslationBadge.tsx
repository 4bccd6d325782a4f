// "French missing" / "French out of date" on a bilingual record, in the admin's language.
import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { translationStatus, translationStatusLabel } from '../../workflow/translation-status';

/** `locales`: those the record exists in; `state`: its stored translationState. */
export function TranslationBadge({ locales, state }: { locales: readonly string[]; state: unknown }) {
  const { locale } = useIntl();
  const status = translationStatus(locales, state);
  const label = translationStatusLabel(status, locale.startsWith('fr') ? 'fr' : 'en');
  return (
    <Badge
      title={label}
      data-translation={status.kind === 'complete' ? 'complete' : `${status.locale}-${status.kind}`}
      backgroundColor={status.kind === 'complete' ? 'success100' : 'warning100'}
      textColor={status.kind === 'complete' ? 'success700' : 'warning700'}
    >
      {label}
    </Badge>
  );
}
