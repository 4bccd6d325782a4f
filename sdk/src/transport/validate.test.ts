import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { facets, organization, page, receipt, settings } from '../test-support/fixtures.js';
import { assertFacets, assertOrganization, assertOrganizationList, assertReceipt, assertSettings, listOf } from './validate.js';

const rejects = (fn: () => void, message: string) => assert.throws(fn, { name: 'TypeError', message });

describe('assertOrganizationList', () => {
  test('accepts a valid page', () => {
    assertOrganizationList(page([organization()]));
  });

  test('names the first bad record field', () => {
    const bad = page([organization(), { ...organization(), slug: 42 as unknown as string }]);
    rejects(() => assertOrganizationList(bad), 'data[1].slug is not a string');
  });

  test('requires data to be an array and meta numbers', () => {
    rejects(() => assertOrganizationList({ data: {}, meta: {} }), 'data is not an array');
    rejects(() => assertOrganizationList({ data: [], meta: { page: '1' } }), 'meta.page is not a number');
    rejects(() => assertOrganizationList({ data: [] }), 'meta is not an object');
    rejects(() => assertOrganizationList('<html>'), 'body is not an object');
    rejects(() => assertOrganizationList({ data: [null], meta: {} }), 'data[0] is not an object');
  });
});

describe('other answers', () => {
  test('accept the valid fixtures', () => {
    assertOrganization({ data: organization() });
    assertFacets(facets);
    assertSettings({ data: settings });
    assertReceipt(receipt);
  });

  test('reject a record without a name', () => {
    rejects(() => assertOrganization({ data: { slug: 'x' } }), 'data.name is not a string');
  });

  test('reject facets that are not arrays', () => {
    rejects(() => assertFacets({ data: { province: 'ON' } }), 'data.province is not an array');
    rejects(() => assertFacets({ data: [] }), 'data is not an object');
  });

  test('reject settings without a hotline phone', () => {
    rejects(() => assertSettings({ data: { hotline: {} } }), 'data.hotline.phone is not a string');
    rejects(() => assertSettings({ data: {} }), 'data.hotline is not an object');
  });

  test('reject a receipt without a reference', () => {
    rejects(() => assertReceipt({ data: { status: 'received' } }), 'data.reference is not a string');
  });

  test('check the keys each list asks for', () => {
    const protocols = listOf(['documentId']);
    rejects(() => protocols({ data: [{ agency: 'x' }], meta: {} }), 'data[0].documentId is not a string');
  });
});
