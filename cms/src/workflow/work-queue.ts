/**
 * The editors' work queue on the admin home page: what needs doing, each as a filter on a
 * content-manager list (the same query gives the widget's count and the list the link opens).
 * Plain data, bundled into the admin (src/admin/components/WorkQueueWidget.tsx).
 */
import type { Label } from './field-labels';
import { APPLICATION, ORGANIZATION as ORG, PROTOCOL, SUGGESTION } from '../content-types';

export interface Queue {
  id: string;
  label: Label;
  uid: string;
  /** Content-manager list filters, as `filters[...]` query keys. */
  filters: Record<string, string>;
  sort: string;
  /** The field that names an item. */
  title: string;
}

/** The queues, given the day 30 days from today (`YYYY-MM-DD`). */
export function workQueues(in30Days: string): Queue[] {
  return [
    {
      id: 'reviews-due',
      uid: ORG,
      title: 'name',
      sort: 'nextReviewDue:ASC',
      label: { en: 'Reviews due in the next 30 days', fr: 'Révisions dues d’ici 30 jours' },
      filters: { 'filters[$and][0][nextReviewDue][$lte]': in30Days, 'filters[$and][1][listingStatus][$ne]': 'removed' },
    },
    {
      id: 'attention',
      uid: ORG,
      title: 'name',
      sort: 'updatedAt:DESC',
      label: { en: 'Records needing attention', fr: 'Fiches à traiter' },
      filters: { 'filters[$and][0][needsAttention][$eq]': 'true' },
    },
    {
      id: 'applications',
      uid: APPLICATION,
      title: 'organizationName',
      sort: 'createdAt:DESC',
      label: { en: 'Applications waiting', fr: 'Demandes d’inscription en attente' },
      filters: {
        'filters[$and][0][reviewStatus][$in][0]': 'received',
        'filters[$and][0][reviewStatus][$in][1]': 'in_review',
        'filters[$and][0][reviewStatus][$in][2]': 'more_info_requested',
      },
    },
    {
      id: 'suggestions',
      uid: SUGGESTION,
      title: 'organizationSlug',
      sort: 'createdAt:DESC',
      label: { en: 'New suggestions', fr: 'Nouvelles demandes de mise à jour' },
      filters: { 'filters[$and][0][reviewStatus][$eq]': 'new' },
    },
    {
      id: 'protocols',
      uid: PROTOCOL,
      title: 'agency',
      sort: 'nextReviewDue:ASC',
      label: { en: 'Police protocols due for review', fr: 'Protocoles policiers à réviser' },
      filters: { 'filters[$and][0][nextReviewDue][$lte]': in30Days },
    },
  ];
}

/** The content-manager API request for a queue's count and first items. */
export function queueApiPath(q: Queue, pageSize: number, locale: 'en' | 'fr'): string {
  const params = new URLSearchParams({ page: '1', pageSize: String(pageSize), sort: q.sort, ...q.filters });
  if (q.uid === ORG) params.set('locale', locale);
  return `/content-manager/collection-types/${q.uid}?${params.toString()}`;
}

/** The admin list a queue opens, with the same filters. */
export function queueListPath(q: Queue, locale: 'en' | 'fr'): string {
  const params = new URLSearchParams({ page: '1', pageSize: '20', sort: q.sort, ...q.filters });
  if (q.uid === ORG) params.set('plugins[i18n][locale]', locale);
  return `/content-manager/collection-types/${q.uid}?${params.toString()}`;
}

/** The day `days` after `today`, both `YYYY-MM-DD`. */
export function dayAfter(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
