// Debian's Chromium (CHROME_PATH to override), headless, for the example scripts and their tests.
import { chromium } from 'playwright-core';

/** Launches Chromium; the flags let it run as root and keep it off the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
