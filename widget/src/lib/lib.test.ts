import { expect } from '@open-wc/testing';
import { type Facets, cleanSelection, labelOf, parseList, readUrlState, toFilters, writeUrlState } from './filters.js';
import { formatDate, formatTime, openingDay } from './format.js';
import { displayUrl, httpUrl, mailHref, phoneHref } from './links.js';
import { normalizeOrganization } from './normalize.js';
import type { PublicOrganization } from '@referral-directory/sdk';

describe('filters', () => {
  it('parses space- and comma-separated attribute values, without duplicates', () => {
    expect(parseList(' QC, ON  ON,,NB ')).to.deep.equal(['QC', 'ON', 'NB']);
    expect(parseList(null)).to.deep.equal([]);
  });

  it('keeps only known values of fixed vocabularies and well-formed codes of the others', () => {
    expect(cleanSelection({ province: ['qc', 'XX'], need: ['legal', 'medical'], focus: ['labour_rights', 'a b', '<x>'] })).to.deep.equal({
      province: ['QC'],
      need: ['legal'],
      focus: ['labour_rights'],
    });
  });

  it('builds request filters with only the set keys', () => {
    expect(toFilters('  shelter ', { province: ['QC', 'ON'], role: ['direct'] })).to.deep.equal({
      q: 'shelter',
      province: ['QC', 'ON'],
      role: ['direct'],
    });
    expect(toFilters('', {})).to.deep.equal({});
  });

  it('labels values from the facets (fixed vocabularies included), else shows the code', () => {
    const facets: Partial<Facets> = {
      focus: [{ value: 'labour_rights', label: 'Droits du travail', count: 2 }],
      province: [{ value: 'PE', label: 'Île-du-Prince-Édouard', count: 0 }],
    };
    expect(labelOf('focus', 'labour_rights', facets)).to.equal('Droits du travail');
    expect(labelOf('province', 'PE', facets)).to.equal('Île-du-Prince-Édouard');
    expect(labelOf('province', 'PE', undefined)).to.equal('PE');
    expect(labelOf('service', 'mystery', facets)).to.equal('mystery');
  });

  it("round-trips the keyword and filters through the URL, keeping the host page's parameters", () => {
    const search = writeUrlState('?page=about&rd-q=old', 'refuge Montréal', { province: ['QC', 'ON'], need: ['legal'] });
    expect(new URLSearchParams(search).get('page')).to.equal('about');
    expect(readUrlState(search)).to.deep.equal({ q: 'refuge Montréal', selection: { province: ['QC', 'ON'], need: ['legal'] } });
    expect(writeUrlState('?rd-q=x', '', {})).to.equal('');
  });

  it('ignores tampered URL values', () => {
    expect(readUrlState('?rd-province=QC,ZZ&rd-role=admin').selection).to.deep.equal({ province: ['QC'] });
  });
});

describe('links', () => {
  it('accepts only http(s) URLs', () => {
    expect(httpUrl('https://example.org/a')).to.equal('https://example.org/a');
    expect(httpUrl('javascript:alert(1)')).to.equal(null);
    expect(httpUrl('data:text/html,<b>')).to.equal(null);
    expect(httpUrl('example.org')).to.equal(null);
    expect(httpUrl(null)).to.equal(null);
  });

  it('shortens URLs for display', () => {
    expect(displayUrl('https://www.example.org/fr/')).to.equal('example.org/fr');
  });

  it('builds tel: and sms: links with digits only, and the extension', () => {
    expect(phoneHref('+1 (555) 010-0101')).to.equal('tel:+15550100101');
    expect(phoneHref('555-010-0202', '12')).to.equal('tel:5550100202;ext=12');
    expect(phoneHref('555-010-0303', null, 'sms')).to.equal('sms:5550100303');
    expect(phoneHref('call us')).to.equal(null);
  });

  it('builds mailto: links for plausible single addresses only', () => {
    expect(mailHref('info@example.org')).to.equal('mailto:info@example.org');
    expect(mailHref('not an email')).to.equal(null);
    expect(mailHref('a@example.org?bcc=b@example.org')).to.equal(null);
  });
});

describe('format', () => {
  it('formats calendar dates in each language without moving them to another day', () => {
    expect(formatDate('2025-03-04', 'en-CA')).to.equal('March 4, 2025');
    expect(formatDate('2025-03-04', 'fr-CA')).to.equal('4 mars 2025');
    expect(formatDate('not a date', 'en-CA')).to.equal('not a date');
  });

  it('formats opening times in each language', () => {
    expect(formatTime('17:30', 'fr-CA')).to.equal('17 h 30');
    expect(formatTime('09:00', 'en-CA')).to.match(/^9:00\sa\.m\.$/);
  });

  it('names the day a service opens on its own clock: today, tomorrow, else the weekday', () => {
    // Thursday 2026-12-03, 11:30 in Montréal (16:30 UTC).
    const thursday = Date.parse('2026-12-03T16:30:00Z');
    expect(openingDay('2026-12-03T13:00:00-05:00', 'en-CA', thursday)).to.equal('today');
    expect(openingDay('2026-12-03T13:00:00-05:00', 'fr-CA', thursday)).to.equal('aujourd’hui');
    expect(openingDay('2026-12-04T09:00:00-05:00', 'en-CA', thursday)).to.equal('tomorrow');
    expect(openingDay('2026-12-04T09:00:00-05:00', 'fr-CA', thursday)).to.equal('demain');
    expect(openingDay('2026-12-07T09:00:00-05:00', 'en-CA', thursday)).to.equal('Monday');
    expect(openingDay('2026-12-07T09:00:00-05:00', 'fr-CA', thursday)).to.equal('lundi');
    // 23:30 on Thursday in Montréal is already Friday in UTC: Friday is still tomorrow there.
    expect(openingDay('2026-12-04T09:00:00-05:00', 'en-CA', Date.parse('2026-12-04T04:30:00Z'))).to.equal('tomorrow');
    // 22:30 on Thursday in St. John's (-03:30), 02:00 UTC Friday: opening Friday is tomorrow.
    expect(openingDay('2026-12-04T08:30:00-03:30', 'en-CA', Date.parse('2026-12-04T02:00:00Z'))).to.equal('tomorrow');
    expect(openingDay('not a date', 'en-CA', thursday)).to.equal('');
  });
});

describe('normalizeOrganization', () => {
  it('fills in what a partial record misses, so that it can still be shown', () => {
    const partial = { slug: 'x', name: 'X', hours: null, services: null } as unknown as PublicOrganization;
    const o = normalizeOrganization(partial);
    expect(o.services).to.deep.equal([]);
    expect(o.phones).to.deep.equal([]);
    expect(o.hours).to.deep.equal({ open24x7: false, schedule: [], notes: null });
    expect(o.ageRange).to.deep.equal({ min: null, max: null });
    expect(o.description).to.equal('');
  });
});
