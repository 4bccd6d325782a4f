// The edit view's side panel of a bilingual record: whether the other locale exists and is up to date.
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { TranslationBadge } from './TranslationBadge';
import { isRecord } from '../../workflow/values';

const localeOf = (v: unknown) => (isRecord(v) && typeof v.locale === 'string' ? [v.locale] : []);

// Panels are rendered as components: hooks are allowed.
export const BilingualPanel: PanelComponent = ({ document, meta, model }) => {
  const { formatMessage } = useIntl();
  if (model !== 'api::organization.organization' || !document?.documentId) return null;
  const locales = [...localeOf(document), ...(meta?.availableLocales ?? []).flatMap(localeOf)];
  return {
    title: formatMessage({ id: 'directory.panel.bilingual', defaultMessage: 'Translation' }),
    content: <TranslationBadge locales={locales} state={document.translationState} />,
  };
};
