// The referral message for the caller, in the caller's language: read it out, copy it or print
// it. Public information only (the server builds it from the public directory); nothing is kept.
import { Box, Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { Locale } from '@referral-directory/sdk';
import { CONSOLE_LABELS } from './labels';

interface Props {
  text: string | null;
  locale: Locale;
  onClose: () => void;
}

/** Prints the message alone, from a blank window (the admin page itself does not print well). */
function printText(text: string, title: string): void {
  const w = window.open('', '_blank', 'noopener=no,width=700,height=800');
  if (!w) return;
  const pre = w.document.createElement('pre');
  pre.style.cssText = 'white-space:pre-wrap;font:14px/1.5 sans-serif';
  pre.textContent = text;
  w.document.title = title;
  w.document.body.appendChild(pre);
  w.focus();
  w.print();
}

export function MessageDialog({ text, locale, onClose }: Props) {
  const t = CONSOLE_LABELS[locale];
  return (
    <Modal.Root
      open={text !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{t.messageTitle}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Typography tag="p" variant="pi" textColor="neutral700">
            {t.messageNote}
          </Typography>
          <Box paddingTop={2}>
            <pre data-message="" style={{ whiteSpace: 'pre-wrap', font: 'inherit', margin: 0 }}>
              {text}
            </pre>
          </Box>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t.close}</Button>
          </Modal.Close>
          <Flex gap={2}>
            <Button
              variant="secondary"
              onClick={() => {
                if (text) printText(text, t.messageTitle);
              }}
            >
              {t.print}
            </Button>
            <Button
              onClick={() => {
                if (text) navigator.clipboard.writeText(text).catch(() => undefined);
              }}
            >
              {t.copy}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
