/**
 * Quick exit's effects on the host page: hide it at once, then leave for a neutral site with
 * `location.replace` (so that Back does not return here). If the person comes back anyway
 * (bfcache, `pageshow` with `persisted`), the page is shown again.
 *
 * Only CSSOM properties are set (no `style` attribute strings), which a strict CSP allows.
 */

let cover: HTMLElement | undefined;
let saved: { visibility: string; title: string } | undefined;

/** Hides the whole page behind a blank cover. Idempotent. */
export function coverPage(): void {
  if (cover) return;
  const { body } = document;
  saved = { visibility: body.style.visibility, title: document.title };
  cover = document.createElement('div');
  cover.setAttribute('aria-hidden', 'true');
  Object.assign(cover.style, {
    position: 'fixed',
    inset: '0',
    zIndex: '2147483647',
    background: '#fff',
  });
  document.documentElement.append(cover);
  body.style.visibility = 'hidden';
  document.title = '';
  addEventListener('pageshow', onPageShow);
}

/** Undoes `coverPage()`. */
export function uncoverPage(): void {
  cover?.remove();
  cover = undefined;
  if (saved) {
    document.body.style.visibility = saved.visibility;
    document.title = saved.title;
    saved = undefined;
  }
  removeEventListener('pageshow', onPageShow);
}

/** True while the page is covered. */
export function isPageCovered(): boolean {
  return cover !== undefined;
}

function onPageShow(event: PageTransitionEvent): void {
  if (event.persisted) uncoverPage();
}

/**
 * Replaces the top-level page (the widget may sit in an iframe) or, when the browser refuses
 * (cross-origin frame without the right to navigate its parent), the widget's own page.
 */
export function leaveFor(url: string): void {
  try {
    (window.top ?? window).location.replace(url);
  } catch {
    window.location.replace(url);
  }
}
