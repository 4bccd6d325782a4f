// Open or closed, as the server computed it in the organization's own time zone.
import { Typography } from '@strapi/design-system';
import type { Locale, OpenState } from '@referral-directory/sdk';
import { CONSOLE_LABELS } from './labels';

/** `2026-12-03T17:00:00-05:00` → `17:00` (the organization's local time). */
const clock = (at: string): string => at.slice(11, 16);

export function OpenBadge({ open, open24x7, locale }: { open: OpenState | null; open24x7: boolean; locale: Locale }) {
  const t = CONSOLE_LABELS[locale];
  if (open24x7)
    return (
      <Typography variant="pi" fontWeight="bold" textColor="success700">
        {t.open24}
      </Typography>
    );
  if (!open) return null;
  if (open.now)
    return (
      <Typography variant="pi" fontWeight="bold" textColor="success700">
        {open.until ? t.openUntil(clock(open.until)) : t.open}
      </Typography>
    );
  return (
    <Typography variant="pi" fontWeight="bold" textColor="danger700">
      {open.opensAt ? `${t.closed} · ${t.opensAt(clock(open.opensAt))}` : t.closed}
    </Typography>
  );
}
