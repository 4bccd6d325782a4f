// The edit view's side panel of a bilingual record: whether the other locale exists and is up to date.
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';
import { TranslationBadge } from './TranslationBadge';
import { isRecord } from '../../workflow/values';

const versionOf = (v: unknown) =>
  isRecord(v) && typeof v.locale === 'string'
    ? [{ locale: v.locale, updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : null }]
    : [];

// Panels are rendered as components: hooks are allowed.
export const BilingualPanel: PanelComponent = ({ document, meta, model }) => {
  const { formatMessage } = useIntl();
  if (model !== 'api::organization.organization' || !document?.documentId) return null;
  const versions = [...versionOf(document), ...(meta?.availableLocales ?? []).flatMap(versionOf)];
  return {
    title: formatMessage({ id: 'directory.panel.bilingual', defaultMessage: 'Translation' }),
    content: <TranslationBadge versions={versions} />,
  };
};
