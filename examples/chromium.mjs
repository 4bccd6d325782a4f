// Debian's Chromium (CHROME_PATH to override), headless, for the example scripts and their tests.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../scripts/lib.mjs';

/** Launches Chromium with the tree's flags (scripts/lib.mjs: runs as root, stays off the network). */
export function launchChromium() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
