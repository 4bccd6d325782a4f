import { expect, waitUntil } from '@open-wc/testing';

/**
 * The widget must run on partner pages with a strict Content Security Policy: no inline script,
 * no eval, no inline style, network limited to the API. It is loaded here, from source, in a
 * same-origin iframe whose policy allows nothing else, and every CSP violation is collected.
 */
describe('under a strict Content Security Policy', () => {
  it('renders (hotline and quick exit included) without a single violation', async () => {
    const api = 'https://csp.directory.example.org';
    const policy = [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      `connect-src ${api}`,
      "img-src 'none'",
      "base-uri 'none'",
    ].join('; ');
    const iframe = document.createElement('iframe');
    iframe.title = 'CSP test page';
    // The inline style attribute is a control: its violation proves that violations are caught.
    iframe.srcdoc = `<!doctype html><html lang="fr"><head>
      <meta http-equiv="Content-Security-Policy" content="${policy}">
      <script type="module" src="${location.origin}/src/index.ts"></script>
      </head><body><p id="control" style="color: red">x</p>
      <referral-directory api-url="${api}"></referral-directory></body></html>`;
    const violations: string[] = [];
    document.body.append(iframe);
    // The initial about:blank window is reused by the same-origin srcdoc document, so this
    // listener sees violations from the very first parse.
    iframe.contentWindow!.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI} ${(e.target as Element | null)?.id ?? ''}`),
    );
    try {
      const hotline = () => {
        const widget = iframe.contentDocument?.querySelector('referral-directory');
        const banner = widget?.shadowRoot?.querySelector('rd-hotline-banner');
        return banner?.shadowRoot?.querySelector('a[href^="tel:"]');
      };
      await waitUntil(hotline, 'the widget did not render under CSP', { timeout: 10_000 });
      const widget = iframe.contentDocument!.querySelector('referral-directory')!;
      const exit = widget.shadowRoot!.querySelector('rd-quick-exit')!.shadowRoot!.querySelector('button')!;
      expect(exit.textContent).to.equal('Sortie rapide');
      // Styles apply (adopted style sheets are not inline styles).
      expect(iframe.contentWindow!.getComputedStyle(exit).fontWeight).to.equal('700');
      await waitUntil(() => violations.length > 0, 'the control violation was not reported');
      expect(violations).to.deep.equal(['style-src-attr inline control']);
    } finally {
      iframe.remove();
    }
  });
});
