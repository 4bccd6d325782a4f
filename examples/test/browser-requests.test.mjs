/**
 * What a partner page costs the API, counted at the API in real Chromium from another origin:
 * repeated SDK calls and widget filter changes must not be preflighted, and a repeat within the
 * API's max-age must be answered by the browser's HTTP cache, not by the network.
 */
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { measure } from '../scripts/browser-requests.mjs';

const preflights = (requests) => requests.filter((r) => r.startsWith('OPTIONS '));

describe('requests from a partner page on another origin, in Chromium', () => {
  let results;
  before(async () => {
    results = await measure({ print: (line) => console.log(line) });
  });

  test('three settings() calls with the default client make one request, without preflight', () => {
    assert.deepEqual(results['three settings() calls'], ['GET /api/directory/settings']);
  });

  test('the same with cacheSize: 0', () => {
    assert.deepEqual(results['three settings() calls with cacheSize: 0'], ['GET /api/directory/settings']);
  });

  test('no widget filter change is preflighted', () => {
    for (const [name, requests] of Object.entries(results)) assert.deepEqual(preflights(requests), [], name);
  });

  test('a new filter fetches the list and the facets once each', () => {
    const requests = results['widget filter change, tick Ontario'];
    assert.equal(requests.length, 2, requests.join(', '));
    assert.ok(requests.every((r) => r.startsWith('GET ') && r.includes('province=ON')));
  });

  test('going back to a list seen within max-age costs no request at all', () => {
    assert.deepEqual(results['widget filter change, untick Ontario (back to a list seen before)'], []);
  });
});
