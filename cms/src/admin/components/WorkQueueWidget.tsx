// The editors' work queue on the admin home page: for each queue (workflow/work-queue.ts) a count
// and the first few items, each linking to the list filtered the same way. Counts come from the
// content manager's own API with the editor's permissions.
import { useEffect, useState } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { isRecord } from '../../workflow/values';
import { dayAfter, queueApiPath, queueListPath, workQueues, type Queue } from '../../workflow/work-queue';

const FIRST_ITEMS = 3;

interface Row {
  queue: Queue;
  total: number;
  items: Array<{ documentId: string; title: string }>;
}

function rowFrom(queue: Queue, body: unknown): Row {
  const results = isRecord(body) && Array.isArray(body.results) ? body.results : [];
  const pagination = isRecord(body) && isRecord(body.pagination) ? body.pagination : {};
  return {
    queue,
    total: typeof pagination.total === 'number' ? pagination.total : results.length,
    items: results.flatMap((r: unknown) =>
      isRecord(r) && typeof r.documentId === 'string' ? [{ documentId: r.documentId, title: String(r[queue.title] ?? r.documentId) }] : [],
    ),
  };
}

export function WorkQueueWidget() {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  const language = locale.startsWith('fr') ? 'fr' : 'en';
  const [rows, setRows] = useState<Row[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const queues = workQueues(dayAfter(new Date().toISOString().slice(0, 10), 30));
    Promise.all(
      queues.map(async (q) => {
        try {
          const res = await get(queueApiPath(q, FIRST_ITEMS, language), { signal: controller.signal });
          return rowFrom(q, res.data);
        } catch {
          return null; // no permission for this type: the queue is not shown
        }
      }),
    ).then((all) => {
      if (!controller.signal.aborted) setRows(all.filter((r): r is Row => r !== null));
    });
    return () => controller.abort();
  }, [get, language]);

  if (!rows) return <Typography textColor="neutral600">…</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-work-queue="">
      {rows.map(({ queue, total, items }) => (
        <Box key={queue.id} data-queue={queue.id} data-count={total}>
          <Flex justifyContent="space-between">
            <Link to={queueListPath(queue, language)}>
              <Typography fontWeight="bold" textColor="primary600">
                {queue.label[language]}
              </Typography>
            </Link>
            <Typography fontWeight="bold" textColor={total > 0 ? 'warning700' : 'neutral600'}>
              {total}
            </Typography>
          </Flex>
          {items.map((item) => (
            <Box key={item.documentId} paddingLeft={2}>
              <Link to={`/content-manager/collection-types/${queue.uid}/${item.documentId}`}>
                <Typography variant="pi" textColor="neutral800">
                  {item.title}
                </Typography>
              </Link>
            </Box>
          ))}
        </Box>
      ))}
    </Flex>
  );
}
