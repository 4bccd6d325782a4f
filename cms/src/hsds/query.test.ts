import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localeOf, parseDetailQuery, parseHsdsQuery } from './query';

const q = (qs: string, kind: Parameters<typeof parseHsdsQuery>[1] = 'services', lang?: string) =>
  parseHsdsQuery(new URLSearchParams(qs), kind, lang);
const details = (f: () => unknown): Array<{ path: string; message: string }> => {
  try {
    f();
  } catch (e) {
    return (e as { details?: Array<{ path: string; message: string }> }).details ?? [];
  }
  return [];
};

test('Accept-Language picks French only when it prefers French to English; an explicit locale wins', () => {
  const d: Array<{ path: string; message: string }> = [];
  assert.equal(localeOf(null, 'fr-CA,fr;q=0.9,en;q=0.8', d), 'fr');
  assert.equal(localeOf(null, 'en-CA,fr;q=0.9', d), 'en');
  assert.equal(localeOf(null, 'de,fr;q=0.5,en;q=0.4', d), 'fr');
  assert.equal(localeOf(null, 'fr;q=0,en', d), 'en');
  assert.equal(localeOf(null, undefined, d), 'en');
  assert.equal(localeOf('en', 'fr', d), 'en');
  assert.deepEqual(d, []);
});

test("the reference's boolean parameters are read per endpoint", () => {
  assert.equal(q('minimal=true').minimal, true);
  assert.equal(q('full=1').full, true);
  assert.equal(q('full_service=true', 'organizations').fullService, true);
  assert.equal(q('top_only=true', 'taxonomy_terms').topOnly, true);
  assert.equal(q('locale=fr').locale, 'fr');
  assert.equal(q('', 'services', 'fr').locale, 'fr');
  assert.deepEqual(
    details(() => q('minimal=true', 'organizations')).map((x) => x.path),
    ['minimal'],
  );
  assert.deepEqual(
    details(() => q('full_service=true')).map((x) => x.path),
    ['full_service'],
  );
  assert.match(details(() => q('postcode=H2X', 'services'))[0]!.message, /not a known parameter/);
  assert.equal(parseDetailQuery(new URLSearchParams('full_service=true&locale=fr'), 'organizations').fullService, true);
  assert.deepEqual(
    details(() => parseDetailQuery(new URLSearchParams('full_service=true'), 'services')).map((x) => x.path),
    ['full_service'],
  );
});
