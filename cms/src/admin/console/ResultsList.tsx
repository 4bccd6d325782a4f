// The results: what a call needs to choose, warnings first on each line; active records first,
// the others after them and marked (the server orders them). Arrow keys move, Enter opens.
import type { KeyboardEvent } from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import type { ConsoleHit } from '../../console/search';
import { CONSOLE_LABELS, valueLabel } from './labels';
import { OpenBadge } from './OpenBadge';

interface Props {
  hits: ConsoleHit[];
  locale: Locale;
  openSlug: string | null;
  selected: ReadonlySet<string>;
  onOpen: (slug: string) => void;
}

/** Moves focus between the result buttons with the arrow keys (Home/End too). */
export function moveFocus(event: KeyboardEvent<HTMLElement>): void {
  const list = event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-result]');
  const items = [...list];
  const at = items.findIndex((b) => b === document.activeElement);
  const next =
    event.key === 'ArrowDown'
      ? at + 1
      : event.key === 'ArrowUp'
        ? at - 1
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? items.length - 1
            : null;
  if (next === null) return;
  event.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
}

export function ResultsList({ hits, locale, openSlug, selected, onOpen }: Props) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Box tag="ol" aria-label={t.results} onKeyDown={moveFocus} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-results="">
      {hits.map((h) => {
        const active = h.status === 'active';
        const current = h.slug === openSlug;
        return (
          <li key={h.slug}>
            <button
              type="button"
              data-result={h.slug}
              data-status={h.status}
              aria-current={current ? 'true' : undefined}
              onClick={() => onOpen(h.slug)}
              style={{
                display: 'block',
                width: '100%',
                textAlign: 'left',
                cursor: 'pointer',
                font: 'inherit',
                color: 'inherit',
                background: current ? '#f0f0ff' : active ? '#ffffff' : '#f6f6f9',
                border: 0,
                borderBottom: '1px solid #dcdce4',
                borderLeft: current ? '4px solid #4945ff' : '4px solid transparent',
                padding: '8px 10px',
              }}
            >
              {h.warnings.length > 0 && (
                <Flex gap={1} wrap="wrap" paddingBottom={1}>
                  {h.warnings.map((w) => (
                    <Typography key={w} variant="pi" fontWeight="bold" textColor="danger700" data-warning={w}>
                      ⚠ {t.warning[w]}
                    </Typography>
                  ))}
                </Flex>
              )}
              <Flex justifyContent="space-between" gap={2}>
                <Typography fontWeight="bold" textColor={active ? 'neutral800' : 'neutral600'}>
                  {selected.has(h.slug) ? '✓ ' : ''}
                  {h.name}
                </Typography>
                {!active && <Badge>{valueLabel(h.status, locale)}</Badge>}
              </Flex>
              <Flex gap={2} wrap="wrap">
                <Typography variant="pi" textColor="neutral700">
                  {[
                    h.cities.join(', '),
                    h.timeframes.map((x) => valueLabel(x, locale)).join(', '),
                    h.needs.map((x) => valueLabel(x, locale)).join(', '),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
                {h.distanceKm !== undefined && (
                  <Typography variant="pi" textColor="neutral700">
                    {t.kmAway(h.distanceKm)}
                  </Typography>
                )}
                {h.coverage === 'serves-area' && (
                  <Typography variant="pi" textColor="neutral700">
                    {t.servesArea}
                  </Typography>
                )}
                <OpenBadge open={h.open ?? null} open24x7={h.open24x7} locale={locale} />
              </Flex>
            </button>
          </li>
        );
      })}
    </Box>
  );
}
