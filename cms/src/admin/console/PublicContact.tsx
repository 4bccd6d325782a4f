// The public part of the call panel: what may be given to the caller (contact, hours, services,
// areas, languages, populations, eligibility).
import { Box, Flex, Typography } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import { CONSOLE_LABELS, valueLabel } from './labels';
import { Line } from './Line';

export function PublicContact({ organization: o, locale }: { organization: CallView['organization']; locale: Locale }) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Box tag="section" aria-labelledby="console-public" padding={3} hasRadius borderColor="neutral200" background="neutral0">
      <Typography id="console-public" tag="h3" variant="delta">
        {t.publicContact}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
        {o.phones.map((ph) => (
          <Line key={ph.number} colon={t.colon} label={ph.label ?? t.phone}>
            {ph.number}
            {ph.extension ? ` #${ph.extension}` : ''}
          </Line>
        ))}
        {o.email && (
          <Line colon={t.colon} label={t.email}>
            {o.email}
          </Line>
        )}
        {o.website && (
          <Line colon={t.colon} label={t.website}>
            {o.website}
          </Line>
        )}
        <Line colon={t.colon} label={t.hours}>
          {o.hours.open24x7
            ? t.open24
            : o.hours.schedule.length > 0
              ? o.hours.schedule.map((h) => `${valueLabel(h.day, locale)} ${h.opens}–${h.closes}`).join(', ')
              : t.hoursUnknown}
          {o.hours.notes ? ` — ${o.hours.notes}` : ''}
        </Line>
        <Line colon={t.colon} label={t.services}>
          {o.services.map((s) => s.label).join(', ')}
        </Line>
        <Line colon={t.colon} label={t.areas}>
          {o.national
            ? t.national
            : o.serviceAreas.map((a) => `${a.province}${a.regions.length ? ` (${a.regions.join(', ')})` : ''}`).join('; ')}
        </Line>
        <Line colon={t.colon} label={t.languages}>
          {o.languages.map((l) => l.label).join(', ')}
        </Line>
        {o.populations.length > 0 && (
          <Line colon={t.colon} label={t.populations}>
            {o.populations.map((x) => x.label).join(', ')}
          </Line>
        )}
        {o.eligibility && (
          <Line colon={t.colon} label={t.eligibilityPublic}>
            {o.eligibility}
          </Line>
        )}
      </Flex>
    </Box>
  );
}
