// One organization as the call needs it: warnings first, then the referral protocol and the
// private intake line (copy button), then what may be given to the caller. Confidential parts sit
// in a marked frame. The order keeps the protocol in view at 1280×800 without scrolling.
import { useState, type ReactNode } from 'react';
import { Lock } from '@strapi/icons';
import { Badge, Box, Button, Checkbox, Flex, MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import type { Locale, ReferralProtocol } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import { OUTCOMES } from '../../console/outcome';
import { CONSOLE_LABELS, valueLabel, type ConsoleLabels } from './labels';
import { OpenBadge } from './OpenBadge';

interface Props {
  view: CallView;
  locale: Locale;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onOutcome: (outcome: (typeof OUTCOMES)[number], mode: ReturnType<typeof modeOf>) => void;
}

const MODES = ['warmTransfer', 'conferenceCall', 'byPhone', 'byChat', 'byEmail'] as const satisfies ReadonlyArray<keyof ConsoleLabels['modes'] & keyof ReferralProtocol>;

/** How the referral is made, for the outcome: the protocol's first mode. */
export function modeOf(p: ReferralProtocol | null): 'warm_transfer' | 'conference_call' | 'phone' | 'chat' | 'email' {
  if (p?.warmTransfer) return 'warm_transfer';
  if (p?.conferenceCall) return 'conference_call';
  if (p?.byChat && !p.byPhone) return 'chat';
  if (p?.byEmail && !p.byPhone) return 'email';
  return 'phone';
}

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

export const Line = ({ label, colon, children }: { label: string; colon: string; children: ReactNode }) => (
  <Typography tag="p" variant="omega"><Typography fontWeight="bold">{label}{colon}</Typography>{children}</Typography>
);

export function CallPanel({ view, locale, selected, onSelect, onOutcome }: Props) {
  const t = CONSOLE_LABELS[locale];
  const o = view.organization;
  const p = o.referralProtocol;
  const modes = p ? MODES.filter((m) => p[m]) : [];
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-call={o.slug}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={2} wrap="wrap">
        <Box>
          <Typography tag="h2" variant="beta">{o.name}</Typography>
          <Flex gap={2} wrap="wrap">
            {o.status !== 'active' && <Badge>{valueLabel(o.status, locale)}</Badge>}
            <OpenBadge open={view.openNow} open24x7={o.hours.open24x7} locale={locale} />
            <Typography variant="pi" textColor="neutral700">{t.lastVerified}{t.colon}{o.lastVerified ?? t.never}</Typography>
          </Flex>
        </Box>
        <Flex gap={2}>
          <Checkbox checked={selected} disabled={!view.public} onCheckedChange={(c) => onSelect(c === true)} name="select-for-message">
            {view.public ? t.select : t.notPublic}
          </Checkbox>
          <SimpleMenu label={t.outcome} variant="secondary" size="S">
            {OUTCOMES.map((x) => <MenuItem key={x} onSelect={() => onOutcome(x, modeOf(p))}>{valueLabel(x, locale)}</MenuItem>)}
          </SimpleMenu>
        </Flex>
      </Flex>

      {view.warnings.length > 0 && (
        <Box tag="section" aria-label={t.warnings} background="danger100" borderColor="danger200" hasRadius padding={3} data-warnings="">
          {view.warnings.map((w) => (
            <Typography key={w.kind} tag="p" textColor="danger700" data-warning={w.kind}>
              <Typography fontWeight="bold" textColor="danger700">⚠ {t.warning[w.kind]}</Typography>
              {w.detail ? ` — ${w.kind === 'status' ? w.detail.split(': ').map((v) => valueLabel(v, locale)).join(t.colon) : w.detail}` : ''}
            </Typography>
          ))}
        </Box>
      )}

      <Box tag="section" aria-labelledby="console-protocol" background="warning100" borderColor="warning200" hasRadius padding={3} data-protocol="">
        <Flex justifyContent="space-between" wrap="wrap" gap={2}>
          <Typography id="console-protocol" tag="h3" variant="delta">{t.protocol}</Typography>
          <Typography variant="pi" fontWeight="bold" textColor="danger700"><Lock aria-hidden focusable={false} /> {t.confidential}</Typography>
        </Flex>
        {p ? (
          <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
            <Flex gap={1} wrap="wrap">{modes.map((m) => <Badge key={m} data-mode={m}>{t.modes[m]}</Badge>)}</Flex>
            {p.intakeHours && <Line colon={t.colon} label={t.intakeHours}>{p.intakeHours}</Line>}
            {p.afterHours && <Line colon={t.colon} label={t.afterHours}>{p.afterHours}</Line>}
            {p.eligibilityNotes && <Line colon={t.colon} label={t.eligibility}>{p.eligibilityNotes}</Line>}
          </Flex>
        ) : <Typography tag="p">{t.noProtocol}</Typography>}
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} data-intake="">
          {o.internalPhones.map((ph) => (
            <Flex key={`${ph.number}${ph.extension ?? ''}`} gap={2}>
              <Typography fontWeight="bold">{ph.label ?? t.intakeLine}{t.colon.trimEnd()}</Typography>
              <Typography data-intake-number={ph.number}>{ph.number}{ph.extension ? ` #${ph.extension}` : ''}</Typography>
              <CopyButton text={ph.number} t={t} />
            </Flex>
          ))}
          {o.internalEmail && <Line colon={t.colon} label={t.internalEmail}>{o.internalEmail}</Line>}
          {o.designatedContact && (
            <Line colon={t.colon} label={t.designatedContact}>
              {[o.designatedContact.name, o.designatedContact.title, o.designatedContact.phone, o.designatedContact.email].filter(Boolean).join(' · ')}
            </Line>
          )}
        </Flex>
      </Box>

      <Box tag="section" aria-labelledby="console-public" padding={3} hasRadius borderColor="neutral200" background="neutral0">
        <Typography id="console-public" tag="h3" variant="delta">{t.publicContact}</Typography>
        <Flex direction="column" alignItems="stretch" gap={1} paddingTop={1}>
          {o.phones.map((ph) => <Line key={ph.number} colon={t.colon} label={ph.label ?? t.phone}>{ph.number}{ph.extension ? ` #${ph.extension}` : ''}</Line>)}
          {o.email && <Line colon={t.colon} label={t.email}>{o.email}</Line>}
          {o.website && <Line colon={t.colon} label={t.website}>{o.website}</Line>}
          <Line colon={t.colon} label={t.hours}>
            {o.hours.open24x7 ? t.open24 : o.hours.schedule.length > 0
              ? o.hours.schedule.map((h) => `${valueLabel(h.day, locale)} ${h.opens}–${h.closes}`).join(', ') : t.hoursUnknown}
            {o.hours.notes ? ` — ${o.hours.notes}` : ''}
          </Line>
          <Line colon={t.colon} label={t.services}>{o.services.map((s) => s.label).join(', ')}</Line>
          <Line colon={t.colon} label={t.areas}>
            {o.national ? t.national : o.serviceAreas.map((a) => `${a.province}${a.regions.length ? ` (${a.regions.join(', ')})` : ''}`).join('; ')}
          </Line>
          <Line colon={t.colon} label={t.languages}>{o.languages.map((l) => l.label).join(', ')}</Line>
          {o.populations.length > 0 && <Line colon={t.colon} label={t.populations}>{o.populations.map((x) => x.label).join(', ')}</Line>}
          {o.eligibility && <Line colon={t.colon} label={t.eligibilityPublic}>{o.eligibility}</Line>}
        </Flex>
      </Box>
    </Flex>
  );
}
