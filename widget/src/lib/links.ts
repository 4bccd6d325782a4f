/**
 * Turns CMS text into link targets, or refuses to. Lit escapes text but not the scheme of an
 * `href`: a `javascript:` URL entered in the CMS (or sent by a compromised API) must never
 * become a link on a partner site.
 */

/** An absolute `http(s)` URL, normalised; `null` for anything else. */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** `example.org/fr` for `https://www.example.org/fr/`: short link text that still says where. */
export function displayUrl(href: string): string {
  const url = new URL(href);
  const path = url.pathname.replace(/\/$/, '');
  return url.hostname.replace(/^www\./, '') + path;
}

/** `tel:` (or `sms:`) URI of a displayed number, with its extension; `null` without digits. */
export function phoneHref(number: string, extension?: string | null, scheme: 'tel' | 'sms' = 'tel'): string | null {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 3) return null;
  const ext = extension?.replace(/\D/g, '');
  return `${scheme}:${trimmed.startsWith('+') ? '+' : ''}${digits}${ext && scheme === 'tel' ? `;ext=${ext}` : ''}`;
}

/** `mailto:` URI of a plausible single address; `null` otherwise (no header injection). */
export function mailHref(email: string | null | undefined): string | null {
  const address = email?.trim();
  return address && /^[^\s@<>?&,;:"]+@[^\s@<>?&,;:"]+\.[^\s@<>?&,;:"]+$/.test(address) ? `mailto:${address}` : null;
}
