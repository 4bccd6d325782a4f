// One organization as the call needs it: warnings first, then the referral protocol and the
// private intake line (copy button), then what may be given to the caller. Confidential parts sit
// in a marked frame. The order keeps the protocol in view at 1280×800 without scrolling.
import { Badge, Box, Checkbox, Flex, MenuItem, SimpleMenu, Typography } from '@strapi/design-system';
import type { Locale, ReferralProtocol } from '@referral-directory/sdk';
import type { CallView } from '../../console/call-view';
import { OUTCOMES } from '../../console/outcome';
import { CONSOLE_LABELS, valueLabel } from './labels';
import { OpenBadge } from './OpenBadge';
import { ProtocolSection } from './ProtocolSection';
import { PublicContact } from './PublicContact';

type OnOutcome = (outcome: (typeof OUTCOMES)[number], mode: ReturnType<typeof modeOf>) => void;

interface Props {
  view: CallView;
  locale: Locale;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onOutcome: OnOutcome;
}

/** How the referral is made, for the outcome: the protocol's first mode. */
export function modeOf(p: ReferralProtocol | null): 'warm_transfer' | 'conference_call' | 'phone' | 'chat' | 'email' {
  if (p?.warmTransfer) return 'warm_transfer';
  if (p?.conferenceCall) return 'conference_call';
  if (p?.byChat && !p.byPhone) return 'chat';
  if (p?.byEmail && !p.byPhone) return 'email';
  return 'phone';
}

/** The name, status, open state and last verification; the selection for the message and the outcome menu. */
function CallHeader({ view, locale, selected, onSelect, onOutcome }: Props) {
  const t = CONSOLE_LABELS[locale];
  const o = view.organization;
  return (
    <Flex justifyContent="space-between" alignItems="flex-start" gap={2} wrap="wrap">
      <Box>
        <Typography tag="h2" variant="beta">
          {o.name}
        </Typography>
        <Flex gap={2} wrap="wrap">
          {o.status !== 'active' && <Badge>{valueLabel(o.status, locale)}</Badge>}
          <OpenBadge open={view.openNow} open24x7={o.hours.open24x7} locale={locale} />
          <Typography variant="pi" textColor="neutral700">
            {t.lastVerified}
            {t.colon}
            {o.lastVerified ?? t.never}
          </Typography>
        </Flex>
      </Box>
      <Flex gap={2}>
        <Checkbox checked={selected} disabled={!view.public} onCheckedChange={(c) => onSelect(c === true)} name="select-for-message">
          {view.public ? t.select : t.notPublic}
        </Checkbox>
        <SimpleMenu label={t.outcome} variant="secondary" size="S">
          {OUTCOMES.map((x) => (
            <MenuItem key={x} onSelect={() => onOutcome(x, modeOf(o.referralProtocol))}>
              {valueLabel(x, locale)}
            </MenuItem>
          ))}
        </SimpleMenu>
      </Flex>
    </Flex>
  );
}

function Warnings({ warnings, locale }: { warnings: CallView['warnings']; locale: Locale }) {
  const t = CONSOLE_LABELS[locale];
  if (warnings.length === 0) return null;
  return (
    <Box tag="section" aria-label={t.warnings} background="danger100" borderColor="danger200" hasRadius padding={3} data-warnings="">
      {warnings.map((w) => (
        <Typography key={w.kind} tag="p" textColor="danger700" data-warning={w.kind}>
          <Typography fontWeight="bold" textColor="danger700">
            ⚠ {t.warning[w.kind]}
          </Typography>
          {w.detail
            ? ` — ${
                w.kind === 'status'
                  ? w.detail
                      .split(': ')
                      .map((v) => valueLabel(v, locale))
                      .join(t.colon)
                  : w.detail
              }`
            : ''}
        </Typography>
      ))}
    </Box>
  );
}

export function CallPanel(props: Props) {
  const { view, locale } = props;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-call={view.organization.slug}>
      <CallHeader {...props} />
      <Warnings warnings={view.warnings} locale={locale} />
      <ProtocolSection organization={view.organization} locale={locale} />
      <PublicContact organization={view.organization} locale={locale} />
    </Flex>
  );
}
