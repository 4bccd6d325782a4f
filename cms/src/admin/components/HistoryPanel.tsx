// The edit view's History panel of an organization or a police protocol: its latest audit entries
// with each change as "field: before → after" in the admin's language (workflow/audit-history.ts),
// and a link to the whole trail. Read through the content manager's API with the editor's rights.
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { historyApiPath, historyItems, historyListPath, type HistoryItem } from '../../workflow/audit-history';
import { isRecord } from '../../workflow/values';

const AUDITED = new Set(['api::organization.organization', 'api::law-enforcement-protocol.law-enforcement-protocol']);

function HistoryList({ documentId, version }: { documentId: string; version: unknown }) {
  const { get } = useFetchClient();
  const { locale, formatMessage, formatDate } = useIntl();
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  const [items, setItems] = useState<HistoryItem[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    get(historyApiPath(documentId), { signal: controller.signal })
      .then((res) => setItems(historyItems(isRecord(res.data) ? res.data.results : [], language)))
      .catch(() => {
        if (!controller.signal.aborted) setItems([]);
      });
    return () => controller.abort();
  }, [get, documentId, language, version]);

  if (!items) return null;
  if (items.length === 0) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: 'directory.history.empty', defaultMessage: 'No history yet.' })}
      </Typography>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-history>
      {items.map((item) => (
        <Box key={item.id} data-history-entry>
          <Typography variant="sigma" textColor="neutral600" tag="p">
            {formatDate(item.at, { dateStyle: 'medium', timeStyle: 'short' })} · {item.action} · {item.actor}
          </Typography>
          {item.changes.map((c) => (
            <Typography key={`${c.field}|${c.locale ?? ''}`} variant="pi" tag="p" data-change={c.field}>
              <strong>
                {c.label}
                {c.locale ? ` (${c.locale.toUpperCase()})` : ''}
              </strong>
              {c.from === null
                ? ` (${formatMessage({ id: 'directory.history.confidential', defaultMessage: 'value not recorded' })})`
                : `: ${c.from} → ${c.to}`}
            </Typography>
          ))}
        </Box>
      ))}
      <Link to={historyListPath(documentId)}>
        <Typography variant="pi" textColor="primary600">
          {formatMessage({ id: 'directory.history.all', defaultMessage: 'Whole history' })}
        </Typography>
      </Link>
    </Flex>
  );
}

// Panels are rendered as components: hooks are allowed (in the list they render).
export const HistoryPanel: PanelComponent = ({ document, model }) => {
  const { formatMessage } = useIntl();
  if (!AUDITED.has(model) || typeof document?.documentId !== 'string') return null;
  return {
    title: formatMessage({ id: 'directory.panel.history', defaultMessage: 'History' }),
    content: <HistoryList documentId={document.documentId} version={document.updatedAt} />,
  };
};
