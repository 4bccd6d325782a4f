// The police protocol for the place of the call: the one whose jurisdiction names it, or the
// stated provincial / national fallback; version, last review and the active contacts in order.
import { Box, Flex, Typography } from '@strapi/design-system';
import { Lock } from '@strapi/icons';
import type { Locale } from '@referral-directory/sdk';
import type { PoliceLookup } from '../../console/police';
import { CONSOLE_LABELS, valueLabel } from './labels';

export function PoliceBox({ lookup, locale, error }: { lookup: PoliceLookup | null; locale: Locale; error: string | null }) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Box
      tag="section"
      aria-labelledby="console-police"
      background="neutral0"
      hasRadius
      borderColor="neutral200"
      padding={3}
      data-police={lookup?.coverage ?? ''}
    >
      <Flex justifyContent="space-between" wrap="wrap" gap={2}>
        <Typography id="console-police" tag="h2" variant="delta">
          {t.police}
          {lookup ? ` — ${t.policeFor(lookup.place.label)}` : ''}
        </Typography>
        {lookup && lookup.protocols.length > 0 && (
          <Typography variant="pi" fontWeight="bold" textColor="danger700">
            <Lock aria-hidden focusable={false} /> {t.confidential}
          </Typography>
        )}
      </Flex>
      {error && (
        <Typography tag="p" textColor="danger700">
          {error}
        </Typography>
      )}
      {!lookup && !error && (
        <Typography tag="p" textColor="neutral700">
          {t.policeHint}
        </Typography>
      )}
      {lookup && (
        <Typography
          tag="p"
          fontWeight={lookup.coverage === 'covers' ? 'regular' : 'bold'}
          textColor="neutral800"
          data-coverage={lookup.coverage}
        >
          {t.coverage[lookup.coverage]}
        </Typography>
      )}
      {lookup?.protocols.slice(0, 2).map((p) => (
        <Box key={p.documentId} paddingTop={2} data-protocol-agency={p.agency}>
          <Typography tag="p" fontWeight="bold">
            {p.agency}
          </Typography>
          <Typography tag="p" variant="pi" textColor="neutral700">
            {valueLabel(p.agencyKind, locale)} · {p.province} · {t.version(p.version)}, {t.reviewed(p.lastReviewed)}
          </Typography>
          {p.area && (
            <Typography tag="p" variant="pi" textColor="neutral700">
              {p.area}
            </Typography>
          )}
          <Typography tag="p" variant="pi" fontWeight="bold" textColor="neutral800">
            {t.activeContacts}
          </Typography>
          <Box tag="ol" style={{ margin: 0, paddingLeft: 20 }}>
            {p.contacts.map((c) => (
              <li key={`${c.name}${c.phone ?? ''}`} data-contact={c.name}>
                <Typography variant="pi">{[c.name, c.rank, c.unit, c.phone, c.role].filter(Boolean).join(' · ')}</Typography>
              </li>
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
