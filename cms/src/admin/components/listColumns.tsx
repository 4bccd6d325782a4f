// The content manager's list columns, as the admin's `inject-column-in-table` hook lets us shape
// them: enumeration values read as labels, and bilingual records get a translation column.
import type { ReactNode } from 'react';
import { TranslationBadge } from './TranslationBadge';
import { ValueCell } from './ValueCell';
import { isRecord } from '../../workflow/values';

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => ReactNode;
  [key: string]: unknown;
}
interface HookArgs {
  displayedHeaders: Header[];
  layout: { options?: unknown; [key: string]: unknown };
}

const isLocalized = (options: unknown) => isRecord(options) && isRecord(options.i18n) && options.i18n.localized === true;

const locales = (row: Record<string, unknown>) => [
  String(row.locale ?? ''),
  ...(Array.isArray(row.localizations) ? row.localizations : []).flatMap((l: unknown) =>
    isRecord(l) && typeof l.locale === 'string' ? [l.locale] : [],
  ),
];

export function labelledColumns({ displayedHeaders, layout }: HookArgs): HookArgs {
  const headers: Header[] = displayedHeaders.map((h) =>
    h.attribute?.type === 'enumeration' ? { ...h, cellFormatter: (row) => <ValueCell value={row[h.name]} /> } : h,
  );
  if (isLocalized(layout.options)) {
    headers.push({
      name: 'translation',
      attribute: { type: 'string' },
      label: { id: 'directory.list.translation', defaultMessage: 'Translation' },
      searchable: false,
      sortable: false,
      cellFormatter: (row) => <TranslationBadge locales={locales(row)} state={row.translationState} />,
    });
  }
  return { displayedHeaders: headers, layout };
}
