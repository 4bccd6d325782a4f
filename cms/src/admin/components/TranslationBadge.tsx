// "French missing" / "French out of date" on a bilingual record, in the admin's language.
import { Badge } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { translationStatus, translationStatusLabel, type LocaleVersion } from '../../workflow/translation-status';

export function TranslationBadge({ versions }: { versions: readonly LocaleVersion[] }) {
  const { locale } = useIntl();
  const status = translationStatus(versions);
  const label = translationStatusLabel(status, locale.startsWith('fr') ? 'fr' : 'en');
  return (
    <Badge
      title={label}
      backgroundColor={status.kind === 'complete' ? 'success100' : 'warning100'}
      textColor={status.kind === 'complete' ? 'success700' : 'warning700'}
    >
      {label}
    </Badge>
  );
}
