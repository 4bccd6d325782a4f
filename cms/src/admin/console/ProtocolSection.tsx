// The confidential part of the call panel: the referral protocol (how to refer, intake and
// after-hours procedures) and the private intake lines with a copy button, in a marked frame.
import { useState } from 'react';
import { Lock } from '@strapi/icons';
import { Badge, Box, Button, Flex, Typography } from '@strapi/design-system';
import type { Locale, ReferralProtocol } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import { CONSOLE_LABELS, type ConsoleLabels } from './labels';
import { Line } from './Line';

type Organization = CallView['organization'];

const MODES = ['warmTransfer', 'conferenceCall', 'byPhone', 'byChat', 'byEmail'] as const satisfies ReadonlyArray<
  keyof ConsoleLabels['modes'] & keyof ReferralProtocol
>;

function CopyButton({ text, t }: { text: string; t: ConsoleLabels }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // The clipboard may be refused (no focus, no permission): the number is on screen anyway.
    }
    setDone(true);
    setTimeout(() => setDone(false), 2000);
  };
  return (
    <Button size="S" variant="secondary" onClick={copy} aria-label={`${t.copy} ${text}`} data-copy={text}>
      {done ? t.copied : t.copy}
    </Button>
  );
}

function ProtocolDetails({ protocol: p, t }: { protocol: ReferralProtocol | null; t: ConsoleLabels }) {
  if (!p) return <Typography tag="p">{t.noProtocol}</Typography>;
  const modes = MODES.filter((m) => p[m]);
  return (
    <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
      <Flex gap={1} wrap="wrap">
        {modes.map((m) => (
          <Badge key={m} data-mode={m}>
            {t.modes[m]}
          </Badge>
        ))}
      </Flex>
      {p.intakeHours && (
        <Line colon={t.colon} label={t.intakeHours}>
          {p.intakeHours}
        </Line>
      )}
      {p.afterHours && (
        <Line colon={t.colon} label={t.afterHours}>
          {p.afterHours}
        </Line>
      )}
      {p.eligibilityNotes && (
        <Line colon={t.colon} label={t.eligibility}>
          {p.eligibilityNotes}
        </Line>
      )}
    </Flex>
  );
}

function IntakeLines({ organization: o, t }: { organization: Organization; t: ConsoleLabels }) {
  return (
    <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} data-intake="">
      {o.internalPhones.map((ph) => (
        <Flex key={`${ph.number}${ph.extension ?? ''}`} gap={2}>
          <Typography fontWeight="bold">
            {ph.label ?? t.intakeLine}
            {t.colon.trimEnd()}
          </Typography>
          <Typography data-intake-number={ph.number}>
            {ph.number}
            {ph.extension ? ` #${ph.extension}` : ''}
          </Typography>
          <CopyButton text={ph.number} t={t} />
        </Flex>
      ))}
      {o.internalEmail && (
        <Line colon={t.colon} label={t.internalEmail}>
          {o.internalEmail}
        </Line>
      )}
      {o.designatedContact && (
        <Line colon={t.colon} label={t.designatedContact}>
          {[o.designatedContact.name, o.designatedContact.title, o.designatedContact.phone, o.designatedContact.email]
            .filter(Boolean)
            .join(' · ')}
        </Line>
      )}
    </Flex>
  );
}

export function ProtocolSection({ organization, locale }: { organization: Organization; locale: Locale }) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Box
      tag="section"
      aria-labelledby="console-protocol"
      background="warning100"
      borderColor="warning200"
      hasRadius
      padding={3}
      data-protocol=""
    >
      <Flex justifyContent="space-between" wrap="wrap" gap={2}>
        <Typography id="console-protocol" tag="h3" variant="delta">
          {t.protocol}
        </Typography>
        <Typography variant="pi" fontWeight="bold" textColor="danger700">
          <Lock aria-hidden focusable={false} /> {t.confidential}
        </Typography>
      </Flex>
      <ProtocolDetails protocol={organization.referralProtocol} t={t} />
      <IntakeLines organization={organization} t={t} />
    </Box>
  );
}
