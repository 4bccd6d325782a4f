// Kept apart from helpers.ts: it imports the widget's sources, which the test of the built bundle
// (src/dist.test.ts) must not load (the bundle defines the same elements).
import { RdQuickExit } from '../src/elements/quick-exit.js';
import { uncoverPage } from '../src/lib/page-cover.js';

/**
 * Stands in for quick exit's navigation in the tests of the calling `describe` (and shows the
 * page again after each): the array lists the URLs quick exit left for, in the current test.
 */
export function recordNavigations(): string[] {
  const navigations: string[] = [];
  const original = RdQuickExit.navigate;
  beforeEach(() => {
    navigations.length = 0;
    RdQuickExit.navigate = (url) => navigations.push(url);
  });
  afterEach(() => {
    RdQuickExit.navigate = original;
    uncoverPage();
  });
  return navigations;
}
