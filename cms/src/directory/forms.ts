/**
 * Validation of the two public forms. Only allowlisted fields are accepted (anything else is a
 * 400, so nobody can mass-assign a status, consent or internal field); every field is checked
 * for type, length and format; the error names each field.
 */
import type { ApplicationInput, Criterion, ErrorDetail, SuggestionInput } from '@referral-directory/sdk';
import { CRITERIA, LOCALES, ORGANIZATION_KINDS, PROVIDER_ROLES, PROVINCES } from '@referral-directory/sdk';
import { validationError } from './errors';

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const PHONE = /^\+?[0-9][0-9 ().-]{6,24}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$/i;
// Control characters other than tab/newline never belong in form text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Rule = { required?: boolean; max: number; format?: 'email' | 'url' | 'phone' | 'slug' };

function checkFields<T>(body: unknown, rules: Record<string, Rule>, special: Record<string, (v: unknown, d: ErrorDetail[]) => void>): T {
  const details: ErrorDetail[] = [];
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validationError([{ path: 'body', message: 'must be a JSON object' }]);
  const input = body as Record<string, unknown>;
  const known = new Set([...Object.keys(rules), ...Object.keys(special)]);
  for (const key of Object.keys(input)) if (!known.has(key)) details.push({ path: key.slice(0, 64), message: 'is not an accepted field' });
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const v = input[key];
    if (v === undefined || v === null || v === '') {
      if (rule.required) details.push({ path: key, message: 'is required' });
      continue;
    }
    if (typeof v !== 'string') {
      details.push({ path: key, message: 'must be a string' });
      continue;
    }
    const text = v.trim();
    if (text.length > rule.max) {
      details.push({ path: key, message: `must be at most ${rule.max} characters` });
      continue;
    }
    if (CONTROL.test(text)) {
      details.push({ path: key, message: 'contains control characters' });
      continue;
    }
    if (rule.format === 'email' && !EMAIL.test(text)) details.push({ path: key, message: 'must be an email address' });
    if (rule.format === 'phone' && !PHONE.test(text)) details.push({ path: key, message: 'must be a phone number' });
    if (rule.format === 'slug' && !/^[a-z0-9-]{1,200}$/.test(text)) details.push({ path: key, message: 'must be an organization slug' });
    if (rule.format === 'url') {
      let ok = false;
      try {
        const u = new URL(text);
        ok = u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        ok = false;
      }
      if (!ok) details.push({ path: key, message: 'must be an http(s) URL' });
    }
    out[key] = text;
  }
  for (const [key, check] of Object.entries(special)) {
    const before = details.length;
    check(input[key], details);
    if (details.length === before && input[key] !== undefined) out[key] = input[key];
  }
  if (details.length) throw validationError(details, 'The form has errors');
  return out as T;
}

const oneOf =
  (key: string, allowed: readonly string[], required = true) =>
  (v: unknown, d: ErrorDetail[]) => {
    if (v === undefined && !required) return;
    if (typeof v !== 'string' || !allowed.includes(v)) d.push({ path: key, message: `must be one of ${allowed.join(', ')}` });
  };

const honeypot = (v: unknown, d: ErrorDetail[]) => {
  if (v !== undefined && v !== null && typeof v !== 'string') d.push({ path: 'fax', message: 'must be a string' });
};

export function validateApplication(body: unknown): ApplicationInput {
  return checkFields<ApplicationInput>(
    body,
    {
      organizationName: { required: true, max: 200 },
      description: { required: true, max: 4000 },
      website: { max: 500, format: 'url' },
      email: { max: 254, format: 'email' },
      phone: { max: 40, format: 'phone' },
      services: { max: 2000 },
      contactName: { required: true, max: 200 },
      contactTitle: { max: 200 },
      contactEmail: { required: true, max: 254, format: 'email' },
      contactPhone: { max: 40, format: 'phone' },
    },
    {
      locale: oneOf('locale', LOCALES),
      kind: oneOf('kind', ORGANIZATION_KINDS),
      role: oneOf('role', PROVIDER_ROLES),
      fax: honeypot,
      provinces: (v, d) => {
        if (!Array.isArray(v) || v.length === 0 || v.length > PROVINCES.length)
          d.push({ path: 'provinces', message: 'must list 1 to 13 provinces or territories' });
        else
          v.forEach((p, i) => {
            if (typeof p !== 'string' || !(PROVINCES as readonly string[]).includes(p))
              d.push({ path: `provinces[${i}]`, message: 'must be a province or territory code' });
          });
      },
      attestations: (v, d) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
          d.push({ path: 'attestations', message: 'must be an object' });
          return;
        }
        const a = v as Record<string, unknown>;
        for (const k of Object.keys(a))
          if (!(CRITERIA as readonly string[]).includes(k))
            d.push({ path: `attestations.${k.slice(0, 64)}`, message: 'is not an accepted field' });
        for (const c of CRITERIA) if (a[c] !== true) d.push({ path: `attestations.${c}`, message: 'must be attested (true)' });
      },
    },
  );
}

export function validateSuggestion(body: unknown): SuggestionInput {
  return checkFields<SuggestionInput>(
    body,
    {
      organization: { required: true, max: 200, format: 'slug' },
      message: { required: true, max: 2000 },
      field: { max: 200 },
      contactEmail: { max: 254, format: 'email' },
    },
    { locale: oneOf('locale', LOCALES), fax: honeypot },
  );
}

export const attestationsOf = (a: Record<Criterion, boolean>) => Object.fromEntries(CRITERIA.map((c) => [c, a[c] === true]));
